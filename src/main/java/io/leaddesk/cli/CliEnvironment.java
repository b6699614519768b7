package io.leaddesk.cli;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.store.DataFolder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command runs with: environment variables (the token only ever comes from {@code LEADDESK_TOKEN}),
 * and the streams to print to. Injectable so tests run commands in-process.
 */
public record CliEnvironment(Map<String, String> env, PrintStream out, PrintStream err) {
    public static final String TOKEN = "LEADDESK_TOKEN";
    public static final String GRAPH_URL = "LEADDESK_GRAPH_URL";
    public static final String GRAPH_VERSION = "LEADDESK_GRAPH_VERSION";
    public static final String HOME = "LEADDESK_HOME";
    public static final String APP_SECRET = "LEADDESK_APP_SECRET";
    /** Optional: leads asked for per result page (default 500). */
    public static final String PAGE_SIZE = "LEADDESK_PAGE_SIZE";
    /** Optional: how long, in seconds, to keep retrying transient failures and rate limits (default 600). */
    public static final String MAX_RETRY_SECONDS = "LEADDESK_MAX_RETRY_SECONDS";

    String get(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    boolean hasToken() {
        return get(TOKEN) != null;
    }

    AccessToken token() {
        String t = get(TOKEN);
        if (t == null) {
            throw new CliException(ExitCode.TOKEN,
                    "No access token: set the LEADDESK_TOKEN environment variable to a Meta user, page or system-user token.");
        }
        return new AccessToken(t);
    }

    GraphSettings graphSettings() {
        GraphSettings s = GraphSettings.defaults();
        if (get(GRAPH_URL) != null) {
            s = s.withBaseUrl(stripSlash(get(GRAPH_URL)));
        }
        if (get(GRAPH_VERSION) != null) {
            s = s.withVersion(get(GRAPH_VERSION));
        } else {
            String chosen = settings().graphVersion(); // the version picked in the desktop app's Settings
            if (chosen != null && io.leaddesk.store.AppSettings.isValidVersion(chosen)) {
                s = s.withVersion(chosen);
            }
        }
        if (get(APP_SECRET) != null) {
            s = s.withAppSecret(get(APP_SECRET));
        }
        if (get(PAGE_SIZE) != null) {
            s = s.withPageSize(positive(PAGE_SIZE));
        }
        if (get(MAX_RETRY_SECONDS) != null) {
            s = s.withMaxRetryTime(java.time.Duration.ofSeconds(positive(MAX_RETRY_SECONDS)));
        }
        return s;
    }

    /** LEADDESK_HOME, else the data folder chosen in the desktop app's Settings, else the OS default. */
    Path dataFolder() {
        return io.leaddesk.store.SettingsStore.forEnvironment(env).dataFolder();
    }

    io.leaddesk.store.AppSettings settings() {
        return io.leaddesk.store.SettingsStore.forEnvironment(env).load();
    }

    Path databaseFile() {
        return DataFolder.databaseFile(dataFolder());
    }

    private int positive(String name) {
        try {
            int n = Integer.parseInt(get(name));
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new CliException(ExitCode.USAGE, name + " must be a whole number, not '" + get(name) + "'.");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
