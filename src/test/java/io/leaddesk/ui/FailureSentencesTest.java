package io.leaddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.export.ExportException;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.AppSettings;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.store.SettingsStore;
import io.leaddesk.store.StoreException;
import io.leaddesk.ui.export.ExportFormatViewModel;
import io.leaddesk.ui.export.ExportViewModel;
import io.leaddesk.ui.settings.SettingsViewModel;
import io.leaddesk.ui.signin.SignInViewModel;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every failure path the UI tests reach, driven through the ViewModels against the real services (sample Graph API
 * over loopback, real SQLite files, real exporter), and the sentences the user would read scanned: one plain
 * sentence each, never a Java class or exception name, a stack trace or a token.
 */
class FailureSentencesTest {
    private static final Pattern JAVA_NAME = Pattern.compile(
            "[A-Z][A-Za-z0-9]*(Exception|Error|Throwable)\\b|\\b(java|javax|jdk|sun|org|com|io|okhttp3)\\.[a-z]+\\.|\\tat |\\$\\d|@[0-9a-f]{4,}");
    private final Messages m = Messages.load(Locale.ENGLISH);
    private final SyncTaskExecutor executor = new SyncTaskExecutor();
    private final Map<String, String> sentences = new LinkedHashMap<>();
    @TempDir
    Path dir;
    private SampleGraphServer graph;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void startGraph() {
        graph = SampleGraphServer.start(SampleOptions.defaults().withLeads(120));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        graph.close();
    }

    private AppContext context(Path folder) {
        AppContext c = new AppContext(new AppContext.Config(folder, null, new CredentialVaultInMemory(), executor, Duration.ZERO,
                Clock.systemUTC(), ZoneOffset.UTC, Locale.ENGLISH, graph.baseUrl(), SampleOptions.defaults().withLeads(50)));
        toClose.add(c);
        return c;
    }

    private String signInError(WorkspaceOpener opener, String token) {
        SignInViewModel vm = new SignInViewModel(opener, new CredentialVaultInMemory(), executor, m);
        vm.tokenProperty().set(token);
        vm.signIn();
        assertThat(vm.signedInProperty().get()).as("no workspace after a failed sign-in").isNull();
        return vm.errorProperty().get();
    }

    private String offlineError(WorkspaceOpener opener) {
        SignInViewModel vm = new SignInViewModel(opener, new CredentialVaultInMemory(), executor, m);
        List<Workspace> opened = new ArrayList<>();
        vm.setOnOpen(opened::add);
        vm.openOffline();
        assertThat(opened).isEmpty();
        return vm.errorProperty().get();
    }

    private Workspace signedIn(AppContext ctx, String token) {
        SignInViewModel vm = new SignInViewModel(ctx, new CredentialVaultInMemory(), executor, m);
        List<Workspace> opened = new ArrayList<>();
        vm.setOnOpen(opened::add);
        vm.tokenProperty().set(token);
        vm.signIn();
        vm.continueToWorkspace();
        assertThat(opened).as(vm.errorProperty().get()).hasSize(1);
        toClose.add(opened.get(0));
        return opened.get(0);
    }

    private static String sentenceOf(Throwable t, Messages m) {
        FakeOpener opener = new FakeOpener(TestData.cache(1));
        opener.failure = t instanceof RuntimeException r ? r : new RuntimeException(t);
        SignInViewModel vm = new SignInViewModel(opener, new CredentialVaultInMemory(), new SyncTaskExecutor(), m);
        vm.tokenProperty().set("EAABsomething1234567");
        vm.signIn();
        return vm.errorProperty().get();
    }

