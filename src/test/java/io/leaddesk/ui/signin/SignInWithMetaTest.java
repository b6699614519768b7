package io.leaddesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.store.RememberedApp;
import io.leaddesk.ui.AppContext;
import io.leaddesk.ui.SyncTaskExecutor;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sign-in screen against the sample Graph API: each token problem gets its own sentence (what happened and what
 * to do), and a short-lived token is offered "Make this token last", which works with the right app secret and says
 * why not with a wrong one.
 */
class SignInWithMetaTest {
    static SampleGraphServer server;
    @TempDir
    Path dir;
    private final CredentialVaultInMemory vault = new CredentialVaultInMemory();
    private final List<Workspace> opened = new ArrayList<>();
    private AppContext ctx;

    @BeforeAll
    static void startServer() {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(60));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void context() {
        ctx = new AppContext(new AppContext.Config(dir, null, vault, new SyncTaskExecutor(), Duration.ZERO,
                Clock.systemUTC(), ZoneOffset.UTC, Locale.ENGLISH, server.baseUrl(), SampleOptions.defaults().withLeads(20)));
    }

    @AfterEach
    void close() {
        opened.forEach(Workspace::close);
        ctx.close();
    }

    private SignInViewModel signIn(String token, String appId, String appSecret) {
        SignInViewModel vm = ctx.signInViewModel();
        vm.setOnOpen(opened::add);
        vm.start();
        vm.tokenProperty().set(token);
        vm.appIdProperty().set(appId == null ? "" : appId);
        vm.appSecretProperty().set(appSecret == null ? "" : appSecret);
        vm.signIn();
        assertThat(vm.busyProperty().get()).isFalse();
        if (vm.signedInProperty().get() != null) {
            opened.add(vm.signedInProperty().get());
        }
        return vm;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            SampleTokens.EXPIRED + "|This token has expired. Meta says it expired on ",
            SampleTokens.PASSWORD_CHANGED + "|This token stopped working because the Facebook password of its account was changed.",
            SampleTokens.LOGGED_OUT + "|This token stopped working because its account logged out of Facebook.",
            SampleTokens.APP_REMOVED + "|This token stopped working because its app is not installed any more",
            SampleTokens.INVALID + "|Meta does not accept this token. It is incomplete, mistyped or made for another app",
            SampleTokens.APP_SECRET_REQUIRED + "|The app of this token requires an app secret proof. Enter the app secret"})
    void eachTokenProblemHasItsOwnSentence(String token, String sentence) {
        SignInViewModel vm = signIn(token, null, null);
        assertThat(vm.errorProperty().get()).startsWith(sentence).doesNotContain(token);
        assertThat(vm.signedInProperty().get()).isNull();
    }

    @Test
    void aWrongAppSecretIsNamedAndTheRightOneSignsIn() {
        SignInViewModel wrong = signIn(SampleTokens.APP_SECRET_REQUIRED, null, "not-the-secret");
        assertThat(wrong.errorProperty().get()).startsWith("The app secret does not belong to the app of this token.")
                .doesNotContain("not-the-secret");
        SignInViewModel right = signIn(SampleTokens.APP_SECRET_REQUIRED, null, SampleTokens.APP_SECRET);
        assertThat(right.errorProperty().get()).isEmpty();
        assertThat(right.whoProperty().get()).contains("Sofia Secure (sample)");
    }

    @Test
    void aLongLivedTokenSaysWhenItExpiresAndIsNotOfferedToLast() {
        SignInViewModel vm = signIn(SampleTokens.USER, SampleTokens.APP_ID, SampleTokens.APP_SECRET);
        // the sample user token expires in 55 days
        assertThat(vm.lifeProperty().get()).startsWith("This token expires on ").containsPattern("\\((54|55) days left\\)\\.$");
        assertThat(vm.extend().offeredProperty().get()).isFalse();
        assertThat(signIn(SampleTokens.SYSTEM_USER, null, null).lifeProperty().get()).isEqualTo("This token never expires.");
    }

    @Test
    void aShortLivedTokenWithoutTheAppIdAndSecretIsToldWhereToFindThem() {
        SignInViewModel vm = signIn(SampleTokens.SHORT_LIVED, null, null);
        assertThat(vm.lifeProperty().get()).startsWith("This token expires on ").containsPattern("minutes left\\)\\.$");
        assertThat(vm.extend().offeredProperty().get()).isTrue();
        assertThat(vm.extend().messageProperty().get())
                .contains("App ID and app secret").contains("Meta for Developers > your app > App settings > Basic");
        vm.extend().extend();
        assertThat(vm.extend().errorProperty().get()).contains("App settings > Basic");
        assertThat(vm.tokenProperty().get()).isEqualTo(SampleTokens.SHORT_LIVED);
        // typed in afterwards, the offer says what it will do
        vm.appIdProperty().set(SampleTokens.APP_ID);
        vm.appSecretProperty().set(SampleTokens.APP_SECRET);
        assertThat(vm.extend().errorProperty().get()).isEmpty();
        assertThat(vm.extend().messageProperty().get()).startsWith("This token expires soon. Make it last");
    }

    @Test
    void makeThisTokenLastWithTheRightSecretReplacesTheTokenEverywhere() throws Exception {
        SignInViewModel vm = ctx.signInViewModel();
        vm.setOnOpen(opened::add);
        vm.start();
        vm.tokenProperty().set(SampleTokens.SHORT_LIVED);
        vm.appIdProperty().set(SampleTokens.APP_ID);
        vm.appSecretProperty().set(SampleTokens.APP_SECRET);
        vm.rememberProperty().set(true);
        vm.signIn();
        assertThat(vault.load()).contains(new AccessToken(SampleTokens.SHORT_LIVED));
        assertThat(vm.extend().offeredProperty().get()).isTrue();

        vm.extend().extend();
        assertThat(vm.extend().errorProperty().get()).isEmpty();
        assertThat(vm.extend().doneProperty().get()).isTrue();
        assertThat(vm.extend().offeredProperty().get()).isFalse();
        assertThat(vm.extend().messageProperty().get()).startsWith("Done: the token now lasts until ")
                .contains("days left").contains("It replaces the token remembered on this computer.");
        assertThat(vm.lifeProperty().get()).containsPattern("\\((59|60) days left\\)");
        // the field, the credential store and the session all have the long-lived token now
        assertThat(vm.tokenProperty().get()).isEqualTo(SampleTokens.LONG_LIVED);
        assertThat(vm.signedInProperty().get()).as("still signed in: not a new token typed in").isNotNull();
        assertThat(vault.load()).contains(new AccessToken(SampleTokens.LONG_LIVED));
        assertThat(vault.loadApp()).contains(new RememberedApp(SampleTokens.APP_ID, SampleTokens.APP_SECRET));
        vm.continueToWorkspace();
        Workspace w = opened.get(0);
        assertThat(w.access().orElseThrow().lifetime(() -> false).left(Clock.systemUTC()).orElseThrow())
                .isGreaterThan(Duration.ofDays(50));
        assertThat(w.sync().orElseThrow().refreshForms().forms()).isNotEmpty();
    }

    @Test
    void makeThisTokenLastWithAWrongSecretSaysSoAndKeepsTheToken() {
        SignInViewModel vm = signIn(SampleTokens.SHORT_LIVED, SampleTokens.APP_ID, "not-the-secret");
        assertThat(vm.errorProperty().get()).isEmpty(); // the sign-in itself does not need the secret here
        vm.extend().extend();
        assertThat(vm.extend().errorProperty().get())
                .startsWith("The app secret does not belong to the app of this token.").doesNotContain("not-the-secret");
        assertThat(vm.extend().offeredProperty().get()).isTrue();
        assertThat(vm.extend().doneProperty().get()).isFalse();
        assertThat(vm.tokenProperty().get()).isEqualTo(SampleTokens.SHORT_LIVED);
    }
}
