package io.leaddesk.cli;

import io.leaddesk.model.LeadDeskException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The headless command line: {@code leaddesk COMMAND [options]}. Every command prints one plain sentence on failure
 * (a stack trace only with {@code --debug}) and exits with a code from {@link ExitCode}; what it prints on stderr is
 * made safe for a terminal ({@link TerminalText}); a failure to write stdout ends the run with exit code 5.
 */
@Command(name = "leaddesk", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "LeadDesk: pull Meta Lead Ads leads into a local cache, review and export them.",
        subcommands = {
                WhoamiCommand.class, PagesCommand.class, FormsCommand.class, SyncCommand.class, LeadsCommand.class,
                ReviewCommand.class, ForgetCommand.class, ExportCommand.class, ImportCommand.class,
                SampleServerCommand.class, DoctorCommand.class, TokenCommand.class
        },
        footer = {"", "Environment: LEADDESK_TOKEN (access token, never an argument), LEADDESK_GRAPH_URL, LEADDESK_GRAPH_VERSION,",
                "LEADDESK_HOME (data folder), LEADDESK_APP_SECRET (optional, for appsecret_proof and 'token extend'),",
                "LEADDESK_APP_ID (optional, the Meta app's id, for 'token extend' and the token's expiry),",
                "LEADDESK_PAGE_SIZE (leads per result page to start with, 1 to 5000, default 500; a sync grows it",
                "to twice that, at most 1000, while pages come full), LEADDESK_CONCURRENCY (requests in flight, 1 to 16,",
                "default 6),",
                "LEADDESK_MAX_RETRY_SECONDS (how long to keep retrying, 0 to 86400, default 600).",
                "Exit codes: 0 ok, 2 usage or bad input, 3 token or permission, 4 Graph API or network, 5 local storage",
                "or output, 1 unexpected (a bug), 130 stopped with Ctrl+C."})
public final class Cli implements Runnable {
    /** Where the log is, inside the data folder (when there is one). */
    static final String LOG_FILE = "logs/leaddesk.log";

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of failures.")
    boolean debug;

    final CliEnvironment environment;

    Cli(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing command: try 'leaddesk --help'.");
    }

    /** The launcher's stdout: buffered UTF-8 that remembers why a write failed. */
    public static PrintStream standardOutput() {
        return Output.standard(new FileOutputStream(FileDescriptor.out));
    }

    /** The launcher's stderr: UTF-8, flushed at every line. */
    public static PrintStream standardError() {
        return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    }

    /**
     * Runs a command line in-process; returns the exit code. At the end stdout is flushed and checked: when what the
     * command printed could not be written, the run says so and exits 5 (unless the command failed already).
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        PrintStream safeErr = new PrintStream(TerminalText.guard(err), true, StandardCharsets.UTF_8);
        CliEnvironment environment = new CliEnvironment(env, out, safeErr);
        boolean debug = Arrays.asList(args).contains("--debug");
        try (CtrlC.Run ctrlC = CtrlC.begin()) {
            int code;
            try {
                code = execute(args, environment);
            } catch (RuntimeException | Error e) { // picocli passes Errors (OutOfMemoryError) on: still one sentence
                safeErr.println(message(e, environment));
                if (debug) {
                    e.printStackTrace(safeErr);
                }
                code = ExitCode.of(e);
            }
            out.flush();
            if (code == ExitCode.OK && Output.failed(out)) {
                safeErr.println(Output.sentence(out));
                code = ExitCode.STORAGE;
            }
            if (ctrlC.interrupted()) {
                code = ExitCode.INTERRUPTED;
            }
            safeErr.flush();
            return code;
        }
    }

    private static int execute(String[] args, CliEnvironment environment) {
        PrintStream err = environment.err();
        Cli root = new Cli(environment);
        CommandLine cl = new CommandLine(root, new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (BaseCommand.class.isAssignableFrom(cls)) {
                    K k = cls.getDeclaredConstructor().newInstance();
                    ((BaseCommand) k).environment = environment;
                    return k;
                }
                return CommandLine.defaultFactory().create(cls);
            }
        });
        cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(environment.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(ex.getMessage());
            err.println("Run 'leaddesk " + commandName(ex.getCommandLine()) + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug") || hasDebug(parseResult);
            err.println(message(ex, environment));
            if (debug) {
                ex.printStackTrace(err);
            }
            return ExitCode.of(ex);
        });
        cl.setExitCodeExceptionMapper(ExitCode::of);
        return cl.execute(args);
    }

    private static boolean hasDebug(CommandLine.ParseResult pr) {
        for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    private static String commandName(CommandLine cl) {
        String name = cl.getCommandName();
        return "leaddesk".equals(name) ? "" : name;
    }

    /** The one sentence a failure is told with: its own for a deliberate failure, else that it is a bug. */
    static String message(Throwable ex, CliEnvironment environment) {
        if (ex instanceof LeadDeskException && ex.getMessage() != null && !ex.getMessage().isBlank()) {
            return ex.getMessage();
        }
        if (ex instanceof java.io.UncheckedIOException u) {
            return FileProblem.sentence(u.getCause());
        }
        Path log = logFile(environment);
        return "Something unexpected went wrong, which is a bug in LeadDesk: run the command again with --debug to see"
                + " the details" + (log == null ? "" : " (the log is " + log + ")") + ", and please report it.";
    }

    private static Path logFile(CliEnvironment environment) {
        try {
            Path log = environment.dataFolder().resolve(LOG_FILE);
            return Files.isRegularFile(log) ? log : null;
        } catch (RuntimeException e) {
            return null; // no usable data folder: no log either
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[]{"LeadDesk " + (v == null ? "dev" : v)};
        }
    }
}
