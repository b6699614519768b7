package io.leaddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadBuilder;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadSort;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.store.StoredLead;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LeadCache} does, run against the in-memory fake the ViewModel tests use and against the real
 * store ({@link FakeLeadCacheContractTest}, {@link StoreLeadCacheContractTest}), so that the fake cannot drift from
 * the store: a ViewModel test that passes on the fake then holds on the real cache.
 */
abstract class LeadCacheContract {
    static final long T0 = 1_760_000_000L;

    /** A cache holding {@link TestData#PAGE} with {@code form} and these leads. */
    abstract LeadCache cacheWith(LeadForm form, List<Lead> leads);

    private LeadCache cache;

    static Lead lead(String id, long created, String name, String email, String platform, Boolean organic) {
        // without raw JSON: the store then keeps Graph-shaped JSON made from the fields, as a sync would
        return LeadBuilder.from(TestData.lead(id, created, name, email, platform, organic)).raw(null).build();
    }

    @BeforeEach
    void seed() {
        cache = cacheWith(TestData.form(), List.of(
                lead("a", T0 + 60, "olena Koval", "olena@example.org", "fb", false),
                lead("b", T0 + 120, "Bohdan Shevchenko", "bohdan@example.org", "ig", true),
                lead("c", T0 + 180, "carla Souza", "carla@example.com.br", "fb", null),
                lead("d", T0 + 240, "Dmytro Melnyk", "dmytro@example.org", "ig", false)));
    }

    private List<String> ids(LeadQuery q) {
        long[] rowIds = cache.leadRowIds(q);
        assertThat(cache.countLeads(q)).as("count agrees with the ids").isEqualTo(rowIds.length);
        return cache.rows(rowIds, 0, rowIds.length).stream().map(LeadRow::id).toList();
    }

    @Test
    void sortsByCreatedNameAndEmailBothWaysIgnoringCase() {
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.CREATED, true))).containsExactly("d", "c", "b", "a");
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.CREATED, false))).containsExactly("a", "b", "c", "d");
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.NAME, false))).containsExactly("b", "c", "d", "a");
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.NAME, true))).containsExactly("a", "d", "c", "b");
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.EMAIL, false))).containsExactly("b", "c", "d", "a");
    }

    @Test
    void filtersByPlatformOrganicCreatedAndForm() {
        LeadQuery byCreated = LeadQuery.all().sortedBy(LeadSort.CREATED, false);
        assertThat(ids(byCreated.withPlatforms(Set.of("ig")))).containsExactly("b", "d");
        assertThat(ids(byCreated.withOrganic(true))).containsExactly("b");
        assertThat(ids(byCreated.withOrganic(false))).as("a lead without is_organic counts as paid")
                .containsExactly("a", "c", "d");
        assertThat(ids(byCreated.withCreated(T0 + 120, T0 + 240))).as("from inclusive, until exclusive").containsExactly("b", "c");
        assertThat(ids(byCreated.withForms(Set.of(TestData.FORM)))).hasSize(4);
        assertThat(ids(byCreated.withForms(Set.of("no-such-form")))).isEmpty();
    }

    @Test
    void searchFindsNamesEmailsAndAnswers() {
        LeadQuery q = LeadQuery.all().sortedBy(LeadSort.CREATED, false);
        assertThat(ids(q.withSearch("Shevchenko"))).containsExactly("b");
        assertThat(ids(q.withSearch("carla"))).containsExactly("c");
        assertThat(ids(q.withSearch("telegram"))).as("an answer's value").hasSize(4);
        assertThat(ids(q.withSearch("olena koval"))).as("every word must match").containsExactly("a");
        assertThat(ids(q.withSearch("nobody"))).isEmpty();
    }

    @Test
    void rowsCarryWhatTheTableShows() {
        long[] rowIds = cache.leadRowIds(LeadQuery.all().sortedBy(LeadSort.CREATED, false));
        LeadRow a = cache.rows(rowIds, 0, 1).get(0);
        assertThat(a.id()).isEqualTo("a");
        assertThat(a.name()).isEqualTo("olena Koval");
        assertThat(a.email()).isEqualTo("olena@example.org");
        assertThat(a.phone()).isEqualTo("+380501234567");
        assertThat(a.platform()).isEqualTo("fb");
        assertThat(a.organic()).isFalse();
        assertThat(a.createdEpochSecond()).isEqualTo(T0 + 60);
        assertThat(a.status()).isEqualTo(ReviewStatus.NEW);
        assertThat(cache.rows(rowIds, 1, 3)).extracting(LeadRow::id).containsExactly("b", "c");
    }

    @Test
    void aLeadReadsBackWithEveryAnswerAndCheckbox() {
        StoredLead c = cache.lead("c").orElseThrow();
        Lead in = lead("c", T0 + 180, "carla Souza", "carla@example.com.br", "fb", null);
        assertThat(c.lead().fieldData()).isEqualTo(in.fieldData());
        assertThat(c.lead().disclaimerResponses()).isEqualTo(in.disclaimerResponses());
        assertThat(c.pageId()).isEqualTo(TestData.PAGE);
        assertThat(cache.lead("nope")).isEmpty();
        assertThat(cache.form(TestData.FORM)).map(f -> f.form().name()).contains(TestData.form().name());
        assertThat(cache.forms(List.of(TestData.PAGE))).hasSize(1);
        assertThat(cache.pages()).extracting(p -> p.id()).containsExactly(TestData.PAGE);
    }

    @Test
    void reviewsAreKeptAndFilterTheTable() {
        cache.setReview("b", ReviewStatus.QUALIFIED, "call after 18:00");
        StoredLead b = cache.lead("b").orElseThrow();
        assertThat(b.status()).isEqualTo(ReviewStatus.QUALIFIED);
        assertThat(b.note()).isEqualTo("call after 18:00");
        LeadQuery q = LeadQuery.all().sortedBy(LeadSort.CREATED, false);
        assertThat(ids(q.withStatuses(Set.of(ReviewStatus.QUALIFIED)))).containsExactly("b");
        assertThat(ids(q.withStatuses(Set.of(ReviewStatus.NEW)))).containsExactly("a", "c", "d");
    }

    @Test
    void aDeletedLeadIsGoneAndDeletingItAgainSaysSo() {
        assertThat(cache.deleteLead("c")).isTrue();
        assertThat(cache.lead("c")).isEmpty();
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.CREATED, false))).containsExactly("a", "b", "d");
        assertThat(cache.deleteLead("c")).isFalse();
        assertThat(Arrays.stream(cache.leadRowIds(LeadQuery.all())).count()).isEqualTo(3);
    }
}
