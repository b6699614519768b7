package io.leaddesk.config;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;
import io.leaddesk.store.AppSettings;
import io.leaddesk.store.DataFolder;
import io.leaddesk.store.SettingsStore;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.prefs.Preferences;
import java.util.regex.Pattern;

/**
 * What LeadDesk runs with, for the desktop app and the command line alike: environment variables first, then the
 * settings saved by the app ({@code settings.json} in the data folder), then the defaults. It decides the data folder
 * and the Graph wire settings in one place, and turns a bad variable into one plain sentence (a
 * {@link LeadDeskException} of kind {@link FailureKind#INPUT}, or {@link FailureKind#ACCESS} for the token).
 * Variables are checked when they are used, so a command that does not reach Graph is not stopped by a bad Graph one.
 */
public final class Environment {
    /** The access token (command line only: the app signs in with the token kept in the OS credential store). */
    public static final String TOKEN = "LEADDESK_TOKEN";
    /** The Graph API address, e.g. the sample server's {@code http://127.0.0.1:8765}. */
    public static final String GRAPH_URL = "LEADDESK_GRAPH_URL";
    /** The Graph API version, e.g. {@code v25.0}; wins over the version chosen in the app's Settings. */
    public static final String GRAPH_VERSION = "LEADDESK_GRAPH_VERSION";
    /** The data folder; wins over the folder chosen in the app's Settings. */
    public static final String HOME = "LEADDESK_HOME";
    /** The Meta app secret, for appsecret_proof (optional; in the app a secret given at sign-in wins). */
    public static final String APP_SECRET = "LEADDESK_APP_SECRET";
    /**
     * The Meta app's id (optional): with {@link #APP_SECRET} it lets LeadDesk exchange a short-lived user token for a
     * long-lived one and ask debug_token when the token expires.
     */
    public static final String APP_ID = "LEADDESK_APP_ID";
    /** Leads asked for per result page, 1 to {@link #MAX_PAGE_SIZE} (default 500). */
    public static final String PAGE_SIZE = "LEADDESK_PAGE_SIZE";
    /** How long, in seconds, retries of transient failures and rate limits may take, 0 to {@link #MAX_RETRY_SECONDS_LIMIT}. */
    public static final String MAX_RETRY_SECONDS = "LEADDESK_MAX_RETRY_SECONDS";

    /** The largest page size asked for: Graph answers much larger pages with "reduce the amount of data". */
    public static final int MAX_PAGE_SIZE = 5000;
    /** One day: a retry budget longer than that is a typo. */
    public static final int MAX_RETRY_SECONDS_LIMIT = 86_400;

    private static final Pattern VERSION = Pattern.compile("v?(\\d{1,3}\\.\\d{1,2})");

    private final Map<String, String> variables;
    private final Path defaultDataFolder;
    private final Preferences preferences;

    /**
     * @param variables         the environment variables (usually {@code System.getenv()})
     * @param defaultDataFolder the data folder when none is chosen in Settings ({@link DataFolder#resolve(Map)})
     * @param preferences       where the app keeps the pointer to a chosen data folder; null = none (tests, LEADDESK_HOME)
     */
    public Environment(Map<String, String> variables, Path defaultDataFolder, Preferences preferences) {
        this.variables = Map.copyOf(withoutNulls(variables));
        this.defaultDataFolder = defaultDataFolder;
        this.preferences = preferences;
    }

    /** The process environment, with the user's preferences for a chosen data folder. */
    public static Environment system() {
        return of(System.getenv());
    }

    /**
     * These variables, the operating system's data folder, and the user's preferences for a chosen data folder,
     * except when LEADDESK_HOME is set: then it is the data folder, whatever Settings chose (so scripts and tests are
     * never redirected, and never read the real preferences).
     */
    public static Environment of(Map<String, String> variables) {
        Map<String, String> v = withoutNulls(variables);
        boolean explicitHome = nonBlank(v.get(HOME)) != null;
        return new Environment(v, DataFolder.resolve(v), explicitHome ? null : SettingsStore.userPreferences());
    }

    /** A variable's value without surrounding blanks, or null when it is unset or blank. */
    public String variable(String name) {
        return nonBlank(variables.get(name));
    }

    /** All the variables (for code that passes them on). */
    public Map<String, String> variables() {
        return variables;
    }

    // ---- data folder and settings ---------------------------------------------------------------

    /** The data folder when none was chosen in Settings: LEADDESK_HOME, else the operating system's. */
    public Path defaultDataFolder() {
        return defaultDataFolder;
    }

    /** Where the pointer to a data folder chosen in Settings lives; null when there is none to honour. */
    public Preferences preferences() {
        return preferences;
    }

    public SettingsStore settingsStore() {
        return new SettingsStore(defaultDataFolder, preferences);
    }

    /** The data folder in use: LEADDESK_HOME, else the one chosen in Settings, else the operating system's. */
    public Path dataFolder() {
        return settingsStore().dataFolder();
    }

    /** The settings saved by the app (defaults when there are none). */
    public AppSettings settings() {
        return settingsStore().load();
    }

    public Path databaseFile() {
        return DataFolder.databaseFile(dataFolder());
    }

    // ---- the token ------------------------------------------------------------------------------

    public boolean hasToken() {
        return variable(TOKEN) != null;
    }

