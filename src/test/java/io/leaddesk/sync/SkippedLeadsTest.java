package io.leaddesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredForm;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 10 item 4: a lead Meta sends malformed is skipped and reported; it blocks neither its form nor the others. */
class SkippedLeadsTest extends SampleSyncTest {
    private SyncService start(SampleOptions options) {
        server = SampleGraphServer.start(options);
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl()).withPageSize(100)
                .withInitialBackoff(Duration.ofMillis(1)).withMaxRetryTime(Duration.ofSeconds(30)));
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        return new SyncService(graph, store);
    }

    @Test
    void malformedLeadsAreSkippedWithTheirPositionAndTheRestIsStored() {
        SyncService sync = start(SampleOptions.defaults().withLeads(2000).withFaults("badleads=0.01,seed=5"));
        Session session = sync.signIn(new AccessToken(SampleTokens.USER));
        SyncReport report = sync.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());

        long total = server.dataset().totalLeadCount();
        long skipped = report.skippedLeadCount();
        assertThat(skipped).isBetween(5L, 60L);
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(total - skipped);
        assertThat(report.complete()).as(report.summary()).isTrue();
        assertThat(report.ok()).isFalse();
        assertThat(report.failedCount()).isZero();
        assertThat(report.summary()).startsWith("Synced ").contains(" with skipped leads:").contains(skipped + " leads skipped")
                .doesNotContain("0 failed");
        List<SkippedLead> all = report.forms().stream().flatMap(f -> f.skippedLeads().stream()).toList();
        assertThat(all).allSatisfy(s -> {
            assertThat(s.page()).isPositive();
            assertThat(s.index()).as("within its page: 100, growing to 200").isBetween(0, 199);
            assertThat(s.reason()).isIn("it has no id", "it has no created_time",
                    "its created_time is not a date LeadDesk can read");
        });
        assertThat(all).extracting(SkippedLead::reason).contains("it has no id", "it has no created_time",
                "its created_time is not a date LeadDesk can read");
        assertThat(all).filteredOn(s -> s.leadId() != null).allSatisfy(s ->
                assertThat(store.lead(s.leadId())).isEmpty());

        FormOutcome withSkips = report.forms().stream().filter(f -> !f.skippedLeads().isEmpty()).findFirst().orElseThrow();
        assertThat(withSkips.status()).isEqualTo(FormOutcome.Status.OK);
        assertThat(withSkips.needsAttention()).isTrue();
        assertThat(withSkips.message()).contains("could not be stored and w").contains("result page ")
                .contains("every other lead was stored").endsWith(".").doesNotContain("\n");
        // the pull is complete: the watermark moved to the newest lead stored
        StoredForm f = store.form(withSkips.formId()).orElseThrow();
        assertThat(f.lastSynced()).isNotNull();
        long[] newest = {Long.MIN_VALUE};
        store.forEachLead(LeadQuery.all(), l -> {
            if (l.lead().formId().equals(f.id())) {
                newest[0] = Math.max(newest[0], l.lead().createdEpochSecond());
            }
        });
        assertThat(f.watermark()).isEqualTo(newest[0]);

        // the next sync is not blocked either: incremental, complete, nothing new stored twice
        SyncReport again = sync.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
        assertThat(again.complete()).isTrue();
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(total - skipped);

        SyncReport full = sync.sync(session, new SyncRequest(Set.of(), Set.of(), true), SyncListener.NONE, new CancelSignal());
        assertThat(full.skippedLeadCount()).isEqualTo(skipped);
        assertThat(full.newLeads()).isZero();
    }

    @Test
    void aLeadIsCheckedForWhatTheCacheNeeds() {
        assertThat(LeadCheck.problem(lead(null, "2025-10-08T09:09:27+0000", 1_759_914_567L))).isEqualTo("it has no id");
        assertThat(LeadCheck.problem(lead(" ", "2025-10-08T09:09:27+0000", 1_759_914_567L))).isEqualTo("its id is empty");
        assertThat(LeadCheck.problem(lead("1", null, 0))).isEqualTo("it has no created_time");
        assertThat(LeadCheck.problem(lead("1", "", 0))).isEqualTo("it has no created_time");
        assertThat(LeadCheck.problem(lead("1", "yesterday", 0))).isEqualTo("its created_time is not a date LeadDesk can read");
        assertThat(LeadCheck.problem(lead("1", "2025-10-08T09:09:27+0000", 1_759_914_567L))).isNull();
    }

    private static io.leaddesk.model.Lead lead(String id, String created, long epoch) {
        return new io.leaddesk.model.Lead(id, created, epoch, "F", null, null, null, null, null, null, null, "fb", null,
                null, List.of(), List.of(), "{}");
    }
}
