package io.leaddesk.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.live.LiveDesk;
import io.leaddesk.live.LiveEvent;
import io.leaddesk.live.LiveScheduler;
import io.leaddesk.live.ManualScheduler;
import io.leaddesk.live.MutableClock;
import io.leaddesk.live.NetworkCheck;
import io.leaddesk.live.RoundResult;
import io.leaddesk.live.notify.NewLeadsText;
import io.leaddesk.live.notify.Notification;
import io.leaddesk.live.notify.Notifier;
import io.leaddesk.sample.SampleForm;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.LiveSettings;
import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.sync.SyncService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures of issue 14 in docs/performance.md: requests per auto-sync round for the sample workspace of 12 forms
 * (nothing changed / one form changed), and the time from a lead appearing on the sample server to its notification
 * at the 2-minute setting, with the real clock, threads and loopback server. {@code mvn -B verify -Pbenchmark
 * -Dtest=LiveDeskBenchmarkTest}; prints its figures.
 */
@Tag("benchmark")
class LiveDeskBenchmarkTest {
    @TempDir
    Path dir;

    private record Workspace(SampleGraphServer server, GraphClient graph, LeadStore store, SyncService service,
                             Session session) implements AutoCloseable {
        @Override
        public void close() {
            store.close();
            graph.close();
            server.close();
        }
    }

    private Workspace workspace(Clock clock, String db) {
        SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults(), clock);
        GraphClient graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl()));
        LeadStore store = LeadStore.open(dir.resolve(db));
        SyncService service = new SyncService(graph, store, 4, clock);
        Session session = service.signIn(new AccessToken(SampleTokens.USER));
        assertThat(service.sync(session, SyncRequest.everything(), null, new CancelSignal()).ok()).isTrue();
        return new Workspace(server, graph, store, service, session);
    }

    private static SampleForm activeForm(SampleGraphServer s) {
        return s.dataset().allForms().stream().filter(f -> "ACTIVE".equals(f.status())).findFirst().orElseThrow();
    }

    @Test
    void requestsPerRound() {
        MutableClock clock = MutableClock.atNow();
        ManualScheduler scheduler = new ManualScheduler();
        List<RoundResult> rounds = new CopyOnWriteArrayList<>();
        try (Workspace w = workspace(clock, "requests.db");
             LiveDesk desk = new LiveDesk(w.service(), w.session(), LiveSettings.defaults().withCheckMinutes(2),
                     Notifier.to(n -> { }), NewLeadsText.english(), e -> {
                         if (e instanceof LiveEvent.RoundFinished f) {
                             rounds.add(f.result());
                         }
                     }, clock, scheduler, NetworkCheck.ALWAYS)) {
            desk.start();
            int forms = w.store().forms(List.of()).size();
            int pages = w.session().pages().size();
            for (int i = 0; i < 3; i++) {
                long before = w.server().requestCount();
                long leadReqs = w.server().requestsWithPath("/leads");
                clock.advance(Duration.ofMinutes(2));
                scheduler.tick();
                scheduler.runRounds();
                System.out.printf("LIVE_BENCH quiet round: %d forms on %d Pages, %d requests (%d for leads)%n", forms,
                        pages, w.server().requestCount() - before, w.server().requestsWithPath("/leads") - leadReqs);
            }
            for (int i = 0; i < 3; i++) {
                w.server().dataset().addLeads(activeForm(w.server()).id(), 1);
                long before = w.server().requestCount();
                long leadReqs = w.server().requestsWithPath("/leads");
                clock.advance(Duration.ofMinutes(2));
                scheduler.tick();
                scheduler.runRounds();
                RoundResult r = rounds.get(rounds.size() - 1);
                System.out.printf("LIVE_BENCH one form changed: %d requests (%d for leads), forms pulled %d, %d new%n",
                        w.server().requestCount() - before, w.server().requestsWithPath("/leads") - leadReqs,
                        r.formsPulled().size(), r.news().total());
            }
        }
    }

    /**
     * Real clock and threads, every 2 minutes: a lead that appears in the middle of an interval, and one right after a
     * round (the worst case, a whole interval and a tick to wait).
     */
    @Test
    void timeFromALeadOnTheServerToItsNotification() throws Exception {
        Clock clock = Clock.systemUTC();
        LinkedBlockingQueue<Long> notified = new LinkedBlockingQueue<>();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try (Workspace w = workspace(clock, "latency.db");
             LiveDesk desk = new LiveDesk(w.service(), w.session(), LiveSettings.defaults().withCheckMinutes(2),
                     Notifier.to(n -> notified.add(System.nanoTime())), NewLeadsText.english(), e -> { },
                     clock, LiveScheduler.threads("bench-auto-sync"), NetworkCheck.ALWAYS)) {
            desk.start();
            String form = activeForm(w.server()).id();
            long[] added = new long[1];
            later.schedule(() -> {
                added[0] = System.nanoTime();
                w.server().dataset().addLeads(form, 1);
            }, 60, TimeUnit.SECONDS).get();
            Long at = notified.poll(4, TimeUnit.MINUTES);
            assertThat(at).as("notified").isNotNull();
            System.out.printf("LIVE_BENCH lead mid-interval -> notification: %.1f s%n", (at - added[0]) / 1e9);

            long addedAfterRound = System.nanoTime();
            w.server().dataset().addLeads(form, 1);
            Long at2 = notified.poll(4, TimeUnit.MINUTES);
            assertThat(at2).as("notified").isNotNull();
            System.out.printf("LIVE_BENCH lead right after a round -> notification: %.1f s%n",
                    (at2 - addedAfterRound) / 1e9);
        } finally {
            later.shutdownNow();
        }
    }
}
