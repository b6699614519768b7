package io.leaddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.diagnostics.Diagnostics;
import io.leaddesk.diagnostics.Logs;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.store.DataFolder;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.ui.export.ExportRunViewModel;
import io.leaddesk.ui.export.ExportViewModel;
import io.leaddesk.ui.signin.SignInViewModel;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's services with the file log on, in a temp data folder: sign in with a token and an app secret, sync
 * (with transient faults, so retries get logged), review, copy, export, fail on purpose (an export under a file, an
 * expired token, an uncaught failure), the demo; then every log file is scanned for the tokens, the app secret and
 * the personal data of the synced leads.
 */
class LogPrivacyTest {
    private static final String APP_SECRET = "sample-app-secret-never-logged";
    private static final String NOTE = "Call back Tuesday about the evening group";
    @TempDir
    Path dir;

    /** Runs everything at once, like {@link SyncTaskExecutor}, and logs failed tasks as the app's executor does. */
    static final class LoggingExecutor implements TaskExecutor {
        private final SyncTaskExecutor inner = new SyncTaskExecutor();

        @Override
        public <T> Cancellable submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            return inner.submit(name, work, onSuccess, e -> {
                FxTaskExecutor.logFailure(name, e);
                onFailure.accept(e);
            });
        }

        @Override
        public void onUi(Runnable action) {
            action.run();
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable action) {
            return inner.schedule(delay, action);
        }
    }

    @Test
    void noTokenSecretOrLeadDataReachesTheLog() throws Exception {
        Path data = dir.resolve("data");
        List<String> clipboard = new ArrayList<>();
        String expectedProof = SampleGraphServer.appsecretProof(SampleTokens.USER, APP_SECRET);
        try (SampleGraphServer graph = SampleGraphServer.start(SampleOptions.defaults().withLeads(400)
                .withFaults("transient=0.1,seed=3").withAppSecret(APP_SECRET));
             Logs logs = Logs.forApp(data)) {
            LoggingExecutor executor = new LoggingExecutor();
            CredentialVaultInMemory vault = new CredentialVaultInMemory();
            try (AppContext ctx = new AppContext(new AppContext.Config(data, null, vault, executor, Duration.ZERO,
                    Clock.systemUTC(), ZoneOffset.UTC, Locale.ENGLISH, graph.baseUrl(), SampleOptions.defaults().withLeads(60)))) {
                // sign in with the token and the app secret, remembered
                List<Workspace> opened = new ArrayList<>();
                SignInViewModel signIn = ctx.signInViewModel();
                signIn.setOnOpen(opened::add);
                signIn.start();
                signIn.tokenProperty().set(SampleTokens.USER);
                signIn.appSecretProperty().set(APP_SECRET);
                signIn.rememberProperty().set(true);
                signIn.signIn();
                assertThat(signIn.errorProperty().get()).isEmpty();
                signIn.continueToWorkspace();
                Workspace w = opened.get(0);

                // sync, then look at a lead, review it, copy its e-mail
                WorkspaceViewModel ws = ctx.workspaceViewModel(w, clipboard::add);
                ws.open();
                ws.syncAll();
                assertThat(ws.leads().totalCountProperty().get()).isEqualTo(400);
                String leadId = w.cache().rows(w.cache().leadRowIds(LeadQuery.all()), 0, 1).get(0).id();
                ws.detail().show(leadId);
                ws.detail().copyEmail();
                ws.detail().noteProperty().set(NOTE);
                ws.detail().statusProperty().set(ReviewStatus.CONTACTED);
                ws.detail().saveReview();

                // export, then an export that cannot be written
                ExportViewModel export = ctx.exportViewModel(w);
                export.open(Set.of(), Set.of());
                export.run().targetProperty().set(dir.resolve("leads.csv").toString());
                export.export();
                assertThat(export.run().messageKindProperty().get()).isEqualTo(ExportRunViewModel.MessageKind.SUCCESS);
                Path file = Files.writeString(dir.resolve("a-file"), "x");
                export.run().targetProperty().set(file.resolve("leads.csv").toString());
                export.export();
                assertThat(export.run().messageKindProperty().get()).isEqualTo(ExportRunViewModel.MessageKind.ERROR);
                export.close();
                ws.signOut();

                // an expired token
                SignInViewModel expired = ctx.signInViewModel();
                expired.tokenProperty().set(SampleTokens.EXPIRED);
                expired.appSecretProperty().set(APP_SECRET);
                expired.signIn();
                assertThat(expired.errorProperty().get()).startsWith("This token has expired.");

                // the demo, synced
                SignInViewModel demo = ctx.signInViewModel();
                List<Workspace> demos = new ArrayList<>();
                demo.setOnOpen(demos::add);
                demo.trySample();
                WorkspaceViewModel dws = ctx.workspaceViewModel(demos.get(0), clipboard::add);
                dws.open();
                dws.syncAll();
                assertThat(dws.leads().totalCountProperty().get()).isPositive();
                demos.get(0).close();

                // a failure nobody caught
                Thread t = new Thread(() -> {
                    throw new IllegalStateException("nobody caught this");
                }, "leaddesk-test-thread");
                t.start();
                t.join();

                clipboard.add(Diagnostics.report(data));
            }
        }

        Set<String> secrets = new LinkedHashSet<>(List.of(SampleTokens.USER, SampleTokens.EXPIRED, SampleTokens.PAGE_TOKEN_PREFIX,
                APP_SECRET, expectedProof));
        Set<String> personal = personalData(DataFolder.databaseFile(data));
        personal.addAll(personalData(DataFolder.databaseFile(data.resolve("demo"))));
        personal.add(NOTE);
        assertThat(personal).hasSizeGreaterThan(1000);

        List<Path> logFiles;
        try (Stream<Path> s = Files.list(data.resolve(Logs.FOLDER))) {
            logFiles = s.toList();
        }
        assertThat(logFiles).isNotEmpty();
        StringBuilder all = new StringBuilder();
        for (Path f : logFiles) {
            all.append(Files.readString(f, StandardCharsets.UTF_8));
        }
        String log = all.toString();
        // the log saw the work and the failures, so the scan below means something
        assertThat(log).contains("INFO", "Signed in as", "Task 'sign in' failed (ACCESS): ", "WARN", "Task 'export' failed", "ERROR",
                "Uncaught failure on thread leaddesk-test-thread", "IllegalStateException: nobody caught this", "\tat ");
        String diagnostics = clipboard.get(clipboard.size() - 1);
        assertThat(diagnostics).contains("Last 200 log lines:", "Uncaught failure");

        for (String s : secrets) {
            assertThat(log).as("secret in the log").doesNotContain(s);
            assertThat(diagnostics).as("secret in the diagnostics").doesNotContain(s);
        }
        List<String> found = personal.stream().filter(p -> log.contains(p) || diagnostics.contains(p)).toList();
        assertThat(found).as("lead data in the log or the diagnostics").isEmpty();
    }

    /**
     * The app's side of tokens that last and the Access view: signing in with the app id and secret (remembered), a
     * wrong secret then the right one for "Make this token last", the Access view's check, the token's expiry, a
     * sync that meets a permission problem, an app that requires appsecret_proof; then every file of the data folder
     * (the logs and the database with its write-ahead log) is scanned for the tokens and the app secret.
     */
    @Test
    void noAppSecretOrTokenReachesTheLogOrTheDatabaseThroughAccessAndTheExchange() throws Exception {
        Path data = dir.resolve("data");
        String wrongSecret = "wrong-app-secret-never-logged-7c2";
        try (SampleGraphServer graph = SampleGraphServer.start(SampleOptions.defaults().withLeads(120)
                .withFaults("transient=0.1,seed=4"));
             Logs logs = Logs.forApp(data)) {
            CredentialVaultInMemory vault = new CredentialVaultInMemory();
            try (AppContext ctx = new AppContext(new AppContext.Config(data, null, vault, new LoggingExecutor(), Duration.ZERO,
                    Clock.systemUTC(), ZoneOffset.UTC, Locale.ENGLISH, graph.baseUrl(), SampleOptions.defaults().withLeads(20)))) {
                List<Workspace> opened = new ArrayList<>();
                SignInViewModel signIn = ctx.signInViewModel();
                signIn.setOnOpen(opened::add);
                signIn.start();
                signIn.tokenProperty().set(SampleTokens.SHORT_LIVED);
                signIn.appIdProperty().set(SampleTokens.APP_ID);
                signIn.appSecretProperty().set(wrongSecret);
                signIn.rememberProperty().set(true);
                signIn.signIn();
                signIn.extend().extend();
                assertThat(signIn.extend().errorProperty().get()).startsWith("The app secret does not belong");
                signIn.appSecretProperty().set(SampleTokens.APP_SECRET);
                signIn.extend().extend();
                assertThat(signIn.extend().doneProperty().get()).isTrue();
                signIn.continueToWorkspace();
                Workspace w = opened.get(0);
                WorkspaceViewModel ws = ctx.workspaceViewModel(w, s -> { });
                ws.open();
                ws.syncAll();
                ctx.accessViewModel(w).check();
                ws.signOut();

                for (String[] t : new String[][] {{SampleTokens.LIMITED_ROLE, SampleTokens.APP_SECRET},
                        {SampleTokens.APP_SECRET_REQUIRED, wrongSecret}, {SampleTokens.APP_SECRET_REQUIRED, SampleTokens.APP_SECRET}}) {
                    List<Workspace> more = new ArrayList<>();
                    SignInViewModel again = ctx.signInViewModel();
                    again.setOnOpen(more::add);
                    again.tokenProperty().set(t[0]);
                    again.appIdProperty().set(SampleTokens.APP_ID);
                    again.appSecretProperty().set(t[1]);
                    again.signIn();
                    if (again.signedInProperty().get() == null) {
                        assertThat(again.errorProperty().get()).startsWith("The app secret does not belong");
                        continue;
                    }
                    again.continueToWorkspace();
                    WorkspaceViewModel other = ctx.workspaceViewModel(more.get(0), s -> { });
                    other.open();
                    other.syncAll();
                    ctx.accessViewModel(more.get(0)).check();
                    other.signOut();
                }
            }
        }
        StringBuilder files = new StringBuilder();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        String everything = files.toString();
        assertThat(everything).as("the log and the database were scanned")
                .contains("Token exchanged for a long-lived one", "Signed in as", "SQLite format 3");
        for (String secret : List.of(SampleTokens.APP_SECRET, wrongSecret, SampleTokens.SHORT_LIVED, SampleTokens.LONG_LIVED,
                SampleTokens.LIMITED_ROLE, SampleTokens.APP_SECRET_REQUIRED, SampleTokens.PAGE_TOKEN_PREFIX,
                "sample-page-limited-", "sample-page-secret-",
                SampleGraphServer.appsecretProof(SampleTokens.LONG_LIVED, SampleTokens.APP_SECRET),
                SampleGraphServer.appsecretProof(SampleTokens.APP_SECRET_REQUIRED, SampleTokens.APP_SECRET))) {
            assertThat(everything).as("a token or the app secret in the data folder").doesNotContain(secret);
        }
    }

    /** Names, e-mails, phones and longer answers of every cached lead. */
    private static Set<String> personalData(Path db) {
        Set<String> values = new LinkedHashSet<>();
        try (LeadStore store = LeadStore.open(db)) {
            for (LeadRow r : store.rows(LeadQuery.all(), 0, 100_000)) {
                for (String v : new String[] {r.name(), r.email(), r.phone()}) {
                    if (v != null && v.strip().length() >= 4) {
                        values.add(v.strip());
                    }
                }
            }
            store.forEachLead(LeadQuery.all(), l -> {
                for (FieldAnswer a : l.lead().fieldData()) {
                    for (String v : a.values()) {
                        if (v != null && v.strip().length() >= 8) {
                            values.add(v.strip());
                        }
                    }
                }
            });
        }
        return values;
    }
}
