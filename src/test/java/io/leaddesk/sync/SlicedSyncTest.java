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
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.SyncState;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: big forms are read as touching time_created ranges in parallel, within one concurrency; a slice that turns
 * out large is cut again; leads at a slice boundary are neither lost nor doubled; a server that refuses two filters in
 * one request gets one sequential read per form, remembered; pages Meta finds too large are halved and remembered.
 */
@Timeout(120)
class SlicedSyncTest extends SampleSyncTest {
    /** One form with half of the leads, every other form a twenty-second. */
    static final int[] ONE_BIG = {11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    /** One form with nine tenths of the leads: cut in three or more ranges, so the middle ones have both ends. */
    static final int[] HEAVY = {99, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    private SyncService start(SampleOptions options, int pageSize, int concurrency, Clock clock) {
        server = SampleGraphServer.start(options);
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl()).withPageSize(pageSize)
                .withConcurrency(concurrency).withInitialBackoff(Duration.ofMillis(1)).withMaxRetryTime(Duration.ofSeconds(30)));
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        return clock == null ? new SyncService(graph, store) : new SyncService(graph, store, concurrency, clock);
    }

    private Session signIn(SyncService sync) {
        return sync.signIn(new AccessToken(SampleTokens.USER));
    }

    private SampleForm big() {
        return server.dataset().allForms().get(0);
    }

    private Set<String> cachedIds() {
        return LeadIds.cached(store);
    }

    private Set<String> serverIds() {
        return LeadIds.served(server.dataset());
    }

    /** Requests for leads that carried both ends of a range. */
    private long twoFilterRequests() {
        return server.leadFilterings().entrySet().stream()
                .filter(e -> e.getKey().contains("GREATER_THAN_OR_EQUAL") && e.getKey().contains("LESS_THAN"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static long newest(SampleDataset d, String formId) {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < d.leadCount(formId); i++) {
            max = Math.max(max, d.leadCreatedEpochSecond(formId, i));
        }
        return max;
    }

    @Test
    void aBigFormIsReadInTouchingSlicesWithEveryLeadOnceAndCountedAsOneForm() {
        SyncService sync = start(SampleOptions.defaults().withLeads(6000).withFormWeights(HEAVY), 100, 4, null);
        List<SyncEvent> events = new CopyOnWriteArrayList<>();
        SyncReport report = sync.sync(signIn(sync), SyncRequest.everything(), events::add, new CancelSignal());

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.fetched()).as("no lead fetched twice").isEqualTo(6000);
        assertThat(report.newLeads()).isEqualTo(6000);
        assertThat(cachedIds()).isEqualTo(serverIds());
        assertThat(twoFilterRequests()).as("the big form was read as ranges with both ends").isPositive();
        assertThat(server.mostRequestsInFlight()).isLessThanOrEqualTo(4);

        // progress: one start, one end, and counts that only grow, per form, whatever the number of slices
        Map<String, Long> lastFetched = new HashMap<>();
        Map<String, Integer> startedCount = new HashMap<>();
        Map<String, Integer> finishedCount = new HashMap<>();
        for (SyncEvent e : events) {
            if (e instanceof SyncEvent.FormStarted s) {
                startedCount.merge(s.formId(), 1, Integer::sum);
            } else if (e instanceof SyncEvent.FormProgress p) {
                Long before = lastFetched.put(p.formId(), p.fetched());
                assertThat(p.fetched()).as("form " + p.formId()).isGreaterThan(before == null ? 0 : before);
                assertThat(p.newLeads()).isLessThanOrEqualTo(p.fetched());
            } else if (e instanceof SyncEvent.FormFinished f) {
                finishedCount.merge(f.outcome().formId(), 1, Integer::sum);
            }
        }
        for (SampleForm f : server.dataset().allForms()) {
            assertThat(startedCount.get(f.id())).as(f.id()).isEqualTo(1);
            assertThat(finishedCount.get(f.id())).as(f.id()).isEqualTo(1);
            assertThat(lastFetched.get(f.id())).as(f.id()).isEqualTo(f.leadCount());
            assertThat(store.form(f.id()).orElseThrow().watermark()).isEqualTo(newest(server.dataset(), f.id()));
            assertThat(store.syncState().load(f.id()).pull()).as("nothing left to resume").isNull();
        }
        assertThat(events.get(events.size() - 1)).isInstanceOf(SyncEvent.Finished.class);

        // the next sync is incremental and brings nothing twice
        SyncReport again = sync.sync(signIn(sync), SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
        assertThat(again.ok()).isTrue();
        assertThat(again.newLeads()).isZero();
    }

    @Test
    void theGlobalConcurrencyIsNeverExceededAcrossFormsAndSlices() {
        SyncService sync = start(SampleOptions.defaults().withLeads(6000).withLatencyMs(20).withFormWeights(HEAVY),
                50, 3, null);
        Session session = signIn(sync);
        server.resetMostRequestsInFlight();
        SyncReport report = sync.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(cachedIds()).hasSize(6000);
        assertThat(server.leadFilterings().keySet()).as("the big form was read in slices")
                .anyMatch(k -> k.contains("LESS_THAN"));
        assertThat(server.mostRequestsInFlight()).as("requests at once, counted by the server")
                .isLessThanOrEqualTo(3).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aSliceThatTurnsOutLargeIsCutAgainWhileItRuns() {
        // a clock 200 days ahead cuts the pull where there are no leads: every lead falls in the oldest slice, and
        // only cutting it while it runs keeps the other threads busy
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofDays(200));
        SyncService sync = start(SampleOptions.defaults().withLeads(12000).withFormWeights(ONE_BIG), 50, 4, ahead);
        SyncReport report = sync.sync(signIn(sync), SyncRequest.everything(), SyncListener.NONE, new CancelSignal());

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.fetched()).as("none fetched twice").isEqualTo(12000);
        assertThat(cachedIds()).isEqualTo(serverIds());
        String bigId = big().id();
        long cuts = server.leadFilterings().keySet().stream().filter(k -> k.contains("LESS_THAN")).count();
        assertThat(cuts).as("ranges asked for: the four of the plan and those of the cuts").isGreaterThan(4);
        assertThat(store.form(bigId).orElseThrow().watermark()).isEqualTo(newest(server.dataset(), bigId));
    }

    @Test
    void leadsWithTheSameCreatedTimeAtASliceBoundaryAreNeitherLostNorDoubled() {
        SyncService sync = start(SampleOptions.defaults().withLeads(2000), 100, 3, null);
        Session session = signIn(sync);
        sync.refreshForms(session, List.of());
        SampleForm f = big();
        List<String> sameSecond = server.dataset().addLeads(f.id(), 250);
        long t = server.dataset().leadCreatedEpochSecond(f.id(), (int) f.leadCount() - 1);
        server.dataset().addLeads(f.id(), 30); // a second later
        assertThat(server.dataset().leadCreatedEpochSecond(f.id(), (int) f.leadCount() - 1)).isGreaterThan(t);
        // an earlier, unfinished pull left two ranges that meet at that very second
        store.syncState().startPull(f.id(), null, List.of(new SyncState.Range(0, t, null), new SyncState.Range(0, null, t)));

        SyncReport report = sync.sync(session, new SyncRequest(Set.of(), Set.of(f.id()), false), SyncListener.NONE,
                new CancelSignal());

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.fetched()).as("none doubled").isEqualTo(f.leadCount());
        Set<String> cached = cachedIds();
        assertThat(cached).as("none lost").containsAll(sameSecond).hasSize((int) f.leadCount());
        assertThat(server.leadFilterings().keySet())
                .contains("[{\"field\":\"time_created\",\"operator\":\"GREATER_THAN_OR_EQUAL\",\"value\":" + t + "}]")
                .contains("[{\"field\":\"time_created\",\"operator\":\"LESS_THAN\",\"value\":" + t + "}]");
        assertThat(store.syncState().load(f.id()).pull()).isNull();
    }

