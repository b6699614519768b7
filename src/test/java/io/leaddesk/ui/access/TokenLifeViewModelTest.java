package io.leaddesk.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.ui.AppContext;
import io.leaddesk.ui.SyncTaskExecutor;
import io.leaddesk.ui.Workspace;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import io.leaddesk.ui.workspace.WorkspaceViewModel.NoticeKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the token has left, in the workspace: the label, and from seven days before expiry (or once expired) the
 * notice on opening that offers the way to renew. The sample user token expires 55 days from now; the app's clock is
 * moved forward to look at it later. Also: a sync that meets a token or permission problem offers the Access view.
 */
class TokenLifeViewModelTest {
    static SampleGraphServer server;
    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(30));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    /** The workspace of {@code token} as the app opens it, {@code later} from now. */
    private WorkspaceViewModel opened(String token, Duration later) {
        Clock clock = Clock.offset(Clock.systemUTC(), later);
        AppContext ctx = new AppContext(new AppContext.Config(dir, null, new CredentialVaultInMemory(), new SyncTaskExecutor(),
                Duration.ZERO, clock, ZoneOffset.UTC, Locale.ENGLISH, server.baseUrl(), SampleOptions.defaults().withLeads(10)));
        open.add(ctx);
        Workspace w = ctx.signIn(new AccessToken(token), SampleTokens.APP_ID, SampleTokens.APP_SECRET, () -> false);
        open.add(w);
        WorkspaceViewModel vm = ctx.workspaceViewModel(w, s -> { });
        vm.access().setOnOpen(() -> { });
        vm.open();
        return vm;
    }

    @Test
    void eightDaysBeforeExpiryTheLabelSaysSoAndNothingIsNoticed() {
        WorkspaceViewModel vm = opened(SampleTokens.USER, Duration.ofDays(47));
        TokenLifeViewModel life = vm.access().tokenLife();
        assertThat(life.labelProperty().get()).isEqualTo("Token: 7 days left");
        assertThat(life.detailProperty().get()).startsWith("The token expires on ");
        assertThat(life.warningProperty().get()).isFalse();
        assertThat(life.notice()).isEmpty();
        assertThat(vm.noticeProperty().get()).isNull();
    }

    @Test
    void fromSevenDaysBeforeExpiryOpeningSaysSoAndOffersToRenew() {
        WorkspaceViewModel vm = opened(SampleTokens.USER, Duration.ofDays(49));
        TokenLifeViewModel life = vm.access().tokenLife();
        assertThat(life.labelProperty().get()).isEqualTo("Token: 5 days left");
        assertThat(life.warningProperty().get()).isTrue();
        WorkspaceViewModel.Notice n = vm.noticeProperty().get();
        assertThat(n).isNotNull();
        assertThat(n.kind()).isEqualTo(NoticeKind.WARNING);
        assertThat(n.text()).startsWith("This token expires on ").contains(", in 5 days.")
                .contains("Make this token last with the app id and app secret");
        assertThat(n.action()).isEqualTo("Make this token last…");
    }

    @Test
    void onceExpiredOpeningSaysItExpired() {
        WorkspaceViewModel vm = opened(SampleTokens.USER, Duration.ofDays(56));
        TokenLifeViewModel life = vm.access().tokenLife();
        assertThat(life.labelProperty().get()).isEqualTo("Token expired");
        assertThat(life.warningProperty().get()).isTrue();
        assertThat(vm.noticeProperty().get().text()).startsWith("This token expired on ").contains("Create a new token");
    }

    @Test
    void aTokenThatNeverExpiresSaysSoAndIsNeverNoticed() {
        WorkspaceViewModel vm = opened(SampleTokens.SYSTEM_USER, Duration.ofDays(3650));
        assertThat(vm.access().tokenLife().labelProperty().get()).isEqualTo("Token never expires");
        assertThat(vm.access().tokenLife().warningProperty().get()).isFalse();
        assertThat(vm.noticeProperty().get()).isNull();
    }

    @Test
    void aSyncThatMeetsAPermissionProblemOffersTheAccessViewAndKeepsTheReadablePages() {
        WorkspaceViewModel vm = opened(SampleTokens.LIMITED_ROLE, Duration.ZERO);
        vm.syncAll();
        WorkspaceViewModel.Notice n = vm.noticeProperty().get();
        assertThat(n).isNotNull();
        assertThat(n.action()).isEqualTo("Check access…");
        assertThat(n.text()).contains("cannot read leads");
        assertThat(vm.leads().totalCountProperty().get()).as("the readable pages were synced").isPositive();
    }

    @Test
    void aSyncWithoutProblemsOffersNothing() {
        WorkspaceViewModel vm = opened(SampleTokens.USER, Duration.ZERO);
        vm.syncAll();
        assertThat(vm.noticeProperty().get().kind()).isEqualTo(NoticeKind.SUCCESS);
        assertThat(vm.noticeProperty().get().action()).isNull();
    }
}
