package io.leaddesk.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.model.FailureKind;
import io.leaddesk.sample.SampleForm;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.sync.SyncService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto-sync against the sample Graph API over loopback into a real cache, on a clock and a scheduler the test moves
 * by hand: nothing sleeps, every tick and round runs when the test says.
 */
class AutoSyncTest {
    static final Duration EVERY = Duration.ofMinutes(2);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.atNow();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<LiveEvent> events = new CopyOnWriteArrayList<>();
    private final SyncGate gate = new SyncGate();
    private final AtomicBoolean online = new AtomicBoolean(true);
    private SampleGraphServer server;
    private GraphClient graph;
    private LeadStore store;
    private SyncService service;
    private Session session;
    private AutoSync auto;

    @AfterEach
    void tearDown() {
        if (auto != null) auto.close();
        if (store != null) store.close();
        if (graph != null) graph.close();
        if (server != null) server.close();
    }

    /** A workspace that made its first sync, with auto-sync every two minutes from now. */
    private void workspace(SampleOptions options) {
        server = SampleGraphServer.start(options, clock);
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl())
                .withInitialBackoff(Duration.ofMillis(1)).withMaxRetryTime(Duration.ofMillis(300)));
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        service = new SyncService(graph, store, 4, clock);
        session = service.signIn(new AccessToken(SampleTokens.USER));
        SyncReport first = service.sync(session, SyncRequest.everything(), null, new CancelSignal());
        assertThat(first.ok()).as(first.summary()).isTrue();
        assertThat(store.newLeadsTotal()).as("a first sync's backlog is not new").isZero();
    }

    private AutoSync autoSync(AutoSync.Rounds rounds) {
        auto = new AutoSync(rounds, gate, scheduler, clock, graph::usage, online::get, null, events::add);
        auto.start(EVERY, null);
        return auto;
    }

    private LiveRound liveRound(Session s) {
        return new LiveRound(LiveRound.serviceFor(service, clock), s, clock);
    }

    /** Moves the clock, ticks, and runs the round that tick started (if any); returns its result or null. */
    private RoundResult after(Duration d) {
        clock.advance(d);
        int before = finished().size();
        scheduler.tick();
        scheduler.runRounds();
        List<RoundResult> all = finished();
        return all.size() > before ? all.get(all.size() - 1) : null;
    }

    private List<RoundResult> finished() {
        return events.stream().filter(e -> e instanceof LiveEvent.RoundFinished)
                .map(e -> ((LiveEvent.RoundFinished) e).result()).toList();
    }

    private <T extends LiveEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private long leadRequests() {
        return server.requestsWithPath("/leads");
    }

    private long formRequests() {
        return server.requestsWithPath("/leadgen_forms");
    }

    @Test
    void aQuietRoundAsksEachPageOnceAndARoundAfterNewLeadsReadsOnlyTheFormThatChanged() {
        workspace(SampleOptions.defaults().withLeads(600));
        autoSync(liveRound(session));
        int pages = session.pages().size();
        assertThat(after(Duration.ofMinutes(1))).as("not due yet").isNull();

        long forms0 = formRequests();
        long leads0 = leadRequests();
        RoundResult quiet = after(Duration.ofMinutes(1));
        assertThat(quiet.ok()).as(String.valueOf(quiet.problem())).isTrue();
        assertThat(formRequests() - forms0).as("one forms request per Page").isEqualTo(pages);
        assertThat(leadRequests() - leads0).as("no form changed: no leads asked for").isZero();
        assertThat(quiet.formsPulled()).isEmpty();
        assertThat(quiet.news().total()).isZero();

        SampleForm changed = server.dataset().allForms().stream().filter(f -> "ACTIVE".equals(f.status()))
                .findFirst().orElseThrow();
        List<String> added = server.dataset().addLeads(changed.id(), 3);
        long forms1 = formRequests();
        long leads1 = leadRequests();
        long changed1 = server.requestsWithPath("/" + changed.id() + "/leads");
        RoundResult busy = after(EVERY);
        assertThat(busy.ok()).isTrue();
        assertThat(formRequests() - forms1).isEqualTo(pages);
        long formLeads = server.requestsWithPath("/" + changed.id() + "/leads") - changed1;
        assertThat(leadRequests() - leads1).as("only the form that changed is read").isEqualTo(formLeads);
        // one incremental page, and the pager's one look past a last page that has a cursor (a known Graph bug)
        assertThat(formLeads).isBetween(1L, 2L);
        assertThat(busy.formsPulled()).containsExactly(changed.id());
        assertThat(busy.cached()).containsExactly(new RoundResult.FormCount(changed.id(), changed.name(), 3));
        assertThat(busy.news().total()).isEqualTo(3);
        assertThat(busy.news().byForm()).containsExactly(java.util.Map.entry(changed.id(), 3L));
        assertThat(store.newLeadIds()).containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    void leadsThatTrickleInBetweenRoundsArePickedUpByTheNextRound() {
        workspace(SampleOptions.defaults().withLeads(600).withTrickle(3));
        autoSync(liveRound(session));
        long total = 0;
        for (int round = 1; round <= 3; round++) {
            RoundResult r = after(EVERY);
            assertThat(r.ok()).isTrue();
            assertThat(r.newToCache()).as("round %d: two minutes of three leads a minute", round).isEqualTo(6);
            assertThat(r.news().total()).isEqualTo(6);
            total += 6;
        }
        assertThat(store.newLeadsTotal()).isEqualTo(total);
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(server.dataset().totalLeadCount());
    }

    @Test
    void aFormWhoseCountDidNotChangeIsReadAgainOnceItsLastCheckIsAnHourOld() {
        workspace(SampleOptions.defaults().withLeads(300));
        autoSync(liveRound(session));
        long leads0 = leadRequests();
        for (int minutes = 2; minutes < 60; minutes += 2) {
            assertThat(after(EVERY).formsPulled()).as("at %d minutes", minutes).isEmpty();
        }
        assertThat(leadRequests()).isEqualTo(leads0);
        RoundResult hour = after(EVERY);
        assertThat(hour.formsPulled()).hasSize(server.dataset().allForms().size());
        assertThat(after(EVERY).formsPulled()).isEmpty();
    }

    @Test
    void highUsageReportedByMetaSpacesTheRoundsOut() {
        workspace(SampleOptions.defaults().withLeads(300).withFaults("usage=80"));
        autoSync(liveRound(session));
        assertThat(after(EVERY)).isNotNull();
        List<LiveEvent.Pace> pace = events(LiveEvent.Pace.class);
        assertThat(pace).hasSize(1);
        assertThat(pace.get(0).usagePercent()).isEqualTo(80);
        assertThat(pace.get(0).every()).as("four times the interval at 75-89%").isEqualTo(EVERY.multipliedBy(4));
        assertThat(after(EVERY)).isNull();
        assertThat(after(EVERY)).isNull();
        assertThat(after(EVERY)).isNull();
        assertThat(after(EVERY)).as("eight minutes after the last round").isNotNull();
        assertThat(events(LiveEvent.Pace.class)).as("told once").hasSize(1);
    }

    @Test
    void aRoundDueWhileThePreviousOneStillRunsOrWhileAManualSyncRunsIsSkippedNotQueued() {
        workspace(SampleOptions.defaults().withLeads(300));
        autoSync(liveRound(session));
        clock.advance(EVERY);
        scheduler.tick(); // the round starts: handed to the round thread, which has not run it yet
        assertThat(scheduler.waiting()).isEqualTo(1);
        assertThat(auto.status().state()).isEqualTo(AutoSync.State.RUNNING);
        clock.advance(EVERY);
        scheduler.tick();
        clock.advance(EVERY);
        scheduler.tick();
        assertThat(scheduler.waiting()).as("skipped, not queued").isEqualTo(1);
        assertThat(events(LiveEvent.RoundSkipped.class)).extracting(LiveEvent.RoundSkipped::reason)
                .containsExactly(LiveEvent.SkipReason.STILL_RUNNING, LiveEvent.SkipReason.STILL_RUNNING);
        scheduler.runRounds();
        assertThat(finished()).hasSize(1);
        scheduler.tick();
        assertThat(scheduler.waiting()).as("no catch-up round after it").isZero();

        try (SyncGate.Permit manual = gate.manual()) {
            assertThat(gate.manualSyncInProgress()).isTrue();
            clock.advance(EVERY);
            scheduler.tick();
            assertThat(scheduler.waiting()).isZero();
        }
        assertThat(events(LiveEvent.RoundSkipped.class).get(2).reason()).isEqualTo(LiveEvent.SkipReason.SYNC_IN_PROGRESS);
        assertThat(after(EVERY)).as("the next one runs").isNotNull();
    }

    @Test
    void eachRoundUsesTheWorkspacesCurrentSessionSoATokenMadeToLastIsPickedUp() {
        workspace(SampleOptions.defaults().withLeads(300));
        List<PageInfo> expired = session.pages().stream()
                .map(p -> new PageInfo(p.id(), p.name(), new AccessToken(SampleTokens.EXPIRED), p.tasks())).toList();
        AtomicReference<Session> current = new AtomicReference<>(
                new Session(new AccessToken(SampleTokens.EXPIRED), session.who(), expired));
        LiveRound rounds = new LiveRound(LiveRound.serviceFor(service, clock), current::get, clock);
        autoSync(rounds);
        assertThat(after(EVERY).outcome()).isEqualTo(RoundResult.Outcome.ACCESS);

        current.set(session); // "Make this token last" swapped the workspace's session
        auto.resume();
        RoundResult r = after(Duration.ofSeconds(1));
        assertThat(r.ok()).as("the round after the swap reads with the new token").isTrue();
        assertThat(r.pagesChecked()).isEqualTo(session.pages().size());
    }

    @Test
    void anExpiredTokenStopsAutoSyncWithASentenceUntilTheUserActs() {
        workspace(SampleOptions.defaults().withLeads(300));
        List<PageInfo> expired = session.pages().stream()
                .map(p -> new PageInfo(p.id(), p.name(), new AccessToken(SampleTokens.EXPIRED), p.tasks())).toList();
        LiveRound good = liveRound(session);
        LiveRound dead = liveRound(new Session(new AccessToken(SampleTokens.EXPIRED), session.who(), expired));
        AtomicReference<LiveRound> current = new AtomicReference<>(good);
        autoSync((progress, cancel) -> current.get().run(progress, cancel));
        assertThat(after(EVERY).ok()).isTrue();

        current.set(dead);
        RoundResult r = after(EVERY);
        assertThat(r.outcome()).isEqualTo(RoundResult.Outcome.ACCESS);
        List<LiveEvent.Stopped> stopped = events(LiveEvent.Stopped.class);
        assertThat(stopped).hasSize(1);
        assertThat(stopped.get(0).kind()).isEqualTo(FailureKind.ACCESS);
        assertThat(stopped.get(0).sentence()).containsIgnoringCase("sign in").doesNotContain(SampleTokens.EXPIRED)
                .doesNotContain("Exception");
        assertThat(auto.status().state()).isEqualTo(AutoSync.State.STOPPED);
        long requests = server.requestCount();
        for (int i = 0; i < 5; i++) {
            assertThat(after(EVERY)).isNull();
        }
        assertThat(server.requestCount()).as("nothing is asked while stopped").isEqualTo(requests);

        current.set(good); // the user signed in again
        auto.resume();
        assertThat(after(Duration.ofSeconds(1)).ok()).isTrue();
        assertThat(auto.status().state()).isEqualTo(AutoSync.State.WAITING);
    }

    @Test
    void networkFailuresAreToldOnceRoundsGoOnSpacedOutAndResumeWhenTheServerIsBack() {
        workspace(SampleOptions.defaults().withLeads(300));
        autoSync(liveRound(session));
        assertThat(after(EVERY).ok()).isTrue();
        int port = server.port();
        server.close();

        RoundResult down = after(EVERY);
        assertThat(down.outcome()).isEqualTo(RoundResult.Outcome.NETWORK);
        assertThat(events(LiveEvent.Trouble.class)).hasSize(1);
        assertThat(events(LiveEvent.Trouble.class).get(0).sentence()).doesNotContain("Exception");
        assertThat(after(EVERY)).as("after a failed round the next waits twice the interval").isNull();
        assertThat(after(EVERY).outcome()).isEqualTo(RoundResult.Outcome.NETWORK);
        assertThat(after(EVERY)).isNull();
        assertThat(after(EVERY)).isNull();
        assertThat(after(EVERY)).isNull();
        assertThat(after(EVERY).outcome()).as("after two, four times").isEqualTo(RoundResult.Outcome.NETWORK);
        assertThat(events(LiveEvent.Trouble.class)).as("told once").hasSize(1);
        assertThat(auto.status().state()).isEqualTo(AutoSync.State.BACKING_OFF);

        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(300).withPort(port), clock);
        RoundResult back = null;
        for (int i = 0; i < 8 && back == null; i++) {
            back = after(EVERY);
        }
        assertThat(back.ok()).isTrue();
        assertThat(events(LiveEvent.TroubleOver.class)).hasSize(1);
        assertThat(after(EVERY)).as("and the usual interval again").isNotNull();
    }

    @Test
    void afterTheComputerSleptOneRoundComesAfterAGraceAndNoBurst() {
        workspace(SampleOptions.defaults().withLeads(300));
        autoSync(liveRound(session));
        scheduler.tick();
        assertThat(after(EVERY)).isNotNull();
        assertThat(after(Duration.ofHours(3))).as("woken: no round at once").isNull();
        List<LiveEvent.Resumed> resumed = events(LiveEvent.Resumed.class);
        assertThat(resumed).hasSize(1);
        assertThat(resumed.get(0).reason()).isEqualTo(LiveEvent.PauseReason.SLEEP);
        assertThat(resumed.get(0).away()).isGreaterThanOrEqualTo(Duration.ofHours(3));
        assertThat(after(Duration.ofSeconds(10))).isNull();
        assertThat(after(Duration.ofSeconds(20))).as("one round after the grace").isNotNull();
        assertThat(after(Duration.ofSeconds(15))).as("and no more").isNull();
        assertThat(finished()).hasSize(2);
    }

    @Test
    void withoutANetworkRoundsPauseAndOneRunsWhenItIsBack() {
        workspace(SampleOptions.defaults().withLeads(300));
        autoSync(liveRound(session));
        online.set(false);
        long requests = server.requestCount();
        assertThat(after(EVERY)).isNull();
        assertThat(after(EVERY)).isNull();
        assertThat(events(LiveEvent.Paused.class)).hasSize(1);
        assertThat(auto.status().state()).isEqualTo(AutoSync.State.PAUSED);
        assertThat(server.requestCount()).isEqualTo(requests);
        online.set(true);
        assertThat(after(Duration.ofSeconds(15))).isNotNull();
        assertThat(events(LiveEvent.Resumed.class)).extracting(LiveEvent.Resumed::reason)
                .containsExactly(LiveEvent.PauseReason.OFFLINE);
    }

    @Test
    void intervalOffStopsTheTicksAndAnIntervalChangeTakesEffectFromTheLastRound() {
        workspace(SampleOptions.defaults().withLeads(300));
        autoSync(liveRound(session));
        assertThat(scheduler.period).isEqualTo(Duration.ofSeconds(15));
        assertThat(after(EVERY)).isNotNull();
        auto.setInterval(null);
        assertThat(scheduler.tickers()).isZero();
        assertThat(auto.status().state()).isEqualTo(AutoSync.State.OFF);
        auto.setInterval(Duration.ofMinutes(15));
        assertThat(after(Duration.ofMinutes(10))).isNull();
        assertThat(after(Duration.ofMinutes(5))).isNotNull();
        assertThat(AutoSync.intervalOf(io.leaddesk.store.LiveSettings.defaults())).isEqualTo(Duration.ofMinutes(5));
        assertThat(AutoSync.intervalOf(io.leaddesk.store.LiveSettings.defaults().withCheckMinutes(0))).isNull();
    }

    @Test
    void aTickThatComesLateDoesNotPushTheNextRoundsBack() {
        workspace(SampleOptions.defaults().withLeads(100));
        autoSync(liveRound(session));
        assertThat(after(EVERY.plusSeconds(10))).as("due at 2:00, the tick came at 2:10").isNotNull();
        assertThat(after(EVERY.minusSeconds(10))).as("the next is due at 4:00 still").isNotNull();
        assertThat(after(EVERY.minusSeconds(1))).isNull();
        assertThat(after(Duration.ofSeconds(1))).isNotNull();
    }

    @Test
    void theBackoffAndThePaceHaveTheirLimits() {
        workspace(SampleOptions.defaults().withLeads(10));
        autoSync(liveRound(session));
        assertThat(auto.backoff(1)).isEqualTo(EVERY.multipliedBy(2));
        assertThat(auto.backoff(3)).isEqualTo(EVERY.multipliedBy(8));
        assertThat(auto.backoff(40)).isEqualTo(AutoSync.MAX_BACKOFF);
        assertThat(AutoSync.paceFor(10)).isEqualTo(1);
        assertThat(AutoSync.paceFor(60)).isEqualTo(2);
        assertThat(AutoSync.paceFor(80)).isEqualTo(4);
        assertThat(AutoSync.paceFor(95)).isEqualTo(8);
    }
}
