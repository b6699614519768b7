package io.leaddesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.store.RememberedApp;
import io.leaddesk.ui.ManualTaskExecutor;
import io.leaddesk.ui.FakeOpener;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import io.leaddesk.ui.TestData;
import io.leaddesk.ui.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SignInViewModelTest {
    private static final String TOKEN = "EAABsecretsecretsecret123";
    private final Messages m = Messages.load(Locale.ENGLISH);
    private final FakeOpener opener = new FakeOpener(TestData.cache(3));
    private final List<Workspace> opened = new ArrayList<>();

    private SignInViewModel vm(CredentialVaultInMemory vault) {
        SignInViewModel vm = new SignInViewModel(opener, vault, new SyncTaskExecutor(), m);
        vm.setOnOpen(opened::add);
        vm.start();
        return vm;
    }

    @Test
    void signInShowsTokenKindNameAndPagesThenOpensTheWorkspace() {
        SignInViewModel vm = vm(new CredentialVaultInMemory());
        assertThat(vm.canSignInProperty().get()).isFalse();
        vm.tokenProperty().set(TOKEN);
        vm.appSecretProperty().set("  appsecret ");
        vm.signIn();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.whoProperty().get()).isEqualTo("Signed in with a user token as Olena Kovalenko. 2 pages found.");
        assertThat(vm.pagesFound()).containsExactly("Школа мов", "مدرسة اللغات");
        assertThat(opener.lastSecret).isEqualTo("appsecret");
        assertThat(opened).isEmpty();
        vm.continueToWorkspace();
        assertThat(opened).hasSize(1);
        assertThat(vm.whoProperty().get()).doesNotContain(TOKEN);
    }

    @Test
    void expiredTokenShowsAPlainInlineMessageAndNoWorkspace() {
        opener.failure = new GraphException(GraphErrorKind.TOKEN, "Error validating access token", 190, 463, 400, null, null, null);
        SignInViewModel vm = vm(new CredentialVaultInMemory());
        vm.tokenProperty().set(TOKEN);
        vm.signIn();
        assertThat(vm.errorProperty().get()).startsWith("This token has expired.");
        assertThat(vm.signedInProperty().get()).isNull();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(opened).isEmpty();
    }

    @Test
    void missingPermissionIsNamed() {
        opener.failure = new GraphException(GraphErrorKind.PERMISSION, "x", 200, 0, 403, "leads_retrieval", null, null);
        SignInViewModel vm = vm(new CredentialVaultInMemory());
        vm.tokenProperty().set(TOKEN);
        vm.signIn();
        assertThat(vm.errorProperty().get()).contains("\"leads_retrieval\"");
    }

    @Test
    void withoutACredentialStoreTheScreenSaysSoInTheAppsLanguage() {
        SignInViewModel vm = new SignInViewModel(opener, new CredentialVaultInMemory("No store (in English, from the store)."),
                new SyncTaskExecutor(), Messages.load(java.util.Locale.forLanguageTag("uk")));
        vm.start();
        assertThat(vm.rememberNoteProperty().get()).startsWith("На цьому комп’ютері немає сховища облікових даних")
                .doesNotContain("in English");
    }

    @Test
    void rememberStoresTheTokenOnlyInTheVaultAndFillsItInNextTime() {
        CredentialVaultInMemory vault = new CredentialVaultInMemory();
        SignInViewModel vm = vm(vault);
        vm.tokenProperty().set(TOKEN);
        vm.rememberProperty().set(true);
        vm.signIn();
        assertThat(vault.load()).contains(new AccessToken(TOKEN));
        SignInViewModel next = vm(vault);
        assertThat(next.tokenProperty().get()).isEqualTo(TOKEN);
        assertThat(next.rememberProperty().get()).isTrue();
    }

    @Test
    void notRememberingForgetsAnEarlierToken() {
        CredentialVaultInMemory vault = new CredentialVaultInMemory();
        vault.save(new AccessToken(TOKEN));
        SignInViewModel vm = vm(vault);
        vm.rememberProperty().set(false);
        vm.signIn();
        assertThat(vault.load()).isEmpty();
    }

    @Test
    void withoutACredentialStoreTheAppSaysSoAndStoresNothing() {
        CredentialVaultInMemory vault = new CredentialVaultInMemory("This computer has no credential store.");
        SignInViewModel vm = vm(vault);
        assertThat(vm.rememberAvailableProperty().get()).isFalse();
        assertThat(vm.rememberNoteProperty().get()).startsWith("This computer has no credential store LeadDesk can use");
        vm.rememberProperty().set(true);
        vm.tokenProperty().set(TOKEN);
        vm.signIn();
        assertThat(vault.load()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void sampleAndOfflineOpenAWorkspaceWithoutAToken() {
        SignInViewModel vm = vm(new CredentialVaultInMemory());
        vm.trySample();
        vm.openOffline();
        assertThat(opener.calls).containsExactly("demo", "offline");
        assertThat(opened).extracting(Workspace::mode).containsExactly(Workspace.Mode.DEMO, Workspace.Mode.OFFLINE);
    }

    // ---- the check never blocks ---------------------------------------------------------------------

    @Test
    void whileCheckingCancelIsOfferedAndReturnsToAnIdleScreenAtOnce() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        SignInViewModel vm = new SignInViewModel(opener, new CredentialVaultInMemory(), executor, m);
        vm.setOnOpen(opened::add);
        vm.tokenProperty().set(TOKEN);
        vm.signIn();
        assertThat(vm.checkingProperty().get()).isTrue();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.busyTextProperty().get()).isEqualTo("Checking the token with Meta…");
        assertThat(vm.openingProperty().get()).as("Open offline and Try with sample data stay usable").isFalse();

        vm.cancel();
        assertThat(vm.checkingProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.canSignInProperty().get()).isTrue();

        // the check itself runs on and ends: it was told to stop, and what it opened is closed, not shown
        executor.runAll();
        assertThat(opener.lastCancel.getAsBoolean()).isTrue();
        assertThat(opener.closedSignIns).isEqualTo(1);
        assertThat(vm.signedInProperty().get()).isNull();
        assertThat(vm.whoProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(opened).isEmpty();
    }

    @Test
    void aFailureThatArrivesAfterCancelIsNotShown() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        opener.failure = new GraphException(GraphErrorKind.NETWORK, "Meta could not be reached.");
        SignInViewModel vm = new SignInViewModel(opener, new CredentialVaultInMemory(), executor, m);
        vm.tokenProperty().set(TOKEN);
        vm.signIn();
        vm.cancel();
        executor.runAll();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void openOfflineWhileCheckingEndsTheCheckAndOpensTheCache() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        SignInViewModel vm = new SignInViewModel(opener, new CredentialVaultInMemory(), executor, m);
        vm.setOnOpen(opened::add);
        vm.tokenProperty().set(TOKEN);
        vm.signIn();
        vm.openOffline();
        assertThat(vm.checkingProperty().get()).isFalse();
        assertThat(vm.openingProperty().get()).isTrue();
        assertThat(vm.busyTextProperty().get()).isEqualTo("Opening the local cache…");
        executor.runAll();
        assertThat(opened).extracting(Workspace::mode).containsExactly(Workspace.Mode.OFFLINE);
        assertThat(opener.closedSignIns).as("the checked sign-in is closed").isEqualTo(1);
        assertThat(vm.signedInProperty().get()).isNull();
    }

    @Test
    void sampleDataWhileCheckingEndsTheCheckAndOpensTheDemo() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        SignInViewModel vm = new SignInViewModel(opener, new CredentialVaultInMemory(), executor, m);
        vm.setOnOpen(opened::add);
        vm.tokenProperty().set(TOKEN);
        vm.signIn();
        vm.trySample();
        executor.runAll();
        assertThat(opened).extracting(Workspace::mode).containsExactly(Workspace.Mode.DEMO);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aTokenWithALineBreakSpaceOrNonAsciiLetterGetsTheCommandLinesSentence() {
        SignInViewModel vm = vm(new CredentialVaultInMemory());
        for (String bad : new String[] {"EAABsecret\nsecret123", "EAAB secret 123", "EAABsecrét123"}) {
            vm.tokenProperty().set(bad);
            vm.signIn();
            assertThat(vm.errorProperty().get()).as(bad)
                    .isEqualTo("The token contains characters a Meta token never has (a space, a line break or a non-ASCII"
                            + " letter); copy it again exactly as Meta shows it.");
        }
        assertThat(opener.calls).isEmpty();
        // around it, blanks and line breaks as pasted are fine
        vm.tokenProperty().set("  " + TOKEN + "\n");
        vm.signIn();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(opener.calls).containsExactly("signIn");
    }

    @Test
    void theAppIdIsANumberAndGoesWithTheSecret() {
        SignInViewModel vm = vm(new CredentialVaultInMemory());
        vm.tokenProperty().set(TOKEN);
        vm.appIdProperty().set("my-secret-by-mistake");
        vm.signIn();
        assertThat(vm.errorProperty().get()).startsWith("The App ID is a number").doesNotContain("my-secret-by-mistake");
        assertThat(opener.calls).isEmpty();
        vm.appIdProperty().set(" 100000000000001 ");
        vm.appSecretProperty().set("s3cret");
        vm.signIn();
        assertThat(opener.lastAppId).isEqualTo("100000000000001");
        assertThat(opener.lastSecret).isEqualTo("s3cret");
    }

    @Test
    void rememberKeepsTheAppIdAndSecretInTheCredentialStoreAndForgettingDropsThem() {
        CredentialVaultInMemory vault = new CredentialVaultInMemory();
        SignInViewModel vm = vm(vault);
        vm.tokenProperty().set(TOKEN);
        vm.appIdProperty().set("100000000000001");
        vm.appSecretProperty().set("s3cret");
        vm.rememberProperty().set(true);
        vm.signIn();
        assertThat(vault.loadApp()).contains(new RememberedApp("100000000000001", "s3cret"));
        SignInViewModel next = vm(vault);
        assertThat(next.appIdProperty().get()).isEqualTo("100000000000001");
        assertThat(next.appSecretProperty().get()).isEqualTo("s3cret");
        next.rememberProperty().set(false);
        next.signIn();
        assertThat(vault.load()).isEmpty();
        assertThat(vault.loadApp()).isEmpty();
    }

    @Test
    void emptyTokenAsksForOne() {
        SignInViewModel vm = vm(new CredentialVaultInMemory());
        vm.tokenProperty().set("   ");
        vm.signIn();
        assertThat(vm.errorProperty().get()).isEqualTo("Paste an access token first.");
        assertThat(opener.calls).isEmpty();
    }
}
