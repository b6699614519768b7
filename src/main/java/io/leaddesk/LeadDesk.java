package io.leaddesk;

import io.leaddesk.cli.Cli;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The launcher: with no arguments it opens the desktop app; with a command it runs the headless command line.
 * It does not extend Application, so {@code java -jar leaddesk.jar} works with JavaFX on the class path.
 */
public final class LeadDesk {
    private LeadDesk() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            Class.forName("io.leaddesk.ui.LeadDeskApp").getMethod("main", String[].class).invoke(null, (Object) args);
            // The window has closed and the app has shut down: end the process even if a library left a
            // non-daemon thread behind (as java-keyring's D-Bus connection did), instead of lingering unseen.
            System.exit(0);
        }
        io.leaddesk.diagnostics.Logs.forCli(java.util.Arrays.asList(args).contains("--debug"));
        PrintStream out = new PrintStream(new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = Cli.run(args, System.getenv(), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
