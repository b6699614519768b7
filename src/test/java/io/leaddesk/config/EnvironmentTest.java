package io.leaddesk.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.graph.GraphSettings;
import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;
import io.leaddesk.store.AppSettings;
import io.leaddesk.store.SettingsStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One environment for the app and the command line: variables, then settings.json, then defaults; bad values are one sentence. */
class EnvironmentTest {
    @TempDir
    Path home;

    private final Preferences prefs = Preferences.userRoot().node("io/leaddesk/envtest-" + System.nanoTime());

    @AfterEach
    void dropPrefs() throws Exception {
        prefs.removeNode();
    }

    private Environment env(Map<String, String> vars) {
        Map<String, String> v = new HashMap<>(vars);
        v.put("LEADDESK_HOME", home.toString());
        return Environment.of(v);
    }

    @Test
    void withoutVariablesTheDefaultsAndTheVersionSavedInSettingsApply() {
        assertThat(env(Map.of()).graphSettings()).isEqualTo(GraphSettings.defaults());

        new SettingsStore(home, null).save(AppSettings.defaults().withGraphVersion("v23.0"));
        GraphSettings s = env(Map.of()).graphSettings();
        assertThat(s.version()).isEqualTo("v23.0");
        assertThat(s.baseUrl()).isEqualTo(GraphSettings.DEFAULT_BASE_URL);
    }

    @Test
    void variablesWinOverSettingsAndDefaults() {
        new SettingsStore(home, null).save(AppSettings.defaults().withGraphVersion("v23.0"));
        Environment e = env(Map.of("LEADDESK_GRAPH_URL", " http://127.0.0.1:8765/ ", "LEADDESK_GRAPH_VERSION", "v24.0",
                "LEADDESK_PAGE_SIZE", "5000", "LEADDESK_MAX_RETRY_SECONDS", "0", "LEADDESK_APP_SECRET", "s3cret"));
        GraphSettings s = e.graphSettings();
        assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:8765");
        assertThat(s.version()).isEqualTo("v24.0");
        assertThat(s.pageSize()).isEqualTo(Environment.MAX_PAGE_SIZE);
        assertThat(s.maxRetryTime()).isEqualTo(Duration.ZERO);
        assertThat(s.appSecret()).isEqualTo("s3cret");
        // the settings the app holds in memory lose to the variable as well
        assertThat(e.graphSettings(AppSettings.defaults().withGraphVersion("v22.0")).version()).isEqualTo("v24.0");
        assertThat(env(Map.of()).graphSettings(AppSettings.defaults().withGraphVersion("v22.0")).version()).isEqualTo("v22.0");
        assertThat(env(Map.of("LEADDESK_GRAPH_VERSION", "21.0")).graphSettings().version()).isEqualTo("v21.0");
    }

    @Test
    void leaddeskHomeWinsOverTheFolderChosenInSettingsWhichWinsOverTheDefault() {
        Path chosen = home.resolve("chosen");
        prefs.put("dataFolder", chosen.toString());
        Path osDefault = home.resolve("default");
        assertThat(new Environment(Map.of(), osDefault, prefs).dataFolder()).isEqualTo(chosen);
        assertThat(new Environment(Map.of(), osDefault, null).dataFolder()).isEqualTo(osDefault);
        Environment explicit = Environment.of(Map.of("LEADDESK_HOME", home.toString()));
        assertThat(explicit.dataFolder()).isEqualTo(home);
        assertThat(explicit.preferences()).as("LEADDESK_HOME: the chosen folder is not even read").isNull();
        assertThat(explicit.databaseFile()).isEqualTo(home.resolve("leaddesk.db"));
    }

