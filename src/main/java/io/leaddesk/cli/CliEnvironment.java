package io.leaddesk.cli;

import io.leaddesk.config.Environment;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.store.AppSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command runs with: the {@link Environment} (variables, then the app's settings, then defaults; the token only
 * ever comes from {@code LEADDESK_TOKEN}), and the streams to print to. Injectable so tests run commands in-process.
 * {@code err} is made safe for a terminal by {@link Cli#run}; {@code out} is exactly what the command prints.
 */
public record CliEnvironment(Map<String, String> env, PrintStream out, PrintStream err, Environment config) {
    public static final String TOKEN = Environment.TOKEN;
    public static final String GRAPH_URL = Environment.GRAPH_URL;
    public static final String GRAPH_VERSION = Environment.GRAPH_VERSION;
    public static final String HOME = Environment.HOME;
    public static final String APP_SECRET = Environment.APP_SECRET;
    /** Optional: leads asked for per result page (default 500, at most {@link Environment#MAX_PAGE_SIZE}). */
    public static final String PAGE_SIZE = Environment.PAGE_SIZE;
    /** Optional: how long, in seconds, to keep retrying transient failures and rate limits (default 600). */
    public static final String MAX_RETRY_SECONDS = Environment.MAX_RETRY_SECONDS;

    public CliEnvironment(Map<String, String> env, PrintStream out, PrintStream err) {
        this(env, out, err, Environment.of(env));
    }

    String get(String name) {
        return config.variable(name);
    }

    boolean hasToken() {
        return config.hasToken();
    }

    /** LEADDESK_TOKEN; exit code 3 with one sentence when there is none or it cannot be a Meta token. */
    AccessToken token() {
        return config.token();
    }

    /** Variables, then the Graph version chosen in the desktop app's Settings, then defaults; exit 2 on a bad variable. */
    GraphSettings graphSettings() {
        return config.graphSettings();
    }

    /** LEADDESK_HOME, else the data folder chosen in the desktop app's Settings, else the OS default. */
    Path dataFolder() {
        return config.dataFolder();
    }

    AppSettings settings() {
        return config.settings();
    }

    Path databaseFile() {
        return config.databaseFile();
    }

    /**
     * Fails with exit code 5 and one sentence when what was printed so far could not be written (a full disk, a
     * closed pipe). Long listings call it now and then, so they stop instead of writing on into nothing.
     */
    void checkOutput() {
        if (Output.failed(out)) {
            throw new CliException(ExitCode.STORAGE, Output.sentence(out));
        }
    }
}
