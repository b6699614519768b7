package io.leaddesk.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.sync.FormOutcome;
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
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The workspace in Ukrainian and Russian: the sync's notice counts new leads with the language's plural forms. */
class WorkspaceLanguageTest {
    private final SyncTaskExecutor ex = new SyncTaskExecutor();

    private WorkspaceViewModel vm(FakeOpener opener, String tag) {
        Locale l = Locale.forLanguageTag(tag);
        Messages m = Messages.load(l);
        Workspace w = opener.signIn(new AccessToken("EAAB1234567890"), null);
        Formats f = new Formats(ZoneOffset.UTC, l);
        LeadsTableViewModel leads = new LeadsTableViewModel(w.cache(), ex, m, Duration.ZERO, ZoneOffset.UTC);
        LeadDetailViewModel detail = new LeadDetailViewModel(w.cache(), ex, m, f, Clock.systemUTC(), s -> { });
        WorkspaceViewModel vm = new WorkspaceViewModel(w, new CredentialVaultInMemory(), ex, m, f, leads, detail);
        vm.open();
        return vm;
    }

    @ParameterizedTest(name = "{0}: {1} new leads")
    @CsvSource(delimiter = '|', value = {
            "uk|0|Синхронізацію завершено: нових лідів немає (100 лідів отримано повторно для перевірки, усі вже збережено).",
            "uk|1|Синхронізацію завершено: надійшов 1 новий лід.",
            "uk|2|Синхронізацію завершено: надійшли 2 нові ліди.",
            "uk|5|Синхронізацію завершено: надійшло 5 нових лідів.",
            "uk|21|Синхронізацію завершено: надійшов 21 новий лід.",
            "ru|0|Синхронизация завершена: новых лидов нет (100 лидов получено повторно для проверки, все уже сохранены).",
            "ru|1|Синхронизация завершена: получен 1 новый лид.",
            "ru|2|Синхронизация завершена: получено 2 новых лида.",
            "ru|5|Синхронизация завершена: получено 5 новых лидов.",
            "ru|21|Синхронизация завершена: получен 21 новый лид.",
    })
    void syncNoticeCountsNewLeadsInTheLanguagesPluralForms(String tag, int newLeads, String notice) {
        FakeOpener opener = new FakeOpener(TestData.cache(10));
        WorkspaceViewModel vm = vm(opener, tag);
        opener.sync.newLeads = newLeads;
        vm.syncAll();
        assertThat(vm.noticeProperty().get().text()).isEqualTo(notice);
    }

    @ParameterizedTest(name = "{0}: cancelled with {1} new leads")
    @CsvSource(delimiter = '|', value = {
            "uk|Синхронізацію зупинено. Отримані до зупинки 100 лідів збережено (нових немає).",
            "ru|Синхронизация остановлена. Полученные до остановки 100 лидов сохранены (новых нет).",
    })
    void cancelledSyncSaysSoInTheLanguage(String tag, String notice) {
        FakeOpener opener = new FakeOpener(TestData.cache(10));
        WorkspaceViewModel vm = vm(opener, tag);
        opener.sync.midSync = l -> vm.cancel();
        vm.syncAll();
        assertThat(vm.noticeProperty().get().text()).isEqualTo(notice);
    }

    @Test
    void aFailedFormIsToldInTheLanguageNotInTheSyncsEnglish() {
        FakeOpener opener = new FakeOpener(TestData.cache(10));
        WorkspaceViewModel vm = vm(opener, "uk");
        opener.sync.outcome = FormOutcome.Status.FAILED;
        opener.sync.errorKind = GraphErrorKind.NETWORK;
        opener.sync.failMessage = "Meta could not be reached; check the connection.";
        vm.syncAll();
        assertThat(vm.noticeProperty().get().text()).contains("1 форма з помилкою", "Не вдалося з’єднатися з Meta")
                .doesNotContain("could not be reached");
        assertThat(vm.form(TestData.FORM).problemProperty().get()).startsWith("Не вдалося з’єднатися з Meta");
    }
}
