package io.leaddesk.ui.live;

import io.leaddesk.live.LiveDesk;
import io.leaddesk.live.LiveListener;
import io.leaddesk.live.LiveScheduler;
import io.leaddesk.live.NetworkCheck;
import io.leaddesk.live.notify.NewLeadsText;
import io.leaddesk.live.notify.Notifier;
import io.leaddesk.store.LiveSettings;
import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.FormsRefresh;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncListener;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.sync.SyncService;
import io.leaddesk.ui.SyncBackend;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The sync backend of a signed-in workspace (online or the demo) that can run the live desk: while a
 * {@link LiveDesk} is open, the manual sync (the toolbar, Ctrl+R) goes through {@link LiveDesk#manualSync}, so it
 * never runs alongside an auto-sync round and its new leads raise a notification too. Closing it (with the
 * workspace, before the cache and the Graph client close) stops auto-sync.
 */
public final class LiveBackend implements SyncBackend, AutoCloseable {
    private final SyncService service;
    private final java.util.function.Supplier<Session> session;
    private volatile LiveDesk desk;
    private Notifier notifier;

    public LiveBackend(SyncService service, Session session) {
        this(service, () -> session);
        Objects.requireNonNull(session, "session");
    }

    /** @param session the workspace's current session (it changes when "Make this token last" swaps the token) */
    public LiveBackend(SyncService service, java.util.function.Supplier<Session> session) {
        this.service = Objects.requireNonNull(service, "service");
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public FormsRefresh refreshForms() {
        return service.refreshFormsDetailed(session.get(), List.of());
    }

    @Override
    public SyncReport sync(SyncRequest request, SyncListener listener, CancelSignal cancel) {
        LiveDesk d = desk;
        return d != null ? d.manualSync(request, listener, cancel) : service.sync(session.get(), request, listener, cancel);
    }

    /** Whether Meta can be reached (loopback Graph APIs such as the demo's always can). */
    public NetworkCheck network() {
        return NetworkCheck.forGraph(service.graph().settings().baseUrl());
    }

    /**
     * Opens the live desk (closing one opened before) and starts auto-sync as {@code settings} say.
     *
     * @param notifier  closed with the desk
     * @param scheduler closed with the desk
     */
    public synchronized LiveDesk open(LiveSettings settings, Notifier notifier, NewLeadsText text, LiveListener listener,
                                      Clock clock, LiveScheduler scheduler, NetworkCheck network) {
        closeDesk();
        LiveDesk d = new LiveDesk(service, session, settings, notifier, text, listener, clock, scheduler, network);
        desk = d;
        this.notifier = notifier;
        d.start();
        return d;
    }

    /** The open live desk, or null. */
    public LiveDesk desk() {
        return desk;
    }

    private void closeDesk() {
        LiveDesk d = desk;
        desk = null;
        if (d != null) {
            d.close();
        }
        Notifier n = notifier;
        notifier = null;
        if (n != null) {
            n.close();
        }
    }

    /** Stops auto-sync (a round in flight ends after its result page). */
    @Override
    public synchronized void close() {
        closeDesk();
    }
}
