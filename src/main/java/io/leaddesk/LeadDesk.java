package io.leaddesk;

import io.leaddesk.cli.Cli;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Map;

/**
 * The launcher: with no arguments it opens the desktop app; with a command it runs the headless command line.
 * It does not extend Application, so {@code java -jar leaddesk.jar} works with JavaFX on the class path.
 */
public final class LeadDesk {
    /** What is said, with exit code 2, when the app is asked for where no window can open. */
    public static final String NO_DISPLAY = "No display: run a command, or start LeadDesk from a desktop session.";
    private static final int NO_DISPLAY_EXIT = 2;

    /** Held so the logger keeps the level set here (java.util.logging keeps loggers weakly). */
    private static java.util.logging.Logger javafxLog;

    private LeadDesk() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.exit(openApp());
        }
        io.leaddesk.diagnostics.Logs.forCli(java.util.Arrays.asList(args).contains("--debug"));
        PrintStream out = Cli.standardOutput();
        PrintStream err = Cli.standardError();
        int code = Cli.run(args, System.getenv(), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Opens the desktop app and returns the exit code once its window has closed. */
    private static int openApp() {
        if (!canShowWindow(System.getProperty("os.name", ""), System.getenv())) {
            System.err.println(NO_DISPLAY);
            return NO_DISPLAY_EXIT;
        }
        // JavaFX warns on every start that it is on the class path: nothing a user can act on, and it would come
        // before the one sentence when the toolkit cannot start. Only that record is dropped.
        javafxLog = java.util.logging.Logger.getLogger("javafx");
        javafxLog.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        try {
            Class.forName("io.leaddesk.ui.LeadDeskApp").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (isToolkitFailure(cause)) {
                System.err.println(NO_DISPLAY);
                return NO_DISPLAY_EXIT;
            }
            System.err.println("The desktop app stopped on a problem it did not expect, which is a bug in LeadDesk;"
                    + " please report it.");
            return 1;
        } catch (ReflectiveOperationException e) {
            System.err.println("The desktop app is missing from this installation; reinstall LeadDesk, or run a command.");
            return 1;
        }
        // The window has closed and the app has shut down: end the process even if a library left a
        // non-daemon thread behind (as java-keyring's D-Bus connection did), instead of lingering unseen.
        return 0;
    }

    /**
     * False on Linux and other X11/Wayland systems when neither DISPLAY nor WAYLAND_DISPLAY is set; true elsewhere
     * (Windows and macOS have a window system whenever someone is logged in; a failure there is caught on start).
     */
    static boolean canShowWindow(String osName, Map<String, String> env) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac") || os.startsWith("darwin")) {
            return true;
        }
        return !blank(env.get("DISPLAY")) || !blank(env.get("WAYLAND_DISPLAY"));
    }

    /** The toolkit could not start: no display to open, no graphics pipeline, no native libraries. */
    static boolean isToolkitFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (c instanceof UnsupportedOperationException || c instanceof UnsatisfiedLinkError
                    || m.contains("display") || m.contains("toolkit") || m.contains("pipeline")
                    || m.contains("graphics device")) {
                return true;
            }
            StackTraceElement[] st = c.getStackTrace();
            if (st.length > 0 && st[0].getClassName().startsWith("com.sun.glass.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
