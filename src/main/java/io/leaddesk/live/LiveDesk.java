package io.leaddesk.live;

import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.live.notify.NewLeadsText;
import io.leaddesk.live.notify.Notification;
import io.leaddesk.live.notify.Notifier;
import io.leaddesk.store.Arrivals;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.LiveSettings;
import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.FormOutcome;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncListener;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.sync.SyncService;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The live desk of one signed-in workspace, for its ViewModels: auto-sync ({@link AutoSync} running
 * {@link LiveRound}s), the manual sync through the same {@link SyncGate}, and one notification per sync that brought
 * new leads ({@link NewLeadsAnnouncer}). Every {@link LiveEvent} goes to the listener given; a round's notification is
 * shown before its {@link LiveEvent.RoundFinished} is passed on.
 *
 * <p>A manual sync ({@link #manualSync}) is always possible: a round in flight is cancelled after its result page
 * and the manual sync runs at once after it; the next round then comes a whole interval later.
 */
public final class LiveDesk implements AutoCloseable {
    private final SyncService service;
    /** The workspace's current session ("Make this token last" swaps it); asked at each sync and round. */
    private final Supplier<Session> session;
    private final SyncGate gate = new SyncGate();
    private final AutoSync autoSync;
    private final LiveScheduler scheduler;
    private final NewLeadsAnnouncer announcer;
    private volatile LiveSettings settings;

    /**
     * @param service   the workspace's sync service (manual syncs use it as it is; rounds get a shorter retry budget,
     *                  {@link LiveRound#serviceFor})
     * @param notifier  where notifications go ({@link io.leaddesk.live.notify.Notifiers#forThisComputer})
     * @param text      the notifications' text ({@link NewLeadsText#english()} or the app's own)
     * @param listener  auto-sync's events (status line, notice bar)
     * @param scheduler ticks and rounds ({@link LiveScheduler#threads}); closed with this
     * @param network   whether there is a network ({@link NetworkCheck#forGraph})
     */
    public LiveDesk(SyncService service, Session session, LiveSettings settings, Notifier notifier, NewLeadsText text,
                    LiveListener listener, Clock clock, LiveScheduler scheduler, NetworkCheck network) {
        this(service, constant(session), settings, notifier, text, listener, clock, scheduler, network);
    }

    /** The same, following the workspace's current session: a token swapped in is used from the next sync on. */
    public LiveDesk(SyncService service, Supplier<Session> session, LiveSettings settings, Notifier notifier,
                    NewLeadsText text, LiveListener listener, Clock clock, LiveScheduler scheduler,
                    NetworkCheck network) {
        this.service = Objects.requireNonNull(service, "service");
        this.session = Objects.requireNonNull(session, "session");
        this.settings = settings == null ? LiveSettings.defaults() : settings;
        this.scheduler = scheduler;
        this.announcer = new NewLeadsAnnouncer(service.store(), () -> this.settings, text, notifier);
        LiveListener target = listener == null ? LiveListener.NONE : listener;
        LiveRound rounds = new LiveRound(LiveRound.serviceFor(service, clock), session, clock);
        this.autoSync = new AutoSync(rounds, gate, scheduler, clock, service.graph()::usage, network, null, e -> {
            if (e instanceof LiveEvent.RoundFinished f) {
                announcer.announce(f.result().news());
            }
            target.onEvent(e);
        });
    }

    private static Supplier<Session> constant(Session session) {
        Objects.requireNonNull(session, "session");
        return () -> session;
    }

    /** With the real clock, threads and network check. */
    public static LiveDesk start(SyncService service, Session session, LiveSettings settings, Notifier notifier,
                                 NewLeadsText text, LiveListener listener) {
        LiveDesk desk = new LiveDesk(service, session, settings, notifier, text, listener, Clock.systemUTC(),
                LiveScheduler.threads("leaddesk-auto-sync"),
                NetworkCheck.forGraph(service.graph().settings().baseUrl()));
        desk.start();
        return desk;
    }

    /** Starts auto-sync as the settings say; the first round one interval from now. */
    public void start() {
        autoSync.start(AutoSync.intervalOf(settings), null);
    }

    /** "Check for new leads" or the notification settings changed for this workspace. */
    public void settingsChanged(LiveSettings s) {
        settings = s == null ? LiveSettings.defaults() : s;
        autoSync.setInterval(AutoSync.intervalOf(settings));
    }

    public LiveSettings settings() {
        return settings;
    }

    public AutoSync autoSync() {
        return autoSync;
    }

    public SyncGate gate() {
        return gate;
    }

    /**
     * A sync the user asked for: waits for a round in flight to stop after its result page (it is cancelled), pulls
     * as {@link SyncService#sync} does, and shows one notification when it brought new leads. When it could read Meta
     * (no token or permission failure), auto-sync stopped by an access problem goes on.
     */
    public SyncReport manualSync(SyncRequest request, SyncListener listener, CancelSignal cancel) {
        SyncReport report;
        Arrivals arrivals;
        try (SyncGate.Permit p = gate.manual()) {
            LeadStore store = service.store();
            long mark = store.newestRowId();
            report = service.sync(session.get(), request, listener, cancel);
            arrivals = store.arrivalsAfter(mark, LiveRound.KEEP_NEWEST);
        }
        announcer.announce(arrivals);
        autoSync.afterManualSync(!report.cancelled() && report.forms().stream().noneMatch(LiveDesk::accessFailure));
        return report;
    }

    /** The notification a sync's new leads give, shown now (for a caller that syncs by itself). */
    public Notification announce(Arrivals arrivals) {
        return announcer.announce(arrivals);
    }

    private static boolean accessFailure(FormOutcome o) {
        return o.errorKind() == GraphErrorKind.TOKEN || o.errorKind() == GraphErrorKind.PERMISSION;
    }

    /** Stops auto-sync (a round in flight ends after its result page) and its threads. */
    @Override
    public void close() {
        autoSync.close();
        if (scheduler != null) {
            scheduler.close();
        }
    }
}
