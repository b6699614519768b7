package io.leaddesk.diagnostics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the log goes (decision 0007). The code logs through SLF4J, bound to java.util.logging (slf4j-jdk14), which
 * this class sets up once at start:
 * <ul>
 * <li>the app ({@link #forApp}): {@code logs/leaddesk.log} in the data folder, INFO and up with stack traces, at most
 * {@value #FILES} files of 2 MB, owner-only; WARN and up also on stderr (seen when started from a terminal);</li>
 * <li>the command line ({@link #forCli}): WARN and up on stderr without stack traces, as quiet as before; with
 * {@code --debug} (or {@code -Dleaddesk.logLevel=debug}) DEBUG and up with stack traces. No file.</li>
 * </ul>
 * Both install a default uncaught-exception handler that logs the failure at ERROR; the app adds what the user is
 * told ({@link #onUncaught}). {@link #close()} puts back what was there before (tests set logging up more than once).
 */
public final class Logs implements AutoCloseable {
    public static final String FOLDER = "logs";
    public static final String FILE_NAME = "leaddesk.log";
    public static final long FILE_LIMIT = 2L * 1024 * 1024;
    public static final int FILES = 3;
    /** System property overriding the command line's level: error, warn, info, debug or trace. */
    public static final String LEVEL_PROPERTY = "leaddesk.logLevel";

    /** Held here: java.util.logging keeps loggers only weakly, and with them the levels set on them. */
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger OURS = Logger.getLogger("io.leaddesk");

    private final Logger root = ROOT;
    private final Logger ours = OURS;
    private final Handler[] previousHandlers;
    private final Level previousRootLevel;
    private final Level previousOurLevel;
    private final Thread.UncaughtExceptionHandler previousUncaught;
    private final List<Handler> installed = new ArrayList<>();
    private final RollingLogFile file;
    private volatile Consumer<Throwable> onUncaught = t -> { };

    private Logs(Level rootLevel, Level ourLevel, List<Handler> handlers, RollingLogFile file) {
        this.previousHandlers = root.getHandlers();
        this.previousRootLevel = root.getLevel();
        this.previousOurLevel = ours.getLevel();
        this.previousUncaught = Thread.getDefaultUncaughtExceptionHandler();
        this.file = file;
        for (Handler h : previousHandlers) {
            root.removeHandler(h);
        }
        root.setLevel(rootLevel);
        ours.setLevel(ourLevel);
        for (Handler h : handlers) {
            root.addHandler(h);
            installed.add(h);
        }
        Thread.setDefaultUncaughtExceptionHandler(this::uncaught);
    }

    /** The log file of the app for this data folder: {@code <data folder>/logs/leaddesk.log}. */
    public static Path logFile(Path dataFolder) {
        return dataFolder.resolve(FOLDER).resolve(FILE_NAME);
    }

    /**
     * The app's logging: the rolling file in {@code dataFolder}, and WARN and up on stderr. When the file cannot be
     * created (a read-only folder), only stderr, and a warning saying why.
     */
    public static Logs forApp(Path dataFolder) {
        List<Handler> handlers = new ArrayList<>();
        handlers.add(stderr(Level.WARNING, true));
        RollingLogFile file = null;
        String problem = null;
        try {
            file = new RollingLogFile(logFile(dataFolder), FILE_LIMIT, FILES);
            file.setFormatter(new LogFormat(true, true));
            file.setLevel(Level.INFO);
            file.setEncoding("UTF-8");
            handlers.add(file);
        } catch (IOException | RuntimeException e) {
            problem = e.getMessage();
        }
        Logs logs = new Logs(Level.INFO, null, handlers, file);
        org.slf4j.Logger log = LoggerFactory.getLogger(Logs.class);
        if (problem != null) {
            log.warn("No log file: {} cannot be written ({})", logFile(dataFolder), problem);
        } else {
            log.info("LeadDesk {} on {} {}, Java {}", Diagnostics.version(), System.getProperty("os.name"),
                    System.getProperty("os.version"), System.getProperty("java.version"));
        }
        return logs;
    }

    /** The command line's logging: WARN and up on stderr; with {@code debug}, LeadDesk's DEBUG and stack traces too. */
    public static Logs forCli(boolean debug) {
        Level level = debug ? Level.FINE : Level.WARNING;
        String asked = System.getProperty(LEVEL_PROPERTY);
        if (asked != null && !asked.isBlank()) {
            level = parse(asked, level);
        }
        boolean detailed = level.intValue() < Level.WARNING.intValue();
        Level rootLevel = level.intValue() < Level.INFO.intValue() ? Level.INFO : level;
        return new Logs(rootLevel, level, List.of(stderr(level, detailed)), null);
    }

    private static Level parse(String name, Level otherwise) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "error" -> Level.SEVERE;
            case "warn", "warning" -> Level.WARNING;
            case "info" -> Level.INFO;
            case "debug" -> Level.FINE;
            case "trace", "all" -> Level.FINEST;
            default -> otherwise;
        };
    }

    /** Prints to whatever {@code System.err} is when the record comes (tests may replace it). */
    private static Handler stderr(Level level, boolean stackTraces) {
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (isLoggable(r)) {
                    System.err.print(getFormatter().format(r));
                    System.err.flush();
                }
            }

            @Override
            public void flush() {
                System.err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        h.setLevel(level);
        h.setFormatter(new LogFormat(stackTraces, stackTraces));
        return h;
    }

    private void uncaught(Thread t, Throwable e) {
        LoggerFactory.getLogger(Logs.class).error("Uncaught failure on thread {}", t.getName(), e);
        try {
            onUncaught.accept(e);
        } catch (RuntimeException ignored) {
            // telling the user must never fail the failing thread twice
        }
    }

    /** Also run for every uncaught failure, after it was logged (the app shows one sentence). */
    public void onUncaught(Consumer<Throwable> c) {
        this.onUncaught = c == null ? t -> { } : c;
    }

    /** The log file written, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file).map(RollingLogFile::file);
    }

    /** Writes out what is buffered, then puts the previous logging set-up back. */
    @Override
    public void close() {
        Thread.setDefaultUncaughtExceptionHandler(previousUncaught);
        for (Handler h : installed) {
            root.removeHandler(h);
            h.close();
        }
        installed.clear();
        for (Handler h : previousHandlers) {
            root.addHandler(h);
        }
        root.setLevel(previousRootLevel);
        ours.setLevel(previousOurLevel);
    }
}