    /** LEADDESK_TOKEN, checked; an ACCESS failure when it is missing or cannot be a Meta token. */
    public AccessToken token() {
        String t = variable(TOKEN);
        if (t == null) {
            throw new LeadDeskException(FailureKind.ACCESS,
                    "No access token: set the LEADDESK_TOKEN environment variable to a Meta user, page or system-user token.");
        }
        return checkedToken(t);
    }

    /**
     * A token as typed or pasted, checked for characters no Meta token has (spaces or line breaks inside it, control
     * characters, non-ASCII letters) before it goes into an HTTP header. The message never repeats the token.
     */
    public static AccessToken checkedToken(String token) {
        String t = token == null ? "" : token.strip();
        if (t.isEmpty()) {
            throw new LeadDeskException(FailureKind.ACCESS, "The access token is empty; paste the whole token.");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw new LeadDeskException(FailureKind.ACCESS, "The token contains characters a Meta token never has"
                        + " (a space, a line break or a non-ASCII letter); copy it again exactly as Meta shows it.");
            }
        }
        return new AccessToken(t);
    }

    // ---- the app ------------------------------------------------------------------------------

    /** LEADDESK_APP_ID, checked (Meta app ids are digits); null when unset. */
    public String appId() {
        String id = variable(APP_ID);
        if (id == null) {
            return null;
        }
        if (!id.matches("\\d{1,30}")) {
            // the value is not repeated: it might be the secret, pasted into the wrong variable
            throw new LeadDeskException(FailureKind.INPUT, APP_ID + " must be the App ID of your Meta app, the number"
                    + " shown in Meta for Developers > your app > App settings > Basic.");
        }
        return id;
    }

    /** LEADDESK_APP_SECRET, or null when unset (never printed, logged or written anywhere). */
    public String appSecret() {
        return variable(APP_SECRET);
    }

    // ---- Graph ----------------------------------------------------------------------------------

    /** The Graph wire settings with the saved settings of the data folder. */
    public GraphSettings graphSettings() {
        String version = variable(GRAPH_VERSION);
        // Only read settings.json when a variable does not decide already.
        return graphSettings(version != null ? null : settings());
    }

    /**
     * The Graph wire settings: each variable when set, else the saved setting (the Graph version), else the default.
     *
     * @param settings the app's settings as it holds them (null = none)
     */
    public GraphSettings graphSettings(AppSettings settings) {
        GraphSettings s = GraphSettings.defaults();
        String url = graphUrl();
        if (url != null) {
            s = s.withBaseUrl(url);
        }
        String version = graphVersion();
        if (version != null) {
            s = s.withVersion(version);
        } else if (settings != null && AppSettings.isValidVersion(settings.graphVersion())) {
            s = s.withVersion(settings.graphVersion());
        }
        if (variable(APP_SECRET) != null) {
            s = s.withAppSecret(variable(APP_SECRET));
        }
        if (variable(PAGE_SIZE) != null) {
            s = s.withPageSize(number(PAGE_SIZE, 1, MAX_PAGE_SIZE, "a number of leads"));
        }
        if (variable(MAX_RETRY_SECONDS) != null) {
            s = s.withMaxRetryTime(Duration.ofSeconds(number(MAX_RETRY_SECONDS, 0, MAX_RETRY_SECONDS_LIMIT, "a number of seconds")));
        }
        return s;
    }

    /** Checks every variable LeadDesk reads (not the token); throws the first problem as one sentence. */
    public void validate() {
        graphSettings(null);
    }

    /** LEADDESK_GRAPH_URL without a trailing slash, checked; null when unset. */
    private String graphUrl() {
        String url = variable(GRAPH_URL);
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isEmpty()
                    && u.getRawQuery() == null && u.getRawFragment() == null && u.getRawUserInfo() == null) {
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
        } catch (URISyntaxException e) {
            // not an address: the sentence below
        }
        throw new LeadDeskException(FailureKind.INPUT, GRAPH_URL + " must be an http or https address such as"
                + " https://graph.facebook.com or http://127.0.0.1:8765, not '" + url + "'.");
    }

    /** LEADDESK_GRAPH_VERSION as {@code vNN.N}, checked; null when unset. */
    private String graphVersion() {
        String v = variable(GRAPH_VERSION);
        if (v == null) {
            return null;
        }
        var m = VERSION.matcher(v);
        if (!m.matches()) {
            throw new LeadDeskException(FailureKind.INPUT, GRAPH_VERSION + " must be a Graph API version such as "
                    + GraphSettings.DEFAULT_VERSION + ", not '" + v + "'.");
        }
        return "v" + m.group(1);
    }

    private int number(String name, int min, int max, String what) {
        String v = variable(name);
        try {
            long n = Long.parseLong(v);
            if (n >= min && n <= max) {
                return (int) n;
            }
        } catch (NumberFormatException ignored) {
            // the sentence below
        }
        throw new LeadDeskException(FailureKind.INPUT, String.format(Locale.ROOT,
                "%s must be %s from %d to %d, not '%s'.", name, what, min, max, v));
    }

    private static Map<String, String> withoutNulls(Map<String, String> m) {
        Map<String, String> out = new HashMap<>();
        if (m != null) {
            m.forEach((k, v) -> {
                if (k != null && v != null) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }

    private static String nonBlank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
