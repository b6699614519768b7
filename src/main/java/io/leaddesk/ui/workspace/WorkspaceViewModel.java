package io.leaddesk.ui.workspace;

import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.graph.TokenInfo;
import io.leaddesk.graph.TokenKind;
import io.leaddesk.store.CredentialVault;
import io.leaddesk.store.StoredForm;
import io.leaddesk.store.StoredPage;
import io.leaddesk.sync.CancelSignal;
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
import io.leaddesk.ui.detail.LeadDetailViewModel;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import javafx.beans.property.ReadOnlyObjectWrapper;
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
     * {@code action} is the text of its button that opens the Access view ({@link #access()}); null = none.
     */
    public record Notice(NoticeKind kind, String text, int seq, String action) {
        public Notice(NoticeKind kind, String text, int seq) {
            this(kind, text, seq, null);
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

    private final TreeEntry root;
    private final Map<String, TreeEntry> pages = new LinkedHashMap<>();
    private final Map<String, TreeEntry> forms = new HashMap<>();
    private final ObjectProperty<TreeEntry> selected = new SimpleObjectProperty<>(this, "selected");
    /** The sync; its message is the status line, also while no sync runs. */
    private final RunState sync = new RunState();
    private final ReadOnlyStringWrapper identity = new ReadOnlyStringWrapper(this, "identity", "");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    private final ReadOnlyBooleanWrapper exportAvailable = new ReadOnlyBooleanWrapper(this, "exportAvailable");
    private final ReadOnlyIntegerWrapper treeVersion = new ReadOnlyIntegerWrapper(this, "treeVersion");
    private final BooleanBinding canSync;
    private int noticeSeq;

    private CancelSignal cancelSignal;
    private Cancellable syncTask = Cancellable.NONE;
    private long expected;
    private final Map<String, Long> fetchedByForm = new HashMap<>();
    private int formsTotal;
    private int formsDone;
    private Runnable onExport;
    private Runnable onSignedOut = () -> { };
    private final WorkspaceAccess access = new WorkspaceAccess();

    public WorkspaceViewModel(Workspace workspace, CredentialVault vault, TaskExecutor executor, Messages messages,
                              Formats formats, LeadsTableViewModel leads, LeadDetailViewModel detail) {
        this.workspace = workspace;
        this.vault = vault;
        this.executor = executor;
        this.m = messages;
        this.syncText = new io.leaddesk.ui.SyncText(messages);
        this.errors = new ErrorText(messages);
        this.formats = formats;
        this.leads = leads;
        this.detail = detail;
        this.root = new TreeEntry(TreeEntry.Kind.ALL, "", "", m.get("workspace.tree.all"));
        ReadOnlyBooleanWrapper online = new ReadOnlyBooleanWrapper(workspace.sync().isPresent());
        canSync = Bindings.createBooleanBinding(() -> online.get() && !sync.isRunning(), sync.runningProperty());
        selected.addListener((o, a, b) -> scopeTo(b));
        leads.selectedLeadIdProperty().addListener((o, a, b) -> detail.show(b));
        detail.setOnReviewSaved((id, status) -> {
            leads.reviewChanged(id, status);
            if (leads.statusProperty().get() != null) {
                leads.refresh();
            }
        });
        detail.setOnDeleted((id, who) -> {
            notify(NoticeKind.SUCCESS, m.format("notice.leadDeleted", who));
            leads.refresh();
            reloadTree(() -> { });
        });
        identity.set(identityText());
        sync.show(workspace.sync().isPresent() ? m.get("status.ready") : m.get("status.offline"));
    }

    private String identityText() {
        if (workspace.isDemo()) {
            return m.get("workspace.demo.badge");
        }
        if (workspace.sync().isEmpty()) {
            return m.get("workspace.offline.badge");
        }
        TokenInfo who = workspace.who().orElse(null);
        String kind = who != null && who.kind() == TokenKind.PAGE ? m.get("signin.kind.page") : m.get("signin.kind.user");
        return m.format("workspace.identity", who == null ? "" : who.name(), kind, workspace.pages().size());
    }

    /** Loads the tree from the cache, shows all leads, and when online refreshes the forms from Graph. */
    public void open() {
        if (access.tokenLife() != null) {
            access.tokenLife().check(sentence -> notify(NoticeKind.WARNING, sentence, m.get("workspace.notice.renew")));
        }
        selected.set(root);
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
        Map<String, String> pageNames = new LinkedHashMap<>();
        for (PageInfo p : workspace.pages()) {
            pageNames.put(p.id(), p.name());
        }
        for (StoredPage p : d.pages()) {
            pageNames.putIfAbsent(p.id(), p.name());
        }
        for (StoredForm f : d.forms()) {
            pageNames.putIfAbsent(f.pageId(), f.pageId());
        }
        Map<String, List<TreeEntry>> formsOfPage = new LinkedHashMap<>();
        for (StoredForm f : d.forms()) {
            TreeEntry e = forms.computeIfAbsent(f.id(), id -> new TreeEntry(TreeEntry.Kind.FORM, id, f.pageId(), f.form().name()));
            e.nameProperty().set(f.form().name());
            e.status = f.form().status() == null ? "" : f.form().status();
            e.leadsCount = f.form().leadsCount();
            e.expiredCount = f.form().expiredLeadsCount();
            e.cachedLeads = f.cachedLeads();
            e.lastSynced = f.lastSynced();
            e.detailProperty().set(formDetail(e));
            formsOfPage.computeIfAbsent(f.pageId(), k -> new ArrayList<>()).add(e);
        }
        List<TreeEntry> pageEntries = new ArrayList<>();
        for (Map.Entry<String, String> p : pageNames.entrySet()) {
            TreeEntry pe = pages.computeIfAbsent(p.getKey(), id -> new TreeEntry(TreeEntry.Kind.PAGE, id, id, p.getValue()));
            pe.nameProperty().set(p.getValue());
            List<TreeEntry> fs = formsOfPage.getOrDefault(p.getKey(), List.of());
            pe.cachedLeads = fs.stream().mapToLong(TreeEntry::cachedLeads).sum();
            pe.leadsCount = fs.stream().mapToLong(TreeEntry::leadsCount).sum();
            pe.detailProperty().set(m.format("workspace.page.detail", fs.size(), formats.count(pe.cachedLeads)));
            if (!pe.children().equals(fs)) {
                pe.children().setAll(fs);
            }
            pageEntries.add(pe);
        }
        root.cachedLeads = pageEntries.stream().mapToLong(TreeEntry::cachedLeads).sum();
        root.detailProperty().set(m.format("workspace.all.detail", formats.count(root.cachedLeads)));
        if (!root.children().equals(pageEntries)) {
            root.children().setAll(pageEntries);
        }
        treeVersion.set(treeVersion.get() + 1);
    }

    private String formDetail(TreeEntry e) {
        String status = statusName(e.status);
        String synced = e.lastSynced == null ? m.get("workspace.form.neverSynced")
                : m.format("workspace.form.synced", formats.dateTime(e.lastSynced));
        return m.format("workspace.form.detail", status, formats.count(e.leadsCount), formats.count(e.cachedLeads),
                formats.count(e.expiredCount), synced);
    }

    private String statusName(String s) {
        return switch (s == null ? "" : s.toUpperCase(Locale.ROOT)) {
            case "ACTIVE" -> m.get("form.status.active");
            case "ARCHIVED" -> m.get("form.status.archived");
            case "DELETED" -> m.get("form.status.deleted");
            case "DRAFT" -> m.get("form.status.draft");
            default -> s == null ? "" : s;
        };
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
        expected = 0;
        formsTotal = 0;
        formsDone = 0;
        fetchedByForm.clear();
        forms.values().forEach(f -> f.problemProperty().set(""));
        syncTask = executor.submit("sync",
                () -> workspace.sync().orElseThrow().sync(request, ev -> executor.onUi(() -> onEvent(ev)), cancel),
                this::syncFinished,
                this::syncFailed);
    }

    /** Applies one progress event (on the UI thread). */
    void onEvent(SyncEvent ev) {
        if (ev instanceof SyncEvent.Started s) {
            formsTotal = s.forms();
            expected = s.expected();
            updateOverall();
        } else if (ev instanceof SyncEvent.FormStarted s) {
            TreeEntry e = forms.get(s.formId());
            if (e != null) {
                e.syncingProperty().set(true);
                e.progressProperty().set(s.expected() > 0 ? 0 : -1);
            }
            updateOverall();
        } else if (ev instanceof SyncEvent.FormProgress p) {
            fetchedByForm.put(p.formId(), p.fetched());
            TreeEntry e = forms.get(p.formId());
            if (e != null) {
                e.progressProperty().set(p.expected() > 0 ? Math.min(1.0, (double) p.fetched() / p.expected()) : -1);
            }
            updateOverall();
        } else if (ev instanceof SyncEvent.FormFinished f) {
            formsDone++;
            FormOutcome o = f.outcome();
            TreeEntry e = forms.get(o.formId());
            if (e != null) {
                e.syncingProperty().set(false);
                e.progressProperty().set(-1);
                if (o.status() == FormOutcome.Status.FAILED || o.status() == FormOutcome.Status.SKIPPED) {
                    e.problemProperty().set(syncText.outcome(o));
                }
            }
            updateOverall();
            if (o.newLeads() > 0) {
                reloadTree(leads::refresh);
            }
        } else if (ev instanceof SyncEvent.Waiting w) {
            sync.progress(sync.progressProperty().get(), m.format("status.waiting", syncText.waitingReason(w.reason()), Math.max(1, w.delay().toSeconds())));
        }
    }

    private void updateOverall() {
        long fetched = fetchedByForm.values().stream().mapToLong(Long::longValue).sum();
        double fraction = expected > 0 ? Math.min(1.0, (double) fetched / expected)
                : formsTotal > 0 ? (double) formsDone / formsTotal : RunState.INDETERMINATE;
        sync.progress(fraction, m.format("status.syncing", Math.min(formsDone + 1, Math.max(formsTotal, 1)), formsTotal,
                formats.count(fetched), formats.count(expected)));
    }

    private void syncFinished(SyncReport report) {
        endSync(syncText.summary(report));
        if (report.cancelled()) {
            notify(NoticeKind.WARNING, m.format("notice.sync.cancelled", report.newLeads()));
        } else if (report.failedCount() > 0) {
            report.forms().stream().filter(f -> f.status() == FormOutcome.Status.FAILED).limit(20).forEach(f ->
                    LOG.warn("Sync: form {} failed ({}): {}", f.formId(), f.errorKind(), f.message()));
            FormOutcome first = report.forms().stream().filter(f -> f.status() == FormOutcome.Status.FAILED).findFirst().orElseThrow();
            boolean token = report.forms().stream().anyMatch(f -> f.errorKind() == GraphErrorKind.TOKEN);
            String what = first.formName() + ": " + syncText.outcome(first);
            boolean access = token || !report.findings().isEmpty() || report.forms().stream()
                    .anyMatch(f -> f.errorKind() == GraphErrorKind.PERMISSION);
            notify(NoticeKind.ERROR, m.format("notice.sync.failed", report.newLeads(), report.failedCount(), what)
                    + (token ? " " + m.get("notice.sync.signInAgain") : ""), accessAction(access));
        } else if (report.newLeads() == 0) {
            notify(NoticeKind.SUCCESS, m.get("notice.sync.none"));
        } else {
            notify(NoticeKind.SUCCESS, m.format("notice.sync.new", report.newLeads()));
        }
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
        sync.finish(status);
        forms.values().forEach(f -> {
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
        if (onExport != null) {
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
        notice.set(new Notice(kind, text, ++noticeSeq, action));
    }

    public TreeEntry root() {
        return root;
    }

    /** The form entry with this id, or null. */
    public TreeEntry form(String id) {
        return forms.get(id);
    }

    public Workspace workspace() {
        return workspace;
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
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportAvailableProperty() {
        return exportAvailable.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty treeVersionProperty() {
        return treeVersion.getReadOnlyProperty();
    }
}