    @Test
    void eachBadValueIsOneInputSentenceNamingTheVariable() {
        Map<String, String> bad = Map.of(
                "LEADDESK_GRAPH_URL", "graph.facebook.com",
                "LEADDESK_GRAPH_VERSION", "latest",
                "LEADDESK_PAGE_SIZE", "0",
                "LEADDESK_MAX_RETRY_SECONDS", "-1");
        for (var e : bad.entrySet()) {
            Environment env = env(Map.of(e.getKey(), e.getValue()));
            assertThatThrownBy(env::graphSettings).as(e.getKey())
                    .isInstanceOfSatisfying(LeadDeskException.class, x -> {
                        assertThat(x.failureKind()).isEqualTo(FailureKind.INPUT);
                        assertThat(x.getMessage()).startsWith(e.getKey()).contains("'" + e.getValue() + "'").endsWith(".")
                                .doesNotContain("Exception");
                    });
            assertThatThrownBy(env::validate).isInstanceOf(LeadDeskException.class);
        }
        for (String size : new String[]{"5001", "-5", "ten", "99999999999"}) {
            assertThatThrownBy(() -> env(Map.of("LEADDESK_PAGE_SIZE", size)).graphSettings())
                    .hasMessage("LEADDESK_PAGE_SIZE must be a number of leads from 1 to 5000, not '" + size + "'.");
        }
        for (String url : new String[]{"ftp://x", "http://", "http://h/?q=1", "::bogus", "http://u:p@host"}) {
            assertThatThrownBy(() -> env(Map.of("LEADDESK_GRAPH_URL", url)).graphSettings()).as(url)
                    .hasMessageContaining("must be an http or https address");
        }
        assertThat(env(Map.of("LEADDESK_MAX_RETRY_SECONDS", "86400")).graphSettings().maxRetryTime()).isEqualTo(Duration.ofDays(1));
        env(Map.of("LEADDESK_GRAPH_URL", "https://graph.facebook.com")).validate();
    }

    @Test
    void concurrencyComesFromLeaddeskConcurrencyAndIsCheckedLikeTheOthers() {
        assertThat(env(Map.of()).graphSettings().concurrency()).isEqualTo(GraphSettings.DEFAULT_CONCURRENCY).isEqualTo(6);
        assertThat(env(Map.of("LEADDESK_CONCURRENCY", " 2 ")).graphSettings().concurrency()).isEqualTo(2);
        assertThat(env(Map.of("LEADDESK_CONCURRENCY", "16")).graphSettings().concurrency()).isEqualTo(16);
        for (String n : new String[]{"0", "17", "-1", "many", "6.5"}) {
            Environment e = env(Map.of("LEADDESK_CONCURRENCY", n));
            assertThatThrownBy(e::graphSettings).as(n).isInstanceOfSatisfying(LeadDeskException.class, x -> {
                assertThat(x.failureKind()).isEqualTo(FailureKind.INPUT);
                assertThat(x.getMessage()).isEqualTo("LEADDESK_CONCURRENCY must be a number of requests at once from 1 to 16, not '"
                        + n + "'.");
            });
            assertThatThrownBy(e::validate).isInstanceOf(LeadDeskException.class);
        }
    }

    @Test
    void aTokenWithCharactersNoMetaTokenHasIsAnAccessProblemThatNeverRepeatsTheToken() {
        for (String token : new String[]{"EAABsecret\nline", "EAAB secret", "EAABséçret", "EAAB\u0000x"}) {
            assertThatThrownBy(() -> env(Map.of("LEADDESK_TOKEN", token)).token()).as(token)
                    .isInstanceOfSatisfying(LeadDeskException.class, x -> {
                        assertThat(x.failureKind()).isEqualTo(FailureKind.ACCESS);
                        assertThat(x.getMessage()).startsWith("The token contains characters a Meta token never has")
                                .doesNotContain("secret").doesNotContain("EAAB");
                    });
        }
        assertThat(env(Map.of("LEADDESK_TOKEN", "  EAAB-ok_1.2|x \n")).token().reveal()).isEqualTo("EAAB-ok_1.2|x");
        assertThatThrownBy(() -> env(Map.of()).token()).isInstanceOfSatisfying(LeadDeskException.class,
                x -> assertThat(x.failureKind()).isEqualTo(FailureKind.ACCESS));
        assertThat(env(Map.of()).hasToken()).isFalse();
    }
}