    @Test
    void everyFailurePathReadsAsPlainSentences() throws Exception {
        AppContext ctx = context(dir.resolve("data"));

        // tokens
        sentences.put("bad token", signInError(ctx, SampleTokens.INVALID));
        sentences.put("expired token", signInError(ctx, SampleTokens.EXPIRED));

        // a token without leads_retrieval: the sync tells per form
        Workspace noLeads = signedIn(ctx, SampleTokens.NO_LEADS_PERMISSION);
        WorkspaceViewModel wvm = ctx.workspaceViewModel(noLeads, text -> { });
        wvm.open();
        wvm.syncAll();
        sentences.put("sync without permission", wvm.noticeProperty().get().text());
        noLeads.close();

        // network refused: nothing listens on the port (the real client, without its retries)
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        FakeOpener refused = new FakeOpener(TestData.cache(1));
        try (GraphClient client = new GraphClient(GraphSettings.defaults().withBaseUrl("http://127.0.0.1:" + port)
                .withMaxRetryTime(Duration.ZERO).withInitialBackoff(Duration.ofMillis(1)))) {
            client.whoami(new AccessToken(SampleTokens.USER));
        } catch (GraphException e) {
            assertThat(e.kind()).isEqualTo(GraphErrorKind.NETWORK);
            refused.failure = e;
        }
        assertThat(refused.failure).as("connecting to a closed port fails").isNotNull();
        sentences.put("network refused", signInError(refused, SampleTokens.USER));

        // storage: the data folder is a file; the database is not one
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        sentences.put("data folder is a file", offlineError(context(file)));
        Path corrupt = Files.createDirectories(dir.resolve("corrupt"));
        Files.write(corrupt.resolve("leaddesk.db"), "this is not a database, just some bytes ".repeat(200).getBytes());
        sentences.put("corrupt database", offlineError(context(corrupt)));

        // export: a folder that does not exist, a folder that is a file, an encoding that cannot hold the leads
        Workspace w = signedIn(ctx, SampleTokens.USER);
        WorkspaceViewModel synced = ctx.workspaceViewModel(w, text -> { });
        synced.open();
        synced.syncAll();
        assertThat(synced.leads().totalCountProperty().get()).isPositive();
        ExportViewModel export = ctx.exportViewModel(w);
        export.open(Set.of(), Set.of());
        export.run().targetProperty().set(dir.resolve("missing").resolve("x.csv").toString());
        export.export();
        sentences.put("export to a missing folder", export.run().messageProperty().get());
        export.run().targetProperty().set(file.resolve("x.csv").toString());
        export.export();
        sentences.put("export under a file", export.run().messageProperty().get());
        export.run().targetProperty().set(dir.resolve("cp1251.csv").toString());
        export.format().encodingProperty().set(ExportFormatViewModel.Encoding.WINDOWS_1251);
        export.export();
        if (!export.run().messageProperty().get().startsWith("Wrote ")) {
            sentences.put("export encoding", export.run().messageProperty().get());
        }

        // settings cannot be written
        SettingsStore settings = new SettingsStore(file, null);
        SettingsViewModel svm = new SettingsViewModel(AppSettings.defaults(), settings, executor, m);
        svm.themeProperty().set(AppSettings.DARK);
        svm.save();
        sentences.put("settings save", svm.errorProperty().get());

        // what nobody expected, and deliberate failures whose text carries a Java name anyway
        sentences.put("unexpected", sentenceOf(new IllegalStateException("Cannot invoke \"String.length()\" because \"s\" is null"), m));
        sentences.put("null pointer", sentenceOf(new NullPointerException(), m));
        sentences.put("wrapped", sentenceOf(new RuntimeException(new ExecutionException(new StoreException("The lead cache is busy; try again."))), m));
        sentences.put("class name in a store message", sentenceOf(new StoreException("Could not read: java.sql.SQLException: [SQLITE_BUSY]"), m));
        sentences.put("class name in an export message", sentenceOf(new ExportException("The export failed: java.io.IOException: disk."), m));
        sentences.put("graph message with a type", sentenceOf(new GraphException(GraphErrorKind.PERMISSION,
                "OAuthException: (#200) Requires permission"), m));
        sentences.put("bug", sentenceOf(new LeadDeskException(FailureKind.BUG, "Unknown column kind DATE; this is a bug."), m));

        assertThat(sentences).hasSizeGreaterThanOrEqualTo(17).allSatisfy((path, s) -> {
            assertThat(s).as(path).isNotBlank().doesNotContain("\n\tat");
            assertThat(JAVA_NAME.matcher(s).find()).as(path + ": " + s).isFalse();
            assertThat(s).as(path).doesNotContain(SampleTokens.USER, SampleTokens.EXPIRED, SampleTokens.INVALID,
                    SampleTokens.NO_LEADS_PERMISSION, SampleTokens.PAGE_TOKEN_PREFIX, "EAABsomething");
            assertThat(s.strip()).as(path + ": ends as a sentence").matches("(?s).*[.!?)»”]$");
        });
        assertThat(sentences.get("expired token")).startsWith("This token has expired.");
        assertThat(sentences.get("bad token")).startsWith("Meta does not accept this token.");
        assertThat(sentences.get("network refused")).isEqualTo(m.get("error.network"));
        assertThat(sentences.get("export to a missing folder")).endsWith("does not exist; choose an existing folder.");
        assertThat(sentences.get("wrapped")).isEqualTo("The lead cache is busy; try again.");
        assertThat(sentences.get("unexpected")).isEqualTo(m.get("error.unexpected"));
        assertThat(sentences.get("bug")).isEqualTo(m.get("error.unexpected"));
        assertThat(sentences.get("class name in a store message")).isEqualTo(m.get("error.storage"));
        assertThat(sentences.get("graph message with a type")).isEqualTo(m.get("error.access"));
    }

    @Test
    void aTranslatedMessageKeyIsRenderedWithItsArguments() {
        ErrorText errors = new ErrorText(m);
        LeadDeskException e = new LeadDeskException(FailureKind.INPUT, "The file x.csv exists.", null, "export.notReplaced",
                List.of("x.csv"));
        assertThat(errors.describe(e)).isEqualTo(m.format("export.notReplaced", "x.csv"));
        LeadDeskException unknownKey = new LeadDeskException(FailureKind.INPUT, "Pick a date after 2020.", null, "no.such.key", List.of());
        assertThat(errors.describe(unknownKey)).isEqualTo("Pick a date after 2020.");
    }
}
