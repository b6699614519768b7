package io.leaddesk.ui.workspace;

import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.store.CredentialVault;
import io.leaddesk.store.StoredForm;
import io.leaddesk.store.StoredPage;
import io.leaddesk.sync.CancelSignal;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.sync.FormOutcome;
import io.leaddesk.sync.SyncEvent;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.ui.Cancellable;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.RunState;
import io.leaddesk.ui.TaskExecutor;
import io.leaddesk.ui.Workspace;
import io.leaddesk.ui.access.WorkspaceAccess;
import io.leaddesk.ui.detail.ClipboardPort;
import io.leaddesk.ui.detail.LeadDetailViewModel;
import io.leaddesk.ui.leads.EmptyText;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import io.leaddesk.ui.live.NewLeadsViewModel;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace: the tree of pages and forms with their figures, the toolbar commands (sync selected / all,
 * cancel, export hook, sign out), overall and per-form sync progress, and the end-of-sync notification.
 * The window stays usable during a sync: the sync runs on a worker and reports through {@link TaskExecutor#onUi}.
 */
public final class WorkspaceViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceViewModel.class);

    public enum NoticeKind { INFO, SUCCESS, WARNING, ERROR }

    /**
     * A notification to show once ({@code seq} grows each time, so the same text can be shown again).
     * {@code action} is the text of its button; null = none. The button runs {@code onAction}, or opens the Access
     * view ({@link #access()}) when that is null (see {@link #actOnNotice}).
     */
    public record Notice(NoticeKind kind, String text, int seq, String action, Runnable onAction) {
        public Notice(NoticeKind kind, String text, int seq) {
            this(kind, text, seq, null, null);
        }
    }

    private final Workspace workspace;
    private final CredentialVault vault;
    private final TaskExecutor executor;
    private final Messages m;
    private final io.leaddesk.ui.SyncText syncText;
    private final ErrorText errors;
    private final Formats formats;
    private final LeadsTableViewModel leads;
    private final LeadDetailViewModel detail;
    /** Issue 14: which leads are new (bold rows, tree badges, "Mark all as seen"). */
    private final NewLeadsViewModel newLeads;

    private final WorkspaceTree tree;
    private final SyncNotices notices;
    private final RowActions rowActions;
    private final ObjectProperty<TreeEntry> selected = new SimpleObjectProperty<>(this, "selected");
    /** The sync; its message is the status line, also while no sync runs. */
    private final RunState sync = new RunState();
    private final ReadOnlyStringWrapper identity = new ReadOnlyStringWrapper(this, "identity", "");
    private final ReadOnlyBooleanWrapper exportAvailable = new ReadOnlyBooleanWrapper(this, "exportAvailable");
    private final ReadOnlyIntegerWrapper treeVersion = new ReadOnlyIntegerWrapper(this, "treeVersion");
    private final ReadOnlyBooleanWrapper hasLeads = new ReadOnlyBooleanWrapper(this, "hasLeads");
    private final BooleanBinding canExport;
    /** The live refresh during a sync: pending (at most one) and when the last one ran. */
    private Cancellable liveRefresh = Cancellable.NONE;
    private boolean liveRefreshPending;
    private final BooleanBinding canSync;

    private CancelSignal cancelSignal;
    private Cancellable syncTask = Cancellable.NONE;
    private final SyncProgress progress;
    private LiveGrowth growth; // set right after the progress that tells it (each needs the other)
    private Runnable onExport;
    private Runnable onSignedOut = () -> { };
    private final WorkspaceAccess access = new WorkspaceAccess();
    private final NoticeFeed notice = new NoticeFeed(access::open);

    /** How often, at most, the tree's counts and the table move while a sync stores pages. */
    public static final Duration LIVE_REFRESH = Duration.ofMillis(500);

    public WorkspaceViewModel(Workspace workspace, CredentialVault vault, TaskExecutor executor, Messages messages,
                              Formats formats, LeadsTableViewModel leads, LeadDetailViewModel detail) {
        this(workspace, vault, executor, messages, formats, leads, detail, text -> { });
    }

    /** @param clipboard where the leads table's "Copy email" / "Copy phone" go */
    public WorkspaceViewModel(Workspace workspace, CredentialVault vault, TaskExecutor executor, Messages messages,
                              Formats formats, LeadsTableViewModel leads, LeadDetailViewModel detail, ClipboardPort clipboard) {
        this.workspace = workspace;
        this.vault = vault;
        this.executor = executor;
        this.m = messages;
        this.syncText = new io.leaddesk.ui.SyncText(messages);
        this.errors = new ErrorText(messages);
        this.formats = formats;
        this.leads = leads;
        this.detail = detail;
        this.tree = new WorkspaceTree(messages, formats);
        this.notices = new SyncNotices(messages, syncText);
        this.progress = new SyncProgress(tree, sync, messages, formats, syncText,
                () -> hasLeads.set(tree.root().cachedLeads() > 0), () -> this.growth.committed(), this::refreshSoon);
        // the tree from the cache (forms a sync stored show up), its counts moved, the table read: together
        this.growth = new LiveGrowth(executor, LIVE_REFRESH, done -> reloadTree(() -> {
            progress.showGrowth();
            leads.refresh();
            done.run();
        }), sync::isRunning, System::nanoTime);
        this.rowActions = new RowActions(workspace.cache(), executor, messages, leads, detail, clipboard,
                e -> notify(NoticeKind.ERROR, errors.describe(e)));
        ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(workspace.sync().isPresent());
        canSync = Bindings.createBooleanBinding(() -> online.get() && !sync.isRunning(), sync.runningProperty());
        canExport = Bindings.createBooleanBinding(() -> exportAvailable.get() && hasLeads.get(), exportAvailable, hasLeads);
        selected.addListener((o, a, b) -> scopeTo(b));
        leads.selectedLeadIdProperty().addListener((o, a, b) -> detail.show(b));
        leads.searchProperty().addListener((o, a, b) -> detail.setSearch(b));
        EmptyText.Hints hints = new EmptyText.Hints(workspace.sync().isPresent(), workspace.demoKeptApart(), false);
        leads.setEmptyHints(hints);
        sync.runningProperty().addListener((o, was, running) -> leads.setEmptyHints(hints.syncing(running)));
        detail.setOnReviewSaved((id, status) -> {
            leads.reviewChanged(id, status);
            if (leads.statusProperty().get() != null) {
                leads.refresh();
            }
        });
        detail.setOnDeleted((id, who, erased) -> {
            if (erased) {
                notify(NoticeKind.SUCCESS, m.format("notice.leadDeleted", who));
            } else {
                notify(NoticeKind.WARNING, m.format("notice.leadDeleted.incomplete", who));
            }
            leads.refresh();
            reloadTree(() -> { });
        });
        identity.set(IdentityText.of(workspace, m));
        sync.show(workspace.sync().isPresent() ? m.get("status.ready") : m.get("status.offline"));
        newLeads = new NewLeadsViewModel(workspace.cache(), executor, messages, leads, detail, tree.root(), treeVersion,
                text -> notify(NoticeKind.ERROR, text));
    }

    /** Loads the tree from the cache, shows all leads, and when online refreshes the forms from Graph. */
    public void open() {
        if (access.tokenLife() != null) {
            access.tokenLife().check(sentence -> notify(NoticeKind.WARNING, sentence, m.get("workspace.notice.renew")));
        }
        selected.set(tree.root());
        leads.refresh();
        reloadTree(() -> workspace.sync().ifPresent(backend -> {
            sync.show(m.get("status.refreshingForms"));
            executor.submit("refresh forms", backend::refreshForms, f -> {
                sync.show(m.get("status.ready"));
                if (!f.problems().isEmpty()) {
                    var p = f.problems().get(0);
                    boolean access = f.problems().stream().anyMatch(x -> x.kind() == GraphErrorKind.PERMISSION
                            || x.kind() == GraphErrorKind.TOKEN);
                    notify(NoticeKind.WARNING, m.format("notice.pageProblem", p.pageName(), syncText.pageProblem(p)), accessAction(access));
                }
                reloadTree(leads::refresh);
            }, e -> {
                sync.show(m.get("status.ready"));
                notify(NoticeKind.ERROR, m.format("notice.formsFailed", errors.describe(e)));
            });
        }));
    }

    /** Reads pages and forms from the cache again (background) and updates the tree in place. */
    public void reloadTree(Runnable then) {
        executor.submit("load forms", () -> new TreeData(workspace.cache().pages(), workspace.cache().forms(List.of())),
                d -> {
                    applyTree(d);
                    then.run();
                }, e -> notify(NoticeKind.ERROR, errors.describe(e)));
    }

    private record TreeData(List<StoredPage> pages, List<StoredForm> forms) { }

    private void applyTree(TreeData d) {
        tree.apply(workspace.pages(), d.pages(), d.forms());
        treeChanged();
    }

    private void treeChanged() {
        hasLeads.set(tree.root().cachedLeads() > 0);
        treeVersion.set(treeVersion.get() + 1);
    }

    private void scopeTo(TreeEntry e) {
        if (e == null || e.kind() == TreeEntry.Kind.ALL) {
            leads.setScope(Set.of(), Set.of());
        } else if (e.kind() == TreeEntry.Kind.PAGE) {
            leads.setScope(Set.of(e.id()), Set.of());
        } else {
            leads.setScope(Set.of(), Set.of(e.id()));
        }
    }

    // ---- sync -----------------------------------------------------------------------------------

    /** Syncs the selected form, the selected page's forms, or everything when "All leads" is selected. */
    public void syncSelected() {
        TreeEntry e = selected.get();
        if (e == null || e.kind() == TreeEntry.Kind.ALL) {
            startSync(SyncRequest.everything());
        } else if (e.kind() == TreeEntry.Kind.PAGE) {
            startSync(new SyncRequest(Set.of(e.id()), Set.of(), false));
        } else {
            startSync(new SyncRequest(Set.of(), Set.of(e.id()), false));
        }
    }

    public void syncAll() {
        startSync(SyncRequest.everything());
    }

    private void startSync(SyncRequest request) {
        if (!canSync.get()) {
            if (workspace.sync().isEmpty()) {
                notify(NoticeKind.INFO, m.get("notice.offlineNoSync"));
            }
            return;
        }
        CancelSignal cancel = new CancelSignal();
        cancelSignal = cancel;
        sync.begin(m.get("status.syncStarting"));
        progress.reset();
        syncTask = executor.submit("sync",
                () -> workspace.sync().orElseThrow().sync(request, ev -> executor.onUi(() -> onEvent(ev)), cancel),
                this::syncFinished,
                this::syncFailed);
    }

    /** Applies one progress event (on the UI thread). */
    void onEvent(SyncEvent ev) {
        progress.onEvent(ev);
    }

    /**
     * A form finished with new leads during a sync: reads the tree's figures again from the cache, and the table with
     * them, at most every {@link #LIVE_REFRESH}. Pages in between move both together ({@link LiveGrowth}); the table
     * keeps its selection and its old rows until the new ones are read.
     */
    private void refreshSoon() {
        if (liveRefreshPending) {
            return;
        }
        liveRefreshPending = true;
        liveRefresh = executor.schedule(LIVE_REFRESH, () -> {
            liveRefreshPending = false;
            if (sync.isRunning()) {
                reloadTree(leads::refresh);
            }
        });
    }

    private void syncFinished(SyncReport report) {
        endSync(syncText.summary(report));
        report.forms().stream().filter(f -> f.status() == FormOutcome.Status.FAILED).limit(20).forEach(f ->
                LOG.warn("Sync: form {} failed ({}): {}", f.formId(), f.errorKind(), f.message()));
        boolean access = !report.findings().isEmpty() || report.forms().stream()
                .anyMatch(f -> f.errorKind() == GraphErrorKind.PERMISSION || f.errorKind() == GraphErrorKind.TOKEN);
        SyncNotices.Text t = notices.of(report);
        notify(t.kind(), t.text(), accessAction(access));
        reloadTree(leads::refresh);
    }

    private void syncFailed(Throwable e) {
        endSync(m.get("status.ready"));
        boolean access = e instanceof io.leaddesk.model.LeadDeskException d
                && d.failureKind() == io.leaddesk.model.FailureKind.ACCESS;
        notify(NoticeKind.ERROR, m.format("notice.sync.error", errors.describe(e)), accessAction(access));
        reloadTree(leads::refresh);
    }

    private void endSync(String status) {
        growth.stop();
        liveRefresh.cancel();
        liveRefreshPending = false;
        tree.syncEnded();
        sync.finish(status);
        tree.forms().forEach(f -> {
            f.syncingProperty().set(false);
            f.progressProperty().set(-1);
        });
    }

    /** Asks the running sync to stop after the current page; what was fetched stays in the cache. */
    public void cancel() {
        if (cancelSignal != null && sync.cancel(m.get("status.cancelling"))) {
            cancelSignal.cancel();
        }
    }

    // ---- other commands -----------------------------------------------------------------------------

    /** Set by the window that opens the Export dialog; until then Export is disabled. */
    public void setOnExport(Runnable hook) {
        this.onExport = hook;
        exportAvailable.set(hook != null);
    }

    public void onExport() {
        if (onExport != null && canExport.get()) {
            onExport.run();
        }
    }

    /** The Access view's hooks: "Access" in the toolbar, "Check access…" in notices, the token's lifetime. */
    public WorkspaceAccess access() {
        return access;
    }

    private String accessAction(boolean offered) {
        return offered && access.availableProperty().get() ? m.get("workspace.notice.checkAccess") : null;
    }

    public void setOnSignedOut(Runnable r) {
        this.onSignedOut = r;
    }

    /** Stops any sync, closes the workspace, forgets the remembered token, and goes back to the sign-in screen. */
    public void signOut() {
        if (cancelSignal != null) {
            cancelSignal.cancel();
        }
        syncTask.cancel();
        sync.finish("");
        executor.submit("sign out", () -> {
            if (workspace.mode() == Workspace.Mode.ONLINE) {
                vault.delete();
            }
            workspace.close();
            return Boolean.TRUE;
        }, ok -> onSignedOut.run(), e -> onSignedOut.run());
    }

    private void notify(NoticeKind kind, String text) {
        notify(kind, text, null);
    }

    private void notify(NoticeKind kind, String text, String action) {
        notice.post(kind, text, action, null);
    }

    /**
     * The notice bar's button was pressed: runs the notice's own action (then the bar can close: true) or opens the
     * Access view (false: the bar stays until the problem is fixed).
     */
    public boolean actOnNotice() {
        return notice.act();
    }

    public TreeEntry root() {
        return tree.root();
    }

    // ---- issue 14: the live desk's hooks (io.leaddesk.ui.live) ----------------------------------------

    /** Which leads are new: the tree's badges, the title's count, "Mark all as seen". */
    public NewLeadsViewModel newLeads() {
        return newLeads;
    }

    /** Auto-sync's line in the status bar; a manual sync's progress keeps the line while it runs. */
    public void showStatus(String text) {
        if (!sync.isRunning()) {
            sync.show(text);
        }
    }

    /** Auto-sync's notice (a token or permission problem stopped it, an in-app notification). */
    public void showNotice(NoticeKind kind, String text) {
        notify(kind, text);
    }

    /** The same with a button labelled {@code action} that runs {@code onAction} (an in-app notification's "Show"). */
    public void showNotice(NoticeKind kind, String text, String action, Runnable onAction) {
        notice.post(kind, text, action, onAction);
    }

    /** The form entry with this id, or null. */
    public TreeEntry form(String id) {
        return tree.form(id);
    }

    /** Whether Export can open: the window wired it and the cache holds leads. */
    public BooleanBinding canExportProperty() {
        return canExport;
    }

    /** Why Export is disabled, for its tooltip ("" when it is not). */
    public String exportDisabledReason() {
        if (hasLeads.get()) {
            return "";
        }
        return workspace.sync().isPresent() ? m.get("workspace.export.noLeads") : m.get("workspace.export.noLeads.offline");
    }

    public ReadOnlyBooleanProperty hasLeadsProperty() {
        return hasLeads.getReadOnlyProperty();
    }

    public Workspace workspace() {
        return workspace;
    }

    /** Where the window's layout is remembered between runs. */
    public io.leaddesk.ui.UiStateStore memory() {
        return leads.memory();
    }

    /** What the leads table's row menu does. */
    public RowActions rowActions() {
        return rowActions;
    }

    public LeadsTableViewModel leads() {
        return leads;
    }

    public LeadDetailViewModel detail() {
        return detail;
    }

    public ObjectProperty<TreeEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty syncingProperty() {
        return sync.runningProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return sync.cancellingProperty();
    }

    public BooleanBinding canSyncProperty() {
        return canSync;
    }

    public boolean isDemo() {
        return workspace.isDemo();
    }

    public boolean isOffline() {
        return workspace.sync().isEmpty();
    }

    /** 0..1, or -1 while the amount is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return sync.progressProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return sync.messageProperty();
    }

    public ReadOnlyStringProperty identityProperty() {
        return identity.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.property();
    }

    public ReadOnlyBooleanProperty exportAvailableProperty() {
        return exportAvailable.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty treeVersionProperty() {
        return treeVersion.getReadOnlyProperty();
    }
}
