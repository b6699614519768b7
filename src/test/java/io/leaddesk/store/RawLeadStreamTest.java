package io.leaddesk.store;

import io.leaddesk.model.LeadBuilder;
import static io.leaddesk.store.Fixtures.en;
import static io.leaddesk.store.Fixtures.ru;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.graph.PageInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** forEachRawLead + parse must give exactly what forEachLead gives, whatever the raw JSON holds. */
class RawLeadStreamTest {

    static final Instant T1 = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2025-03-02T10:00:00Z");

    @TempDir
    Path dir;
    LeadStore store;

    @BeforeEach
    void open() {
        store = LeadStore.open(dir.resolve("leaddesk.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A lead whose stored columns say one thing and whose raw JSON says another (or nothing) for the same field. */
    static Lead odd(String id, String raw) {
        return LeadBuilder.lead(id).created("2025-10-08T09:09:27+0000", 1_759_914_567L).form("f-en")
                .ad("col-ad", "Column ad").adset("col-set", "Column set").campaign("col-camp", "Column campaign")
                .organic(true).platform("col-platform").answer("full_name", "Odd " + id).raw(raw).build();
    }

    void seedVaried() {
        store.upsertPage(new PageInfo("p-1", "Банк Москва", new AccessToken("EAAGsecretPAGEtoken123456"), List.of()));
        store.upsertPage(new PageInfo("p-2", "Acme Ltd", new AccessToken("EAAGsecretPAGEtoken654321"), List.of()));
        store.upsertForms("p-1", List.of(Fixtures.russianForm()));
        store.upsertForms("p-2", List.of(Fixtures.englishForm()));
        store.upsertLeads("p-1", Fixtures.russianForm(), List.of(
                ru("r1", 1_700_000_000L, "Иван Петров", "ivan.petrov@mail.ru", "+380 67 123 4567", "Электроника", "Кредит"),
                ru("r2", 1_700_000_100L, "Мария", "maria@mail.ru", "", "Кредит")), T1);
        List<Lead> en = new ArrayList<>(List.of(
                en("e1", 1_700_000_200L, "Ann Lee", "ann@example.com", "+1 415 555 0100", true),
                en("e2", 1_700_000_300L, "Bob \"Bobby\" Ray", "=cmd()", "", null),
                en("e3", 1_700_000_400L, "Cé Ñu", "ce@example.com", "+44 20 7946 0000", false),
                // keys only nested (not top level) or null: the parse must take the stored columns
                odd("o1", "{\"id\":\"o1\",\"created_time\":\"2025-10-08T09:09:27+0000\",\"form_id\":\"f-en\",\"ad_id\":null,"
                        + "\"platform\":null,\"extra\":{\"ad_name\":\"nested\",\"adset_id\":\"nested\",\"is_organic\":false,"
                        + "\"campaign_id\":\"n\",\"campaign_name\":\"n\",\"adset_name\":\"n\"},"
                        + "\"field_data\":[{\"name\":\"full_name\",\"values\":[\"Odd o1\"]}]}"),
                // the keys appear only as text inside an answer
                odd("o2", "{\"field_data\":[{\"name\":\"full_name\",\"values\":[\"\\\"id\\\" \\\"created_time\\\" \\\"form_id\\\"\"]}],"
                        + "\"note\":\"\\\"ad_id\\\" \\\"platform\\\" \\\"is_organic\\\"\"}"),
                // broken JSON that names the fields: falls back to the columns entirely
                odd("o3", "{\"id\":\"o3\",\"ad_id\":\"json-ad\",\"platform\":\"ig\",\"field_data\":[{\"name\":"),
                // numbers where text is expected (the tree path)
                odd("o4", "{\"id\":\"o4\",\"created_time\":\"2025-10-08T09:09:27+0000\",\"form_id\":\"f-en\",\"ad_id\":12345,"
                        + "\"is_organic\":\"1\",\"field_data\":[]}"),
                // built without raw JSON: the store writes Graph-shaped JSON
                LeadBuilder.lead("b1").created("2025-10-08T09:09:27+0000", 1_759_914_567L).form("f-en").platform("fb")
                        .answer("full_name", "Bare").build()));
        store.upsertLeads("p-2", Fixtures.englishForm(), en, T1);
        store.upsertLeads("p-2", Fixtures.englishForm(), List.of(en.get(0)), T2);
        store.setReview("e1", ReviewStatus.QUALIFIED, "called, wants 2 units");
        store.setReview("o1", ReviewStatus.SPAM, null);
    }

    List<StoredLead> parsed(LeadQuery q) {
        List<LeadStore.RawStoredLead> raw = new ArrayList<>();
        store.forEachRawLead(q, raw::add);
        return raw.stream().map(LeadStore.RawStoredLead::parse).toList();
    }

    List<StoredLead> eager(LeadQuery q) {
        List<StoredLead> out = new ArrayList<>();
        store.forEachLead(q, out::add);
        return out;
    }

    @Test
    void rawStreamParsedLaterEqualsForEachLeadForVariedLeads() {
        seedVaried();
        List<StoredLead> expected = eager(LeadQuery.all());
        assertThat(expected).hasSize(10);

        List<StoredLead> actual = parsed(LeadQuery.all());

        assertThat(actual).containsExactlyElementsOf(expected);
        // the odd leads really did need the columns (so the lazily read path is exercised)
        assertThat(actual).filteredOn(s -> s.id().startsWith("o"))
                .allSatisfy(s -> assertThat(s.lead().adName()).isEqualTo("Column ad"));
        assertThat(actual).filteredOn(s -> s.id().equals("e1")).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(ReviewStatus.QUALIFIED);
            assertThat(s.note()).isEqualTo("called, wants 2 units");
            assertThat(s.firstSeen()).isEqualTo(T1);
            assertThat(s.lastSeen()).isEqualTo(T2);
            assertThat(s.pageId()).isEqualTo("p-2");
        });
    }

    /** A damaged cache whose raw-JSON row of a lead is gone still streams that lead, from its stored columns. */
    @Test
    void aLeadWhoseRawJsonRowIsMissingStillStreamsFromItsColumns() throws Exception {
        seedVaried();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("leaddesk.db"));
             java.sql.Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("DELETE FROM lead_json WHERE rowid = (SELECT rowid FROM leads WHERE id = 'e3')")).isEqualTo(1);
        }
        List<StoredLead> expected = eager(LeadQuery.all());
        assertThat(expected).hasSize(10);

        List<StoredLead> actual = parsed(LeadQuery.all());

        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(actual).filteredOn(s -> s.id().equals("e3")).singleElement()
                .satisfies(s -> assertThat(s.lead().adName()).isNotBlank());
    }

    @Test
    void filteredAndSortedQueriesStreamTheSameRowsInTheSameOrder() {
        seedVaried();
        for (LeadQuery q : List.of(LeadQuery.all().withForms(List.of("f-en")).sortedBy(LeadSort.CREATED, false),
                LeadQuery.all().withSearch("Odd"), LeadQuery.all().withSearch("nobody-matches"))) {
            assertThat(parsed(q)).containsExactlyElementsOf(eager(q));
        }
    }

    @Test
    void parsingOnAnotherThreadGivesTheSameLeads() throws Exception {
        seedVaried();
        List<LeadStore.RawStoredLead> raw = new ArrayList<>();
        store.forEachRawLead(LeadQuery.all(), raw::add);
        ExecutorService other = Executors.newSingleThreadExecutor(r -> new Thread(r, "raw-lead-test-parser"));
        try {
            Future<List<StoredLead>> f = other.submit(() -> raw.stream().map(LeadStore.RawStoredLead::get).toList());
            assertThat(f.get()).containsExactlyElementsOf(eager(LeadQuery.all()));
        } finally {
            other.shutdownNow();
        }
    }
}
