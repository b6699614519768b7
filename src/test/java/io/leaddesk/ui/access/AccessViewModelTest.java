package io.leaddesk.ui.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.access.AccessReport;
import io.leaddesk.access.TokenLifetime;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.store.RememberedApp;
import io.leaddesk.ui.AppContext;
import io.leaddesk.ui.ManualTaskExecutor;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import io.leaddesk.ui.TaskExecutor;
import io.leaddesk.ui.Workspace;
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
 * The Access view's ViewModel against the sample Graph API: what the access doctor finds for the token and for every
 * Page, each problem with its code, sentence and fix; Cancel; Meta out of reach; "Make this token last" from it.
 */
class AccessViewModelTest {
    static SampleGraphServer server;
    @TempDir
    Path dir;
    private final CredentialVaultInMemory vault = new CredentialVaultInMemory();
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

    private AppContext context(String url, TaskExecutor executor) {
        AppContext ctx = new AppContext(new AppContext.Config(dir, null, vault, executor, Duration.ZERO,
                Clock.systemUTC(), ZoneOffset.UTC, Locale.ENGLISH, url, SampleOptions.defaults().withLeads(10)));
        open.add(ctx);
        return ctx;
    }

    private Workspace signIn(AppContext ctx, String token, String appId, String appSecret) {
        Workspace w = ctx.signIn(new AccessToken(token), appId, appSecret, () -> false);
        open.add(w);
        return w;
    }

