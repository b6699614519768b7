package io.leaddesk.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.export.ExportSource;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.live.LiveEvent;
import io.leaddesk.live.ManualScheduler;
import io.leaddesk.live.MutableClock;
import io.leaddesk.live.RoundResult;
import io.leaddesk.live.notify.Notification;
import io.leaddesk.live.notify.Notifier;
import io.leaddesk.sample.SampleForm;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.AppSettings;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.LiveSettings;
import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.sync.SyncService;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.LeadCache;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import io.leaddesk.ui.Workspace;
import io.leaddesk.ui.detail.LeadDetailViewModel;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import io.leaddesk.ui.workspace.TreeEntry;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live desk's ViewModel against the sample Graph API over loopback and a real cache, on a clock and a scheduler
 * the test moves by hand and an executor that runs every task at once: no sleeping, every round when the test says.
 */
class LiveViewModelTest {
    private final Messages m = Messages.load(Locale.ENGLISH);
    private final SyncTaskExecutor ex = new SyncTaskExecutor();
    private final MutableClock clock = MutableClock.atNow();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<Notification> shown = new CopyOnWriteArrayList<>();
    private final List<String> clipboard = new ArrayList<>();
    private Notifier.ClickHandler click;
    /** Where the live desk shows a notification when the computer has no notification service. */
    private java.util.function.Consumer<Notification> inAppSink;

    @TempDir
    Path dir;

    private SampleGraphServer server;
    private GraphClient graph;
    private LeadStore store;
    private SyncService service;
    private Session session;
    private Workspace workspace;
    private WorkspaceViewModel vm;
    private LiveViewModel live;

    @AfterEach
    void tearDown() {
        if (workspace != null) workspace.close();
        if (store != null) store.close();
        if (graph != null) graph.close();
        if (server != null) server.close();
    }

    /** A signed-in workspace that made its first sync (its backlog is not new), open in the window, live desk started. */
    private void open(LiveSettings settings) {
        openWith(settings, java.util.function.UnaryOperator.identity());
    }

