package io.leaddesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.sample.SampleDataset;
import io.leaddesk.sample.SampleForm;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredForm;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 10 item 1: a server that caps pages at 25 and whose offsets shift while leads arrive during the pull.
 * Nothing the server had when the pull began may be lost, and no form may be reported complete when it was not.
 */
@Timeout(120)
class SyncCompletenessTest extends SampleSyncTest {
    private SyncService start(SampleOptions options) {
        server = SampleGraphServer.start(options);
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl()).withPageSize(500)
                .withInitialBackoff(Duration.ofMillis(1)).withMaxRetryTime(Duration.ofSeconds(30)));
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        return new SyncService(graph, store);
    }

    private static SampleOptions shifting(int leads) {
        return SampleOptions.defaults().withLeads(leads).withMaxPageSize(25).withCursor(SampleOptions.Cursor.OFFSET);
    }

    /** The ids of every lead the server holds right now, per form. */
    private Map<String, Set<String>> leadsNow() {
        Map<String, Set<String>> out = new HashMap<>();
        SampleDataset d = server.dataset();
        for (SampleForm f : d.allForms()) {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < f.leadCount(); i++) {
                ids.add(d.leadId(f.id(), i));
            }
            out.put(f.id(), ids);
        }
        return out;
    }

    private Set<String> cachedIds() {
        Set<String> ids = new HashSet<>();
        store.forEachLead(LeadQuery.all(), l -> ids.add(l.id()));
        return ids;
    }

    private static long newestOf(SampleDataset d, String formId) {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < d.leadCount(formId); i++) {
            max = Math.max(max, d.leadCreatedEpochSecond(formId, i));
        }
        return max;
    }

    @Test
    void burstsOfArrivalsThatRepeatWholePagesLoseNothingAndEveryFormCompletes() {
        // per request 25, 25, 25, 25 then 5 new leads: four pages in a row only repeat leads already served
        SyncService sync = start(shifting(3000).withArrivals(25, 25, 25, 25, 5));
        Session session = sync.signIn(new AccessToken(SampleTokens.USER));
        sync.refreshForms(session, List.of());
        Map<String, Set<String>> atStart = leadsNow();
        long before = atStart.values().stream().mapToLong(Set::size).sum();
        assertThat(before).isEqualTo(3000);

        SyncReport report = sync.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());

        Set<String> cached = cachedIds();
        long kept = atStart.values().stream().flatMap(Set::stream).filter(cached::contains).count();
        assertThat(kept).as("leads the server had when the pull began, now in the cache").isEqualTo(before);
        assertThat(report.forms()).allSatisfy(o -> {
            assertThat(o.status()).as(o.formName() + ": " + o.message()).isEqualTo(FormOutcome.Status.OK);
            assertThat(cached).as("a form reported complete holds every lead it had").containsAll(atStart.get(o.formId()));
        });
        assertThat(report.ok()).isTrue();
        assertThat(report.summary()).startsWith("Synced ");
        assertThat(server.dataset().totalLeadCount()).as("leads arrived during the pull").isGreaterThan(before);
    }

    @Test
    void aPullThatCannotGetPastRepeatedPagesIsIncompleteKeepsItsWatermarkAndTheNextSyncFillsTheGap() {
        SyncService sync = start(shifting(400));
        Session session = sync.signIn(new AccessToken(SampleTokens.USER));
        SyncReport first = sync.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
        assertThat(first.ok()).as(first.summary()).isTrue();
        String formId = store.forms(List.of()).stream().filter(f -> f.cachedLeads() > 30).findFirst().orElseThrow().id();
        Long watermark = store.form(formId).orElseThrow().watermark();
        assertThat(watermark).isEqualTo(newestOf(server.dataset(), formId));

        // 60 leads come in before the next sync, and while it runs a page's worth arrives at every request
        server.dataset().addLeads(formId, 60);
        Set<String> waiting = new HashSet<>(leadsNow().get(formId));
        waiting.removeAll(cachedIds());
        assertThat(waiting).hasSize(60);
        server.arrivals(25);
        SyncReport stuck = sync.sync(session, new SyncRequest(Set.of(), Set.of(formId), false), SyncListener.NONE,
                new CancelSignal());

        FormOutcome o = stuck.forms().get(0);
        assertThat(o.status()).isEqualTo(FormOutcome.Status.INCOMPLETE);
        assertThat(o.complete()).isFalse();
        assertThat(o.message()).startsWith("LeadDesk stopped reading this form before the end because the form needed more than ")
                .contains("result pages").endsWith("the next sync reads the form again from where its last complete sync ended.")
                .doesNotContain("\n");
        assertThat(stuck.incompleteCount()).isEqualTo(1);
        assertThat(stuck.complete()).isFalse();
        assertThat(stuck.ok()).isFalse();
        assertThat(stuck.summary()).startsWith("Sync incomplete: 1 form,").contains("1 form not read to the end")
                .doesNotContain("0 failed");
        assertThat(store.form(formId).orElseThrow().watermark()).as("watermark kept").isEqualTo(watermark);

        server.arrivals(); // the rush is over; the thousands who came during it fit in fewer pages
        server.maxPageSize(1000);
        Set<String> missing = new HashSet<>(waiting);
        missing.removeAll(cachedIds());
        SyncReport next = sync.sync(session, new SyncRequest(Set.of(), Set.of(formId), false), SyncListener.NONE,
                new CancelSignal());
        assertThat(next.ok()).as(next.summary()).isTrue();
        assertThat(cachedIds()).containsAll(waiting).containsAll(leadsNow().get(formId));
        assertThat(missing).as("the stuck pull had left leads behind that only the next sync brought").isNotEmpty();
        StoredForm after = store.form(formId).orElseThrow();
        assertThat(after.watermark()).isEqualTo(newestOf(server.dataset(), formId));
        assertThat(after.cachedLeads()).isEqualTo(server.dataset().leadCount(formId));
    }
}
