package io.leaddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.config.Environment;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.SyncEvent;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.sync.SyncRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app reads the same environment as the command line: with LEADDESK_GRAPH_URL pointing at a sample Graph API the
 * app signs in with the sample user token and syncs through its SyncBackend, honouring the other Graph variables too.
 * No FX needed: the composition root with a same-thread executor.
 */
@Timeout(120) // without the environment the app would retry graph.facebook.com for ten minutes
class AppEnvironmentTest {
    @TempDir
    Path home;

    private AppContext context(Map<String, String> variables) {
        Environment env = Environment.of(variables);
        return new AppContext(AppContext.Config.of(env, new CredentialVaultInMemory(), new SyncTaskExecutor(),
                Duration.ZERO, Clock.systemUTC(), ZoneId.of("UTC"), Locale.ENGLISH, SampleOptions.defaults()));
    }

    @Test
    void theAppSignsInAndSyncsAgainstTheGraphUrlOfTheEnvironment() throws Exception {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(300))) {
            AppContext app = context(Map.of("LEADDESK_GRAPH_URL", server.baseUrl(), "LEADDESK_HOME", home.toString(),
                    "LEADDESK_GRAPH_VERSION", "v24.0", "LEADDESK_PAGE_SIZE", "40", "LEADDESK_MAX_RETRY_SECONDS", "3"));
            assertThat(app.dataFolder()).isEqualTo(home);
            List<SyncEvent.FormProgress> progress = new CopyOnWriteArrayList<>();
            try (Workspace w = app.signIn(new AccessToken(SampleTokens.USER), null)) {
                assertThat(w.mode()).isEqualTo(Workspace.Mode.ONLINE);
                assertThat(w.who()).isPresent();
                SyncReport report = w.sync().orElseThrow().sync(SyncRequest.everything(), e -> {
                    if (e instanceof SyncEvent.FormProgress p) {
                        progress.add(p);
                    }
                }, new CancelSignal());
                assertThat(report.ok()).as(report.summary()).isTrue();
                assertThat(report.fetched()).isEqualTo(300);
            }
            assertThat(server.requestsWithPath("/v24.0/")).as("LEADDESK_GRAPH_VERSION reached the app").isPositive();
            assertThat(server.requestsWithPath("/v25.0/")).isZero();
            // LEADDESK_PAGE_SIZE reached the app: no page brought more than 40 leads
            assertThat(progress).isNotEmpty();
            for (var byForm : progress.stream().collect(java.util.stream.Collectors.groupingBy(SyncEvent.FormProgress::formId)).values()) {
                assertThat(byForm.get(0).fetched()).isBetween(1L, 40L);
            }
            try (LeadStore store = LeadStore.open(home.resolve("leaddesk.db"))) {
                assertThat(store.countLeads(LeadQuery.all())).isEqualTo(300);
            }
            app.close();
        }
    }

    @Test
    void aBadVariableFailsTheSignInWithOneSentence() {
        AppContext app = context(Map.of("LEADDESK_GRAPH_URL", "graph.facebook.com", "LEADDESK_HOME", home.toString()));
        assertThatThrownBy(() -> app.signIn(new AccessToken(SampleTokens.USER), null))
                .isInstanceOfSatisfying(LeadDeskException.class, e -> {
                    assertThat(e.failureKind()).isEqualTo(FailureKind.INPUT);
                    assertThat(e.getMessage()).startsWith("LEADDESK_GRAPH_URL must be an http or https address");
                });
        app.close();
    }
}