    @Test
    void whenMetaRefusesTwoFiltersInOneRequestTheFormIsReadInOnePieceAndThatIsRemembered() {
        SyncService sync = start(SampleOptions.defaults().withLeads(6000).withFormWeights(HEAVY)
                .withRefuseCombinedFilters(true), 100, 4, null);
        SyncReport report = sync.sync(signIn(sync), SyncRequest.everything(), SyncListener.NONE, new CancelSignal());

        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.forms()).allSatisfy(o -> assertThat(o.message()).isNull());
        assertThat(cachedIds()).isEqualTo(serverIds());
        long refused = twoFilterRequests();
        assertThat(refused).as("the first plan tried ranges with both ends").isPositive();
        assertThat(store.syncState().load(big().id()).sequential()).isTrue();
        assertThat(store.syncState().load(big().id()).pull()).isNull();
        assertThat(store.form(big().id()).orElseThrow().watermark()).isEqualTo(newest(server.dataset(), big().id()));

        SyncReport full = sync.sync(signIn(sync), new SyncRequest(Set.of(), Set.of(), true), SyncListener.NONE,
                new CancelSignal());
        assertThat(full.ok()).as(full.summary()).isTrue();
        assertThat(full.fetched()).isEqualTo(6000);
        assertThat(twoFilterRequests()).as("remembered: no range with both ends asked for again").isEqualTo(refused);
    }

    @Test
    void aPageMetaFindsTooLargeIsHalvedWithoutUsingTheRetryBudgetAndTheSizeThatWorkedIsUsedNextTime() {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(2000).withFormWeights(ONE_BIG)
                .withRefusePagesAbove(120));
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl()).withPageSize(500)
                .withConcurrency(3).withMaxRetryTime(Duration.ZERO));
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        SyncService sync = new SyncService(graph, store);

        SyncReport first = sync.sync(signIn(sync), SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
        assertThat(first.ok()).as(first.summary()).isTrue();
        assertThat(cachedIds()).isEqualTo(serverIds());
        assertThat(server.refusedPages()).isPositive();
        // 500, 250 and 125 were refused; 62 worked
        assertThat(store.syncState().load(big().id()).pageSize()).isEqualTo(62);
        SampleForm small = server.dataset().allForms().get(1);
        assertThat(small.leadCount()).isLessThan(120);
        assertThat(store.syncState().load(small.id()).pageSize()).as("never refused").isNull();

        int refusedBefore = server.refusedPages();
        SyncReport full = sync.sync(signIn(sync), new SyncRequest(Set.of(), Set.of(big().id()), true), SyncListener.NONE,
                new CancelSignal());
        assertThat(full.ok()).as(full.summary()).isTrue();
        assertThat(full.fetched()).isEqualTo(big().leadCount());
        assertThat(server.refusedPages()).as("the next sync starts with the size that worked").isEqualTo(refusedBefore);
        assertThat(store.syncState().load(big().id()).cleanPulls()).isEqualTo(1);
    }
}
