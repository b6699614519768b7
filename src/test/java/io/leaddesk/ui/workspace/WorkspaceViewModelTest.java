package io.leaddesk.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.sync.FormOutcome;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.ui.FakeLeadCache;
import io.leaddesk.ui.FakeOpener;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import io.leaddesk.ui.TestData;
import io.leaddesk.ui.Workspace;
import io.leaddesk.ui.detail.LeadDetailViewModel;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkspaceViewModelTest {
    private final Messages m = Messages.load(Locale.ENGLISH);
    private final SyncTaskExecutor ex = new SyncTaskExecutor();
    private final FakeLeadCache cache = TestData.cache(10);
    private final FakeOpener opener = new FakeOpener(cache);
    private final CredentialVaultInMemory vault = new CredentialVaultInMemory();

    private final List<String> clipboard = new ArrayList<>();

    private WorkspaceViewModel vm(Workspace w) {
        return vm(w, ex);
    }

    private WorkspaceViewModel vm(Workspace w, io.leaddesk.ui.TaskExecutor executor) {
        Formats f = new Formats(ZoneOffset.UTC, Locale.ENGLISH);
        LeadsTableViewModel leads = new LeadsTableViewModel(w.cache(), executor, m, Duration.ZERO, ZoneOffset.UTC);
        LeadDetailViewModel detail = new LeadDetailViewModel(w.cache(), executor, m, f, Clock.systemUTC(), clipboard::add);
        WorkspaceViewModel vm = new WorkspaceViewModel(w, vault, executor, m, f, leads, detail, clipboard::add);
        vm.open();
        return vm;
    }

    @Test
    void treeShowsPagesAndFormsWithMetaAndCachedCounts() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        assertThat(vm.root().children()).extracting(TreeEntry::name).contains("Школа мов", "مدرسة اللغات");
        TreeEntry form = vm.form(TestData.FORM);
        assertThat(form.leadsCount()).isEqualTo(4098);
        assertThat(form.cachedLeads()).isEqualTo(10);
        assertThat(form.detailProperty().get()).isEqualTo("Active · 10 cached · Meta: 4,098 leads, 12 expired · never synced");
        assertThat(vm.identityProperty().get()).isEqualTo("Olena Kovalenko · user token · 2 pages");
        assertThat(vm.leads().countTextProperty().get()).isEqualTo("10 of 10");
    }

    @Test
    void selectingAFormScopesTheTableAndALeadFillsTheDetail() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        vm.selectedProperty().set(vm.form(TestData.FORM));
        assertThat(vm.leads().scopeProperty().get().formIds()).containsExactly(TestData.FORM);
        vm.leads().select(0);
        assertThat(vm.detail().titleProperty().get()).isEqualTo("Person 10");
        vm.detail().statusProperty().set(ReviewStatus.CONTACTED);
        assertThat(vm.leads().rowsProperty().get().get(0).status()).isEqualTo(ReviewStatus.CONTACTED);
    }

    @Test
    void deletingALeadFromTheDetailNotifiesAndRefreshesTheTable() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        vm.leads().select(0);
        assertThat(vm.detail().titleProperty().get()).isEqualTo("Person 10");

        vm.detail().deleteLead();

        assertThat(vm.noticeProperty().get().kind()).isEqualTo(WorkspaceViewModel.NoticeKind.SUCCESS);
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Deleted the lead of Person 10 from this computer.");
        assertThat(vm.leads().countTextProperty().get()).isEqualTo("9 of 9");
        assertThat(vm.leads().rowsProperty().get()).extracting(r -> r.name()).doesNotContain("Person 10");
    }

    @Test
    void aDeleteWhoseCopiesAreWipedLaterIsADeleteWithAWarning() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        vm.leads().select(0);
        cache.eraseIncomplete = true;

        vm.detail().deleteLead();

        assertThat(vm.noticeProperty().get().kind()).isEqualTo(WorkspaceViewModel.NoticeKind.WARNING);
        assertThat(vm.noticeProperty().get().text()).startsWith("Deleted the lead of Person 10, but copies of its data stay");
        assertThat(vm.leads().countTextProperty().get()).isEqualTo("9 of 9");
    }

    @Test
    void syncShowsProgressThenNotifiesHowManyNewLeadsArrivedAndRefreshes() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        List<Double> progress = new ArrayList<>();
        List<Boolean> formSyncing = new ArrayList<>();
        opener.sync.midSync = l -> {
            progress.add(vm.progressProperty().get());
            formSyncing.add(vm.form(TestData.FORM).syncingProperty().get());
            assertThat(vm.syncingProperty().get()).isTrue();
            assertThat(vm.canSyncProperty().get()).isFalse();
        };
        vm.selectedProperty().set(vm.form(TestData.FORM));
        vm.syncSelected();
        assertThat(opener.sync.requests).containsExactly(new SyncRequest(Set.of(), Set.of(TestData.FORM), false));
        assertThat(progress).containsExactly(0.5);
        assertThat(formSyncing).containsExactly(true);
        assertThat(vm.syncingProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Sync finished: 2 new leads arrived.");
        assertThat(vm.leads().countTextProperty().get()).isEqualTo("12 of 12");
        assertThat(vm.form(TestData.FORM).cachedLeads()).isEqualTo(12);
    }

    @Test
    void aFailedFormIsExplainedWithWhatToDo() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        opener.sync.outcome = FormOutcome.Status.FAILED;
        opener.sync.errorKind = GraphErrorKind.TOKEN;
        opener.sync.failMessage = "The token has expired; sign in again.";
        vm.syncAll();
        assertThat(vm.noticeProperty().get().kind()).isEqualTo(WorkspaceViewModel.NoticeKind.ERROR);
        assertThat(vm.noticeProperty().get().text()).contains("1 form failed", "The token has expired", "sign in again with a fresh token");
        assertThat(vm.form(TestData.FORM).problemProperty().get()).contains("expired");
    }

    @Test
    void cancelStopsTheSyncAndSaysWhatWasKept() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        opener.sync.midSync = l -> vm.cancel();
        vm.syncAll();
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Sync stopped. 100 leads fetched before stopping are kept (none new).");
        assertThat(vm.noticeProperty().get().kind()).isEqualTo(WorkspaceViewModel.NoticeKind.WARNING);
        assertThat(vm.syncingProperty().get()).isFalse();
    }

    @Test
    void offlineWorkspaceBrowsesButDoesNotSync() {
        WorkspaceViewModel vm = vm(opener.openOffline());
        assertThat(vm.canSyncProperty().get()).isFalse();
        assertThat(vm.identityProperty().get()).isEqualTo("Offline — cached leads only");
        vm.syncAll();
        assertThat(opener.sync.requests).isEmpty();
        assertThat(vm.leads().rowsProperty().get()).hasSize(10);
    }

    @Test
    void exportIsAvailableAndCallsTheHookOnceTheWindowWiresIt() {
        WorkspaceViewModel vm = vm(opener.openDemo());
        assertThat(vm.exportAvailableProperty().get()).isFalse();
        int[] calls = {0};
        vm.setOnExport(() -> calls[0]++);
        assertThat(vm.exportAvailableProperty().get()).isTrue();
        vm.onExport();
        assertThat(calls[0]).isEqualTo(1);
        assertThat(vm.identityProperty().get()).isEqualTo("DEMO — sample data");
    }

    @Test
    void signOutForgetsTheRememberedToken() {
        vault.save(new AccessToken("EAAB1234567890"));
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        boolean[] out = {false};
        vm.setOnSignedOut(() -> out[0] = true);
        vm.signOut();
        assertThat(out[0]).isTrue();
        assertThat(vault.load()).isEmpty();
    }

    @Test
    void aFormNeverSyncedShowsOnlyMetasCountSaidToBeMetas() {
        cache.addForm(new io.leaddesk.model.LeadForm("f2", TestData.PAGE, "Весна", "ACTIVE", "uk_UA", null, 392, 0, 156,
                List.of(), null, null, "{}"));
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        assertThat(vm.form("f2").detailProperty().get()).isEqualTo("Active · Meta: 392 leads · not synced yet")
                .doesNotContain("expired");
    }

    @Test
    void theTreeAndTheTableGrowAsPagesArriveDuringASync() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        List<Long> tableDuring = new ArrayList<>();
        List<Long> treeDuring = new ArrayList<>();
        opener.sync.newLeads = 0;
        opener.sync.midSync = l -> {
            cache.addLead(TestData.PAGE, TestData.lead("M1", 1_800_000_000L, "Mid Sync", "mid@x.org", "fb", false));
            cache.addLead(TestData.PAGE, TestData.lead("M2", 1_800_000_001L, "Mid Sync 2", "mid2@x.org", "fb", false));
            l.onEvent(new io.leaddesk.sync.SyncEvent.FormProgress(TestData.PAGE, TestData.FORM, 60, 100, 2));
            tableDuring.add(vm.leads().totalCountProperty().get());
            treeDuring.add(vm.form(TestData.FORM).cachedLeads());
            treeDuring.add(vm.root().cachedLeads());
        };
        vm.leads().select(3);
        String selected = vm.leads().selectedLeadIdProperty().get();
        vm.syncAll();
        assertThat(tableDuring).containsExactly(12L);
        assertThat(treeDuring).containsExactly(12L, 12L);
        assertThat(vm.leads().selectedLeadIdProperty().get()).as("the selection stays").isEqualTo(selected);
    }

    @Test
    void liveRefreshesDuringASyncAreThrottled() {
        io.leaddesk.ui.ManualTaskExecutor manual = new io.leaddesk.ui.ManualTaskExecutor();
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null), manual);
        manual.runAll();
        vm.syncAll(); // queued, not run: the sync is "running"
        int before = manual.delayedTimersPending();
        for (int i = 1; i <= 5; i++) {
            vm.onEvent(new io.leaddesk.sync.SyncEvent.FormProgress(TestData.PAGE, TestData.FORM, i * 10, 100, i));
        }
        assertThat(manual.delayedTimersPending() - before).as("the wait starts once the read is done").isZero();
        assertThat(manual.pending()).as("the sync and one read of the tree, for five pages").isEqualTo(2);
        assertThat(vm.statusTextProperty().get()).as("the status line's cached count is the tree's").endsWith(", 0 new cached");
        manual.runLast(); // that read (the sync itself stays queued): the counts move to what was committed
        assertThat(manual.delayedTimersPending() - before).as("one wait for five pages").isEqualTo(1);
        assertThat(vm.form(TestData.FORM).cachedLeads()).isEqualTo(15);
        assertThat(vm.statusTextProperty().get()).endsWith(", 5 new cached");
        assertThat(vm.root().detailProperty().get()).isEqualTo("15 cached");
    }

    @Test
    void theTableReadsACommittedPageOnTheSameEventThatMovesTheTreesCounts() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        ex.holdDelayed = true; // no throttle is over while the sync runs
        List<Long> during = new ArrayList<>();
        opener.sync.midSync = l -> {
            cache.addLead(TestData.PAGE, TestData.lead("M1", 1_800_000_000L, "Mid Sync", "mid@x.org", "fb", false));
            cache.addLead(TestData.PAGE, TestData.lead("M2", 1_800_000_001L, "Mid Sync 2", "mid2@x.org", "fb", false));
            l.onEvent(new io.leaddesk.sync.SyncEvent.FormProgress(TestData.PAGE, TestData.FORM, 60, 100, 2));
            during.add(vm.form(TestData.FORM).cachedLeads());
            during.add(vm.leads().totalCountProperty().get());
        };
        vm.syncAll();
        assertThat(during).as("the tree's count, then the table's, on the same event").containsExactly(12L, 12L);
    }

    @Test
    void theSyncsStatusLineLabelsLeadsReadApartFromNewLeadsCached() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        List<String> during = new ArrayList<>();
        opener.sync.midSync = l -> {
            // a re-read: 60 leads read so far, of which 2 were new to the cache
            cache.addLead(TestData.PAGE, TestData.lead("M1", 1_800_000_000L, "Mid Sync", "mid@x.org", "fb", false));
            cache.addLead(TestData.PAGE, TestData.lead("M2", 1_800_000_001L, "Mid Sync 2", "mid2@x.org", "fb", false));
            l.onEvent(new io.leaddesk.sync.SyncEvent.FormProgress(TestData.PAGE, TestData.FORM, 60, 100, 2));
            during.add(vm.statusTextProperty().get());
            during.add(vm.form(TestData.FORM).detailProperty().get());
        };
        vm.syncAll();
        assertThat(during.get(0)).isEqualTo("Syncing form 1 of 1 · 60 of 100 leads read, 2 new cached");
        assertThat(during.get(1)).contains("12 cached");
    }

    @Test
    void aSyncThatFetchedOnlyCachedLeadsSaysWhyNoneAreNew() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        opener.sync.newLeads = 0;
        opener.sync.fetched = 10;
        vm.syncAll();
        assertThat(vm.noticeProperty().get().kind()).isEqualTo(WorkspaceViewModel.NoticeKind.SUCCESS);
        assertThat(vm.noticeProperty().get().text())
                .isEqualTo("Sync finished: no new leads (10 leads fetched again to check for new ones, all already cached).");
    }

    @Test
    void anIncompleteSyncOrSkippedLeadsAreAWarningNotASuccess() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        opener.sync.outcome = FormOutcome.Status.INCOMPLETE;
        opener.sync.failMessage = "Meta kept sending the same page; stopped after 3 pages.";
        vm.syncAll();
        assertThat(vm.noticeProperty().get().kind()).isEqualTo(WorkspaceViewModel.NoticeKind.WARNING);
        assertThat(vm.noticeProperty().get().text()).startsWith("Sync finished, 2 new leads arrived, but 1 form was not read to the end")
                .contains("the next sync reads it again", "Form: Meta kept sending the same page");
        assertThat(vm.form(TestData.FORM).problemProperty().get()).contains("same page");

        opener.sync.outcome = FormOutcome.Status.OK;
        opener.sync.failMessage = "";
        opener.sync.skipped = List.of(new io.leaddesk.sync.SkippedLead(2, 5, null, "it has no id"));
        vm.syncAll();
        assertThat(vm.noticeProperty().get().kind()).isEqualTo(WorkspaceViewModel.NoticeKind.WARNING);
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Sync finished: 2 new leads arrived. 1 lead Meta sent could not"
                + " be stored (first: Form, result page 2, lead 6 (it has no id)).");
    }

    @Test
    void whileASyncRunsTheEmptyTableSaysLeadsAreOnTheWayNotSyncToBringThemIn() {
        FakeLeadCache empty = new FakeLeadCache();
        empty.addPage(TestData.PAGE, "Школа мов");
        empty.addForm(TestData.form());
        FakeOpener o = new FakeOpener(empty);
        WorkspaceViewModel vm = vm(o.signIn(new AccessToken("EAAB1234567890"), null));
        List<String> during = new ArrayList<>();
        o.sync.newLeads = 0;
        o.sync.midSync = l -> during.add(vm.leads().emptyTextProperty().get());
        vm.syncAll();
        assertThat(during).containsExactly("Syncing… Leads appear here as they arrive.");
        assertThat(vm.leads().emptyTextProperty().get()).as("after a sync that found none")
                .isEqualTo("No leads cached yet. Sync to bring in this workspace's leads.");
    }

    @Test
    void theEmptyTableSaysWhatToDoAndNeverSuggestsADisabledSync() {
        FakeLeadCache empty = new FakeLeadCache();
        empty.addPage(TestData.PAGE, "Школа мов");
        empty.addForm(TestData.form());
        FakeOpener o = new FakeOpener(empty);
        WorkspaceViewModel online = vm(o.signIn(new AccessToken("EAAB1234567890"), null));
        assertThat(online.leads().emptyTextProperty().get()).isEqualTo("No leads cached yet. Sync to bring in this workspace's leads.");
        online.leads().searchProperty().set("олена");
        assertThat(online.leads().emptyTextProperty().get()).isEqualTo("No leads match the search and filters. Change or clear them.");

        WorkspaceViewModel offline = vm(o.openOffline());
        assertThat(offline.leads().emptyTextProperty().get()).doesNotContain("Sync to")
                .isEqualTo("No leads are cached on this computer yet. Sign in with a token and sync to bring them in.");
        WorkspaceViewModel afterDemo = vm(o.openOffline().withDemoKeptApart(true));
        assertThat(afterDemo.leads().emptyTextProperty().get()).contains("sample data's leads are kept apart");
    }

    @Test
    void exportIsDisabledWithoutCachedLeadsAndSaysWhy() {
        FakeLeadCache empty = new FakeLeadCache();
        empty.addPage(TestData.PAGE, "Школа мов");
        empty.addForm(TestData.form());
        FakeOpener o = new FakeOpener(empty);
        WorkspaceViewModel vm = vm(o.signIn(new AccessToken("EAAB1234567890"), null));
        int[] calls = {0};
        vm.setOnExport(() -> calls[0]++);
        assertThat(vm.canExportProperty().get()).isFalse();
        assertThat(vm.exportDisabledReason()).isEqualTo("No leads are cached yet: sync first, then export.");
        vm.onExport();
        assertThat(calls[0]).isZero();
        vm.syncAll(); // brings two leads
        assertThat(vm.canExportProperty().get()).isTrue();
        assertThat(vm.exportDisabledReason()).isEmpty();
    }

    @Test
    void theRowMenuCopiesSetsTheStatusWithTheNoteKeptAndOpens() {
        io.leaddesk.ui.ManualTaskExecutor manual = new io.leaddesk.ui.ManualTaskExecutor();
        cache.setReview("L8", ReviewStatus.NEW, "wants Saturday lessons");
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null), manual);
        manual.runAll();
        vm.leads().rowsProperty().get().get(2); // the table shows the row (its block is read)
        manual.runTasks();
        vm.rowActions().copyEmailOf(2); // rows newest first: L10, L9, L8
        assertThat(clipboard).containsExactly("p8@example.org");
        assertThat(vm.leads().feedbackProperty().get()).isEqualTo("Email copied.");
        vm.rowActions().copyPhoneOf(2);
        assertThat(clipboard).endsWith("+380501234567");
        assertThat(vm.leads().feedbackProperty().get()).isEqualTo("Phone copied.");
        manual.fireTimers();
        assertThat(vm.leads().feedbackProperty().get()).as("a few seconds later").isEmpty();

        vm.rowActions().setStatusOf(2, ReviewStatus.QUALIFIED);
        manual.runTasks();
        assertThat(cache.lead("L8").orElseThrow().status()).isEqualTo(ReviewStatus.QUALIFIED);
        assertThat(cache.lead("L8").orElseThrow().note()).isEqualTo("wants Saturday lessons");
        assertThat(vm.leads().rowsProperty().get().get(2).status()).isEqualTo(ReviewStatus.QUALIFIED);
        assertThat(vm.leads().feedbackProperty().get()).isEqualTo("Review status set to Qualified.");

        vm.rowActions().open(2);
        manual.runTasks();
        assertThat(vm.detail().titleProperty().get()).isEqualTo("Person 8");
        vm.rowActions().setStatusOf(2, ReviewStatus.SPAM); // the shown lead: through the detail
        manual.runTasks();
        assertThat(vm.detail().statusProperty().get()).isEqualTo(ReviewStatus.SPAM);
        assertThat(cache.lead("L8").orElseThrow().status()).isEqualTo(ReviewStatus.SPAM);
        assertThat(cache.lead("L8").orElseThrow().note()).isEqualTo("wants Saturday lessons");
    }

    @Test
    void searchWordsAreMarkedInTheDetail() {
        WorkspaceViewModel vm = vm(opener.signIn(new AccessToken("EAAB1234567890"), null));
        vm.leads().searchProperty().set("person");
        assertThat(vm.detail().highlightProperty().get().matches("Person 3")).isTrue();
    }
}
