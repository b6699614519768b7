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

    private WorkspaceViewModel vm(Workspace w) {
        Formats f = new Formats(ZoneOffset.UTC, Locale.ENGLISH);
        LeadsTableViewModel leads = new LeadsTableViewModel(w.cache(), ex, m, Duration.ZERO, ZoneOffset.UTC);
        LeadDetailViewModel detail = new LeadDetailViewModel(w.cache(), ex, m, f, Clock.systemUTC(), s -> { });
        WorkspaceViewModel vm = new WorkspaceViewModel(w, vault, ex, m, f, leads, detail);
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
        assertThat(form.detailProperty().get()).isEqualTo("Active · 4,098 on Meta · 10 cached · 12 expired · never synced");
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
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Sync cancelled. No new leads kept.");
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
}
