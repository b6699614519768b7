package io.leaddesk.store;

import static io.leaddesk.store.Fixtures.en;
import static io.leaddesk.store.Fixtures.ru;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.model.Lead;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which leads are new (the seen-state migration): a real SQLite file, reopened where it matters. */
class SeenStateTest {
    /** The first complete pull of the forms (our clock). */
    static final Instant FIRST_PULL = Instant.parse("2025-03-01T10:00:00Z");
    static final long BEFORE = FIRST_PULL.getEpochSecond() - 86_400;
    static final long AFTER = FIRST_PULL.getEpochSecond() + 3_600;

    @TempDir
    Path dir;
    Path file;
    LeadStore store;

    @BeforeEach
    void open() {
        file = dir.resolve("leaddesk.db");
        store = LeadStore.open(file);
        store.upsertPage(new PageInfo("p-1", "Банк Москва", new AccessToken("EAAGsecretPAGEtoken123456"), List.of()));
        store.upsertPage(new PageInfo("p-2", "Acme Ltd", new AccessToken("EAAGsecretPAGEtoken654321"), List.of()));
        store.upsertForms("p-1", List.of(Fixtures.russianForm()));
        store.upsertForms("p-2", List.of(Fixtures.englishForm()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The first sync: the backlog of both forms, then both forms' pulls complete. */
    private void firstSync() {
        store.upsertLeads("p-1", Fixtures.russianForm(), List.of(
                ru("r1", BEFORE, "Иван Петров", "ivan.petrov@mail.ru", "+380 67 123 4567"),
                ru("r2", BEFORE + 10, "Ольга Смирнова", "olga@yandex.ru", "+7 916 000 11 22")), FIRST_PULL);
        store.markFormSynced("f-ru", BEFORE + 10, FIRST_PULL);
        // the second form's pull ends later (forms are pulled at the same time): its backlog is not new either
        store.upsertLeads("p-2", Fixtures.englishForm(), List.of(en("e1", BEFORE + 5, "Alice Smith", "alice@acme.com",
                "+1 555 0100", false)), FIRST_PULL.plusSeconds(2));
        store.markFormSynced("f-en", BEFORE + 5, FIRST_PULL.plusSeconds(2));
    }

    @Test
    void aFirstSyncsBacklogIsNotNewButLeadsThatArriveAfterwardAreUntilSeen() {
        firstSync();
        assertThat(store.newLeadsTotal()).isZero();

        Lead later = ru("r3", AFTER, "Café Müller", "cafe@example.de", "");
        store.upsertLeads("p-1", Fixtures.russianForm(), List.of(later), FIRST_PULL.plusSeconds(3_700));
        store.upsertLeads("p-2", Fixtures.englishForm(), List.of(
                en("e2", AFTER, "שלום עליכם", "shalom@example.il", "+972 50 123 4567", true),
                en("e3", AFTER + 1, "Bob", "bob@acme.com", "", null)), FIRST_PULL.plusSeconds(3_700));

        assertThat(store.isNew("r3")).isTrue();
        assertThat(store.isNew("r1")).isFalse();
        assertThat(store.newLeadsTotal()).isEqualTo(3);
        assertThat(store.newCountsByForm()).containsExactlyInAnyOrderEntriesOf(Map.of("f-ru", 1L, "f-en", 2L));
        assertThat(ids(LeadQuery.all().withNewOnly(true))).containsExactly("e3", "e2", "r3");
        assertThat(ids(LeadQuery.all().withNewOnly(true).withForms(List.of("f-en")))).containsExactly("e3", "e2");
        assertThat(store.newLeadIds()).containsExactlyInAnyOrder("r3", "e2", "e3");
        long[] rows = store.leadRowIds(LeadQuery.all());
        assertThat(store.rows(rows, 0, rows.length)).extracting(LeadRow::id, LeadRow::isNew).containsExactly(
                org.assertj.core.groups.Tuple.tuple("e3", true), org.assertj.core.groups.Tuple.tuple("e2", true),
                org.assertj.core.groups.Tuple.tuple("r3", true), org.assertj.core.groups.Tuple.tuple("r2", false),
                org.assertj.core.groups.Tuple.tuple("e1", false), org.assertj.core.groups.Tuple.tuple("r1", false));
        // the lead as Meta sent it, unchanged by being new
        assertThat(store.lead("r3").orElseThrow().lead().rawJson()).isEqualTo(later.rawJson());

        // shown in the detail pane: seen, and it stays seen after a restart and a resync of the same lead
        assertThat(store.markSeen("r3")).isTrue();
        assertThat(store.markSeen("r3")).isFalse();
        store.close();
        store = LeadStore.open(file);
        store.upsertLeads("p-1", Fixtures.russianForm(), List.of(later), FIRST_PULL.plusSeconds(7_200));
        assertThat(store.isNew("r3")).isFalse();
        assertThat(store.isNew("e2")).isTrue();
        assertThat(store.newLeadsTotal()).isEqualTo(2);

        // "Mark all as seen" of a form
        assertThat(store.markFormSeen("f-en")).isEqualTo(2);
        assertThat(store.newLeadsTotal()).isZero();
        assertThat(store.newCountsByForm()).isEmpty();
        assertThat(store.countLeads(LeadQuery.all().withNewOnly(true))).isZero();
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(6);
    }

    @Test
    void leadsOfAFormCreatedAfterTheFirstSyncAreNewEvenOnThatFormsFirstPull() {
        firstSync();
        store.upsertForms("p-2", List.of(new io.leaddesk.model.LeadForm("f-new", "p-2", "Commande de Noël", "ACTIVE",
                "fr_FR", null, 1, 0, 0, Fixtures.englishForm().questions(), null, null, "{}")));
        Lead noel = Fixtures.lead("n1", "f-new", AFTER, "fb", false, "Noël", List.of(Fixtures.answer("full_name", "Zoé")),
                List.of());
        store.upsertLeads("p-2", store.form("f-new").orElseThrow().form(), List.of(noel), FIRST_PULL.plusSeconds(4_000));
        assertThat(store.isNew("n1")).isTrue();
        assertThat(store.newCountsByForm()).containsExactly(Map.entry("f-new", 1L));
    }

    @Test
    void arrivalsAfterAMarkCountTheNewLeadsASyncStoredPerFormMostFirst() {
        firstSync();
        long mark = store.newestRowId();
        assertThat(store.arrivalsAfter(mark, 10).isEmpty()).isTrue();
        store.upsertLeads("p-2", Fixtures.englishForm(), List.of(
                en("e2", AFTER, "Dana", "dana@acme.com", "", false), en("e3", AFTER + 1, "Eve", "eve@acme.com", "", false)),
                FIRST_PULL.plusSeconds(3_700));
        store.upsertLeads("p-1", Fixtures.russianForm(), List.of(ru("r3", AFTER + 2, "Фёдор", "f@mail.ru", "")),
                FIRST_PULL.plusSeconds(3_700));

        Arrivals a = store.arrivalsAfter(mark, 2);
        assertThat(a.total()).isEqualTo(3);
        assertThat(a.byForm()).containsExactly(Map.entry("f-en", 2L), Map.entry("f-ru", 1L));
        assertThat(store.rows(a.newestRowIds(), 0, a.newest().size())).extracting(LeadRow::id).containsExactly("r3", "e3");
        // a lead seen since is no longer told
        store.markSeen("r3");
        assertThat(store.arrivalsAfter(mark, 10).byForm()).containsExactly(Map.entry("f-en", 2L));
    }

    @Test
    void aForgottenLeadLeavesTheNewLeads() {
        firstSync();
        store.upsertLeads("p-1", Fixtures.russianForm(), List.of(ru("r3", AFTER, "Café Müller", "cafe@example.de", "")),
                FIRST_PULL.plusSeconds(3_700));
        assertThat(store.newLeadsTotal()).isEqualTo(1);
        store.deleteLead("r3");
        assertThat(store.newLeadsTotal()).isZero();
        assertThat(store.newCountsByForm()).isEmpty();
    }

    @Test
    void leadsInACacheMigratedFromBeforeSeenStateAreAllSeenAndLaterOnesAreNew() throws Exception {
        // a cache as LeadDesk left it before the seen state: leads after complete pulls, no seen state
        firstSync();
        store.upsertLeads("p-1", Fixtures.russianForm(), List.of(ru("r3", AFTER, "Café Müller", "cafe@example.de", "")),
                FIRST_PULL.plusSeconds(3_700));
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER leads_new_on_insert");
            st.execute("DROP TRIGGER leads_new_on_delete");
            st.execute("DROP INDEX forms_last_synced");
            st.execute("DROP TABLE unseen_leads");
            st.execute("PRAGMA user_version = " + (seenMigration() - 1));
        }
        store = LeadStore.open(file);
        assertThat(store.newLeadsTotal()).as("nobody is flooded with leads they had before").isZero();
        assertThat(store.isNew("r3")).isFalse();
        store.upsertLeads("p-2", Fixtures.englishForm(), List.of(en("e9", AFTER + 9, "Zed", "zed@acme.com", "", false)),
                FIRST_PULL.plusSeconds(9_000));
        assertThat(store.newLeadIds()).containsExactly("e9");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(Schema.latestVersion());
        }
    }

    /** The version of the migration that brings the seen state (its number depends on what merged before it). */
    private static int seenMigration() {
        return Schema.MIGRATIONS.stream().filter(m -> m.statements() == SeenState.SCHEMA).findFirst().orElseThrow().version();
    }

    private List<String> ids(LeadQuery q) {
        List<String> out = new ArrayList<>();
        store.forEachLead(q, l -> out.add(l.id()));
        return out;
    }
}