    /** The Access view of a workspace signed in with {@code token} (and the sample app), checked once. */
    private AccessViewModel checked(String token) {
        AppContext ctx = context(server.baseUrl(), new SyncTaskExecutor());
        AccessViewModel vm = ctx.accessViewModel(signIn(ctx, token, SampleTokens.APP_ID, SampleTokens.APP_SECRET));
        vm.check();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.checkedProperty().get()).isTrue();
        return vm;
    }

    private static AccessViewModel.PageItem page(AccessViewModel vm, String id) {
        return vm.pages().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> codes(List<AccessViewModel.Problem> problems) {
        return problems.stream().map(AccessViewModel.Problem::code).toList();
    }

    @Test
    void aTokenThatReadsEveryPageShowsItsKindAppExpiryAndPermissions() {
        AccessViewModel vm = checked(SampleTokens.USER);
        assertThat(vm.outcomeProperty().get()).isEqualTo(AccessReport.Outcome.READABLE);
        assertThat(vm.summaryProperty().get()).matches("The leads of all \\d+ Pages can be read\\.");
        assertThat(vm.statusProperty().get()).startsWith("Checked ");
        assertThat(vm.kindProperty().get()).isEqualTo("user token");
        assertThat(vm.ownerProperty().get()).matches("Olena Demo \\(sample\\) · ID \\d+");
        assertThat(vm.appProperty().get()).isEqualTo("LeadDesk Sample App · ID 100000000000001");
        assertThat(vm.expiresProperty().get()).containsPattern("\\((54|55) days left\\)$");
        assertThat(vm.dataAccessProperty().get()).isNotEqualTo("unknown");
        assertThat(vm.grantedProperty().get()).contains("leads_retrieval", "pages_show_list", "pages_read_engagement");
        assertThat(vm.declinedProperty().get()).isEqualTo("none");
        assertThat(vm.tokenProblems()).isEmpty();
        assertThat(vm.pages()).hasSizeGreaterThan(1).allSatisfy(p -> {
            assertThat(p.canReadLeads()).isTrue();
            assertThat(p.problems()).isEmpty();
            assertThat(p.tasks()).contains("ADVERTISE");
            assertThat(p.forms()).matches("\\d+ forms?; one lead could be read from .*\\.");
        });
        assertThat(vm.extend().offeredProperty().get()).as("55 days left: nothing to make last").isFalse();
    }

    @Test
    void aRoleThatCannotReadOnePageNamesTheTaskNeededThereAndTheOtherPagesStayReadable() {
        AccessViewModel vm = checked(SampleTokens.LIMITED_ROLE);
        assertThat(vm.outcomeProperty().get()).isEqualTo(AccessReport.Outcome.BLOCKED);
        assertThat(vm.summaryProperty().get()).matches("The leads of 1 of \\d+ Pages cannot be read: see what to do below\\.");
        AccessViewModel.PageItem blocked = page(vm, SampleTokens.BLOCKED_PAGE_ID);
        assertThat(blocked.canReadLeads()).isFalse();
        assertThat(blocked.tasks()).isEqualTo("ANALYZE");
        assertThat(codes(blocked.problems())).containsExactly("missing_task");
        AccessViewModel.Problem p = blocked.problems().get(0);
        assertThat(p.message()).isEqualTo("Your role on the Page " + blocked.name() + " (ANALYZE) cannot read leads.");
        assertThat(p.fix()).contains("Advertise task (ADVERTISE)").contains("Page settings > Page access");
        assertThat(p.blocking()).isTrue();
        assertThat(vm.pages().stream().filter(x -> !x.id().equals(SampleTokens.BLOCKED_PAGE_ID)))
                .isNotEmpty().allSatisfy(x -> assertThat(x.canReadLeads()).isTrue());
    }

    @Test
    void leadAccessManagerNamesWhereInBusinessSettingsToAssignTheApp() {
        AccessViewModel vm = checked(SampleTokens.LEAD_ACCESS_MANAGER);
        AccessViewModel.PageItem blocked = page(vm, SampleTokens.BLOCKED_PAGE_ID);
        assertThat(blocked.canReadLeads()).isFalse();
        assertThat(codes(blocked.problems())).contains("lead_access_manager");
        AccessViewModel.Problem p = blocked.problems().stream().filter(x -> x.code().equals("lead_access_manager"))
                .findFirst().orElseThrow();
        assertThat(p.message()).startsWith("Lead Access Manager is on for the Page " + blocked.name());
        assertThat(p.fix()).contains("Business settings > Integrations > Leads access > " + blocked.name());
    }

    @Test
    void aDeclinedPermissionIsListedAndNamedAsTheTokensProblem() {
        AccessViewModel vm = checked(SampleTokens.DECLINED_LEADS);
        assertThat(vm.declinedProperty().get()).isEqualTo("leads_retrieval");
        assertThat(vm.grantedProperty().get()).doesNotContain("leads_retrieval");
        assertThat(codes(vm.tokenProblems())).contains("permission_declined");
        AccessViewModel.Problem p = vm.tokenProblems().stream().filter(x -> x.code().equals("permission_declined"))
                .findFirst().orElseThrow();
        assertThat(p.message()).isEqualTo("The permission leads_retrieval was declined when this token was made.");
        assertThat(p.fix()).contains("tick leads_retrieval");
        assertThat(vm.pages()).allSatisfy(x -> assertThat(x.canReadLeads()).isFalse());
        assertThat(vm.summaryProperty().get()).contains("cannot be read");
    }

    @Test
    void aSystemUserTokenNeverExpires() {
        AccessViewModel vm = checked(SampleTokens.SYSTEM_USER);
        assertThat(vm.kindProperty().get()).isEqualTo("system-user token");
        assertThat(vm.expiresProperty().get()).isEqualTo("never");
        assertThat(vm.extend().offeredProperty().get()).isFalse();
    }

    @Test
    void aShortLivedTokenIsFlaggedAndMadeToLastFromTheAccessViewWithTheRightSecretOnly() {
        AppContext ctx = context(server.baseUrl(), new SyncTaskExecutor());
        vault.save(new AccessToken(SampleTokens.SHORT_LIVED)); // remembered on this computer
        Workspace w = signIn(ctx, SampleTokens.SHORT_LIVED, null, null);
        AccessViewModel vm = ctx.accessViewModel(w);
        List<TokenLifetime> told = new ArrayList<>();
        vm.setOnLifetime(told::add);
        vm.check();
        assertThat(codes(vm.tokenProblems())).contains("token_expires_soon");
        assertThat(vm.expiresProperty().get()).endsWith("minutes left)");
        assertThat(vm.extend().offeredProperty().get()).isTrue();
        assertThat(vm.extend().messageProperty().get()).contains("App settings > Basic");

        vm.extend().appIdProperty().set(SampleTokens.APP_ID);
        vm.extend().appSecretProperty().set("not-the-secret");
        vm.extend().extend();
        assertThat(vm.extend().errorProperty().get()).startsWith("The app secret does not belong to the app of this token.")
                .doesNotContain("not-the-secret");
        assertThat(vm.extend().doneProperty().get()).isFalse();
        assertThat(vault.load()).contains(new AccessToken(SampleTokens.SHORT_LIVED));
        assertThat(vault.loadApp()).isEmpty();

        vm.extend().appSecretProperty().set(SampleTokens.APP_SECRET);
        assertThat(vm.extend().errorProperty().get()).as("typing clears the error").isEmpty();
        vm.extend().extend();
        assertThat(vm.extend().errorProperty().get()).isEmpty();
        assertThat(vm.extend().doneProperty().get()).isTrue();
        assertThat(vm.extend().messageProperty().get()).startsWith("Done: the token now lasts until ")
                .contains("It replaces the token remembered on this computer.");
        // checked again at once: the token lasts now, and the workspace's label was told
        assertThat(vm.tokenProblems()).extracting(AccessViewModel.Problem::code).doesNotContain("token_expires_soon");
        assertThat(vm.expiresProperty().get()).containsPattern("\\((59|60) days left\\)$");
        assertThat(told).last().satisfies(l -> assertThat(l.left(Clock.systemUTC()).orElseThrow()).isGreaterThan(Duration.ofDays(50)));
        assertThat(vault.load()).contains(new AccessToken(SampleTokens.LONG_LIVED));
        assertThat(vault.loadApp()).contains(new RememberedApp(SampleTokens.APP_ID, SampleTokens.APP_SECRET));
        assertThat(w.sync().orElseThrow().refreshForms().forms()).as("the session reads with the new token").isNotEmpty();
    }

    @Test
    void cancelReturnsToTheLastReportAtOnceAndItsLateAnswerIsDropped() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        AppContext ctx = context(server.baseUrl(), executor);
        Workspace w = signIn(ctx, SampleTokens.LIMITED_ROLE, SampleTokens.APP_ID, SampleTokens.APP_SECRET);
        AccessViewModel vm = ctx.accessViewModel(w);
        assertThat(vm.statusProperty().get()).isEqualTo("Not checked yet.");
        vm.check();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Checking the token and every Page with Meta…");
        vm.cancel();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Check cancelled.");
        executor.runAll();
        assertThat(vm.checkedProperty().get()).as("the cancelled check's report is not shown").isFalse();
        assertThat(vm.pages()).isEmpty();

        vm.check();
        executor.runAll();
        assertThat(vm.checkedProperty().get()).isTrue();
        assertThat(vm.outcomeProperty().get()).isEqualTo(AccessReport.Outcome.BLOCKED);
    }

    @Test
    void whenMetaCannotBeReachedTheViewSaysTheCheckIsNotComplete() {
        SampleGraphServer gone = SampleGraphServer.start(SampleOptions.defaults().withLeads(5));
        AppContext ctx = context(gone.baseUrl(), new SyncTaskExecutor());
        Workspace w = signIn(ctx, SampleTokens.USER, SampleTokens.APP_ID, SampleTokens.APP_SECRET);
        gone.close();
        AccessViewModel vm = ctx.accessViewModel(w);
        vm.check();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.outcomeProperty().get()).isEqualTo(AccessReport.Outcome.UNREACHABLE);
        assertThat(vm.summaryProperty().get())
                .isEqualTo("Meta could not be reached, so the check is not complete; check again when the connection is back.");
        assertThat(Messages.load(Locale.ENGLISH).get("access.view.unreachable")).isEqualTo(vm.summaryProperty().get());
    }
}
