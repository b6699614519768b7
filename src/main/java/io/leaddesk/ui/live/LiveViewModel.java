package io.leaddesk.ui.live;

import io.leaddesk.live.AutoSync;
import io.leaddesk.live.LiveDesk;
import io.leaddesk.live.LiveEvent;
import io.leaddesk.live.LiveScheduler;
import io.leaddesk.live.NetworkCheck;
import io.leaddesk.live.notify.NewLeadsText;
import io.leaddesk.live.notify.Notification;
import io.leaddesk.live.notify.Notifier;
import io.leaddesk.live.notify.Notifiers;
import io.leaddesk.store.AppSettings;
import io.leaddesk.store.LiveSettings;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TaskExecutor;
import io.leaddesk.ui.workspace.TreeEntry;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The live desk of the open workspace, for the window: owns the {@link LiveDesk} of a signed-in workspace (online or
 * the demo) and starts auto-sync as the workspace's settings say; turns auto-sync's events (delivered on its threads)
 * into the status line and, for a stop by the token or a permission, the notice bar; reads the table and the tree
 * again after a round that stored leads; gives the window its title ("LeadDesk (7 new) — …"); and a click on a
 * notification brings the window forward ({@link #setOnBringForward}) on those leads: their form (or "All leads"),
 * "New only".
 */
public final class LiveViewModel {

    /** Makes the notifier: {@link Notifiers#forThisComputer} in the app, one that records in tests. */
    @FunctionalInterface
    public interface NotifierFactory {
        Notifier create(Notifier.ClickHandler onClick, Consumer<Notification> inApp, String actionLabel);

        NotifierFactory THIS_COMPUTER = Notifiers::forThisComputer;
    }

    /**
     * What differs between the app and a test.
     *
     * @param network null = the workspace's own check ({@link LiveBackend#network()})
     */
    public record Parts(Clock clock, Supplier<LiveScheduler> scheduler, NotifierFactory notifiers, NetworkCheck network) {
        /** The real clock, threads, notifications and network check. */
        public static Parts real() {
            return new Parts(Clock.systemUTC(), () -> LiveScheduler.threads("leaddesk-auto-sync"),
                    NotifierFactory.THIS_COMPUTER, null);
        }
    }

    private final WorkspaceViewModel workspace;
    private final TaskExecutor executor;
    private final Messages m;
    private final Parts parts;
    private final LiveStatusText status;
    private final NewLeadsText text;
    private final String key;
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ReadOnlyObjectWrapper<Notification> lastNotification = new ReadOnlyObjectWrapper<>(this, "lastNotification");
    private final StringBinding title;
    private volatile LiveDesk desk;
    private Runnable onBringForward = () -> { };

    public LiveViewModel(WorkspaceViewModel workspace, TaskExecutor executor, Messages messages, ZoneId zone, Parts parts) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        this.executor = executor;
        this.m = messages;
        this.parts = parts == null ? Parts.real() : parts;
        this.status = new LiveStatusText(messages, zone);
        this.text = new NewLeadsText(messages.bundle());
        this.key = workspace.workspace().isDemo() ? AppSettings.DEMO_WORKSPACE : AppSettings.MAIN_WORKSPACE;
        var total = workspace.newLeads().totalProperty();
        this.title = Bindings.createStringBinding(() -> {
            String t = m.format("live.window.title", total.get());
            String who = workspace.identityProperty().get();
            return who == null || who.isBlank() ? t : t + " — " + who;
        }, total, workspace.identityProperty());
    }

    /** The settings key of this workspace ("main" or "demo"). */
    public String settingsKey() {
        return key;
    }

    /**
     * Starts auto-sync as {@code settings} say for this workspace (nothing for an offline workspace). Call once the
     * workspace is open.
     */
    public void start(AppSettings settings) {
        workspace.workspace().live().ifPresent(backend -> {
            LiveSettings live = settings == null ? LiveSettings.defaults() : settings.live(key);
            Notifier notifier = parts.notifiers().create(
                    n -> executor.onUi(() -> bringForward(n)),
                    n -> executor.onUi(() -> inApp(n)),
                    text.actionLabel());
            NetworkCheck network = parts.network() != null ? parts.network() : backend.network();
            desk = backend.open(live, notifier, text, e -> {
                AutoSync.Status s = desk == null ? null : desk.autoSync().status();
                executor.onUi(() -> apply(e, s));
            }, parts.clock(), parts.scheduler().get(), network);
        });
    }

    /** The settings were saved: "Check for new leads" and the notification choices of this workspace apply now. */
    public void settingsChanged(AppSettings settings) {
        LiveDesk d = desk;
        if (d != null && settings != null) {
            d.settingsChanged(settings.live(key));
        }
    }

    /** On the UI thread: one of auto-sync's events. */
    void apply(LiveEvent e, AutoSync.Status s) {
        String line = status.of(e, s);
        if (line != null) {
            statusText.set(line);
            workspace.showStatus(line);
        }
        String notice = status.notice(e);
        if (notice != null) {
            workspace.showNotice(WorkspaceViewModel.NoticeKind.ERROR, notice);
        }
        if (e instanceof LiveEvent.RoundFinished f && f.result().newToCache() > 0) {
            workspace.reloadTree(workspace.leads()::refresh);
        }
    }

    /**
     * Where the computer has no notification service: the notification shows in the notice bar, whose button shows
     * its leads as clicking a desktop notification does.
     */
    void inApp(Notification n) {
        lastNotification.set(n);
        workspace.showNotice(WorkspaceViewModel.NoticeKind.INFO, n.line(), text.actionLabel(), () -> bringForward(n));
    }

    /**
     * A notification was clicked: the window comes forward showing its leads: their form when they all came in one
     * (else "All leads"), "New only" on, the search cleared.
     */
    public void bringForward(Notification n) {
        lastNotification.set(n);
        onBringForward.run();
        TreeEntry target = n.formIds().size() == 1 ? workspace.form(n.formIds().get(0)) : null;
        workspace.selectedProperty().set(target != null ? target : workspace.root());
        workspace.leads().clearSearch();
        workspace.leads().newOnlyProperty().set(true);
    }

    /** What brings the window forward (de-iconify, to front); set by the window. */
    public void setOnBringForward(Runnable r) {
        this.onBringForward = r == null ? () -> { } : r;
    }

    /** The open live desk, or null (offline, or not started). */
    public LiveDesk desk() {
        return desk;
    }

    /** "LeadDesk (7 new) — identity": the window's title. */
    public StringBinding titleProperty() {
        return title;
    }

    /** What auto-sync said last on the status line ("" before it said anything). */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** The last notification clicked or shown in the app. */
    public ReadOnlyObjectProperty<Notification> lastNotificationProperty() {
        return lastNotification.getReadOnlyProperty();
    }
}