    /** @param liveSession the session the live desk runs with (e.g. one whose token expired after the sign-in) */
    private void openWith(LiveSettings settings, java.util.function.UnaryOperator<Session> liveSession) {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(400), clock);
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl())
                .withInitialBackoff(Duration.ofMillis(1)).withMaxRetryTime(Duration.ofMillis(300)));
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        service = new SyncService(graph, store, 4, clock);
        session = service.signIn(new AccessToken(SampleTokens.USER));
        SyncReport first = service.sync(session, SyncRequest.everything(), null, new CancelSignal());
        assertThat(first.ok()).as(first.summary()).isTrue();
        LiveBackend backend = new LiveBackend(service, liveSession.apply(session));
        workspace = new Workspace(Workspace.Mode.ONLINE, session.who(), session.pages(), LeadCache.of(store), backend,
                backend, ExportSource.of(store)).withLive(backend);
        Formats f = new Formats(ZoneOffset.UTC, Locale.ENGLISH);
        LeadsTableViewModel leads = new LeadsTableViewModel(workspace.cache(), ex, m, Duration.ZERO, ZoneOffset.UTC);
        LeadDetailViewModel detail = new LeadDetailViewModel(workspace.cache(), ex, m, f, clock, clipboard::add);
        vm = new WorkspaceViewModel(workspace, new CredentialVaultInMemory(), ex, m, f, leads, detail, clipboard::add);
        live = new LiveViewModel(vm, ex, m, ZoneOffset.UTC, new LiveViewModel.Parts(clock, () -> scheduler,
                (onClick, inApp, label) -> {
                    click = onClick;
                    inAppSink = inApp;
                    return Notifier.to(shown::add);
                }, null));
        vm.open();
        live.start(AppSettings.defaults().withLive(AppSettings.MAIN_WORKSPACE, settings));
    }

    /** Moves the clock and ticks; runs the round the tick started, if any. */
    private void after(Duration d) {
        clock.advance(d);
        scheduler.tick();
        scheduler.runRounds();
    }

    private SampleForm activeForm() {
        return server.dataset().allForms().stream().filter(f -> "ACTIVE".equals(f.status())).findFirst().orElseThrow();
    }

    private String time(java.time.Instant t) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.ENGLISH).withZone(ZoneOffset.UTC)
                .format(t);
    }

    @Test
    void roundsComeAtTheIntervalTheSettingsChooseAndNotWhenTheyAreOff() {
        open(LiveSettings.defaults().withCheckMinutes(2));
        int before = server.requestCount();
        after(Duration.ofMinutes(1));
        assertThat(server.requestCount()).as("not due after one minute").isEqualTo(before);
        java.time.Instant due = clock.instant().plus(Duration.ofMinutes(1));
        after(Duration.ofMinutes(1));
        assertThat(server.requestCount()).as("a round after two minutes").isGreaterThan(before);
        assertThat(vm.statusTextProperty().get()).isEqualTo("Checked for new leads at " + time(due)
                + ": no new leads. Next check at " + time(due.plus(Duration.ofMinutes(2))) + ".");

        live.settingsChanged(AppSettings.defaults().withLive(AppSettings.MAIN_WORKSPACE,
                LiveSettings.defaults().withCheckMinutes(15)));
        int afterFirst = server.requestCount();
        after(Duration.ofMinutes(2));
        after(Duration.ofMinutes(2));
        assertThat(server.requestCount()).as("every 15 minutes now").isEqualTo(afterFirst);
        after(Duration.ofMinutes(11));
        assertThat(server.requestCount()).isGreaterThan(afterFirst);

        live.settingsChanged(AppSettings.defaults().withLive(AppSettings.MAIN_WORKSPACE,
                LiveSettings.defaults().withCheckMinutes(0)));
        int off = server.requestCount();
        for (int i = 0; i < 4; i++) {
            after(Duration.ofMinutes(60));
        }
        assertThat(server.requestCount()).as("off: no rounds").isEqualTo(off);
    }

    @Test
    void aRoundThatBringsNewLeadsNotifiesOnceAndShowsThemInTheTitleTheTreeAndTheTable() {
        open(LiveSettings.defaults().withCheckMinutes(2));
        assertThat(live.titleProperty().get()).startsWith("LeadDesk — ");
        SampleForm form = activeForm();
        server.dataset().addLeads(form.id(), 3);
        after(Duration.ofMinutes(2));

        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).title()).isEqualTo("3 new leads");
        assertThat(shown.get(0).body()).contains(form.name());
        assertThat(vm.statusTextProperty().get()).contains(": 3 new leads.");
        assertThat(live.titleProperty().get()).startsWith("LeadDesk (3 new) — ");
        TreeEntry entry = vm.form(form.id());
        assertThat(entry.newLeadsProperty().get()).isEqualTo(3);
        assertThat(vm.root().newLeadsProperty().get()).isEqualTo(3);
        TreeEntry page = vm.root().children().stream().filter(p -> p.children().contains(entry)).findFirst().orElseThrow();
        assertThat(page.newLeadsProperty().get()).isEqualTo(3);
        assertThat(vm.leads().totalCountProperty().get()).as("the table was read again").isEqualTo(store.countLeads(
                io.leaddesk.store.LeadQuery.all()));

        vm.leads().newOnlyProperty().set(true);
        assertThat(vm.leads().matchCountProperty().get()).isEqualTo(3);
        assertThat(rows()).allMatch(LeadRow::isNew);

        after(Duration.ofMinutes(2));
        assertThat(shown).as("a quiet round notifies nothing").hasSize(1);
    }

    @Test
    void openingANewLeadInTheDetailMarksItSeenAndMarkAllAsSeenClearsAForm() {
        open(LiveSettings.defaults().withCheckMinutes(2));
        SampleForm form = activeForm();
        server.dataset().addLeads(form.id(), 3);
        after(Duration.ofMinutes(2));
        vm.leads().newOnlyProperty().set(true);
        String first = rows().get(0).id();

        vm.leads().select(0);
        assertThat(vm.detail().leadIdProperty().get()).isEqualTo(first);
        assertThat(store.isNew(first)).as("stored as seen").isFalse();
        assertThat(rows().get(0).isNew()).as("no longer bold").isFalse();
        assertThat(vm.form(form.id()).newLeadsProperty().get()).isEqualTo(2);
        assertThat(live.titleProperty().get()).startsWith("LeadDesk (2 new) — ");
        assertThat(ex.tasks).contains("mark seen");

        TreeEntry entry = vm.form(form.id());
        assertThat(vm.newLeads().canMarkSeen(entry)).isTrue();
        vm.newLeads().markSeen(entry);
        assertThat(store.newLeadIds()).isEmpty();
        assertThat(entry.newLeadsProperty().get()).isZero();
        assertThat(vm.root().newLeadsProperty().get()).isZero();
        assertThat(live.titleProperty().get()).startsWith("LeadDesk — ");
        assertThat(vm.leads().matchCountProperty().get()).as("New only shows none now").isZero();
        assertThat(vm.newLeads().canMarkSeen(entry)).isFalse();
    }

    @Test
    void anExpiredTokenStopsAutoSyncSaysSoInTheNoticeBarAndAsksNothingMore() {
        openWith(LiveSettings.defaults().withCheckMinutes(2), s -> new Session(new AccessToken(SampleTokens.EXPIRED),
                s.who(), s.pages().stream().map(p -> new PageInfo(p.id(), p.name(),
                        new AccessToken(SampleTokens.EXPIRED), p.tasks())).toList()));
        after(Duration.ofMinutes(2));

        WorkspaceViewModel.Notice n = vm.noticeProperty().get();
        assertThat(n).isNotNull();
        assertThat(n.kind()).isEqualTo(WorkspaceViewModel.NoticeKind.ERROR);
        assertThat(n.text()).startsWith("LeadDesk stopped checking for new leads: ").containsIgnoringCase("sign in")
                .doesNotContain(SampleTokens.EXPIRED).doesNotContain("Exception");
        assertThat(vm.statusTextProperty().get()).startsWith("Checks for new leads stopped: ");
        int requests = server.requestCount();
        for (int i = 0; i < 5; i++) {
            after(Duration.ofMinutes(2));
        }
        assertThat(server.requestCount()).as("stopped until the user acts").isEqualTo(requests);
        assertThat(live.desk().autoSync().status().state()).isEqualTo(io.leaddesk.live.AutoSync.State.STOPPED);
    }

    /** Two leads arrive in a form and a round notifies them while the table shows a search; {@code forward} counts
     * the times the window is brought forward. */
    private SampleForm twoNewLeadsNotifiedWhileSearching(int[] forward) {
        open(LiveSettings.defaults().withCheckMinutes(2));
        live.setOnBringForward(() -> forward[0]++);
        SampleForm form = activeForm();
        server.dataset().addLeads(form.id(), 2);
        after(Duration.ofMinutes(2));
        vm.leads().searchProperty().set("nobody-matches-this");
        return form;
    }

    /** The window came forward once on the form's new leads: form selected, "New only" on, search cleared. */
    private void assertShowsTheNewLeadsOf(SampleForm form, int[] forward) {
        assertThat(forward[0]).isEqualTo(1);
        assertThat(vm.selectedProperty().get()).isSameAs(vm.form(form.id()));
        assertThat(vm.leads().newOnlyProperty().get()).isTrue();
        assertThat(vm.leads().searchProperty().get()).isEmpty();
        assertThat(vm.leads().matchCountProperty().get()).isEqualTo(2);
    }

    @Test
    void clickingTheNotificationBringsTheWindowForwardOnThoseLeads() {
        int[] forward = {0};
        SampleForm form = twoNewLeadsNotifiedWhileSearching(forward);

        click.clicked(shown.get(0));
        assertShowsTheNewLeadsOf(form, forward);
    }

    @Test
    void withoutANotificationServiceTheNoticeBarsShowButtonOpensThoseLeads() {
        int[] forward = {0};
        SampleForm form = twoNewLeadsNotifiedWhileSearching(forward);

        inAppSink.accept(shown.get(0)); // what the fallback notifier does with it
        WorkspaceViewModel.Notice n = vm.noticeProperty().get();
        assertThat(n.text()).isEqualTo(shown.get(0).line());
        assertThat(n.action()).isEqualTo("Show leads");

        assertThat(vm.actOnNotice()).as("the bar closes once the leads are shown").isTrue();
        assertShowsTheNewLeadsOf(form, forward);
    }

    @Test
    void theManualSyncGoesThroughTheLiveDeskAndNotifiesItsNewLeads() {
        open(LiveSettings.defaults().withCheckMinutes(0));
        server.dataset().addLeads(activeForm().id(), 4);
        vm.syncAll();
        assertThat(shown).hasSize(1);
        assertThat(shown.get(0).title()).isEqualTo("4 new leads");
        assertThat(live.titleProperty().get()).startsWith("LeadDesk (4 new) — ");
    }

    @Test
    void aFailureIsToldOnceOnTheStatusLineAndARoundStartChangesNothing() {
        open(LiveSettings.defaults().withCheckMinutes(2));
        java.time.Instant next = clock.instant().plus(Duration.ofMinutes(4));
        live.apply(new LiveEvent.Trouble(RoundResult.Outcome.NETWORK, "Meta could not be reached.", next), null);
        String told = vm.statusTextProperty().get();
        assertThat(told).isEqualTo("Checking for new leads failed: Meta could not be reached. LeadDesk tries again at "
                + time(next) + ".");
        RoundResult failed = new RoundResult(clock.instant(), Duration.ZERO, RoundResult.Outcome.NETWORK,
                "Meta could not be reached.", null, 0, List.of(), List.of(), null, null);
        live.apply(new LiveEvent.RoundStarted(clock.instant()), null);
        live.apply(new LiveEvent.RoundFinished(failed), null);
        assertThat(vm.statusTextProperty().get()).isEqualTo(told);
        assertThat(vm.noticeProperty().get()).as("a network failure is no notice").isNull();
    }

    private List<LeadRow> rows() {
        return new ArrayList<>(vm.leads().rowsProperty().get());
    }
}
