package io.leaddesk.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The headless command line: {@code leaddesk COMMAND [options]}. Every command prints one plain sentence on failure
 * (a stack trace only with {@code --debug}) and exits with a code from {@link ExitCode}.
 */
@Command(name = "leaddesk", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "LeadDesk: pull Meta Lead Ads leads into a local cache, review and export them.",
        subcommands = {
                WhoamiCommand.class, PagesCommand.class, FormsCommand.class, SyncCommand.class, LeadsCommand.class,
                ReviewCommand.class, ForgetCommand.class, ExportCommand.class, SampleServerCommand.class
        },
        footer = {"", "Environment: LEADDESK_TOKEN (access token, never an argument), LEADDESK_GRAPH_URL, LEADDESK_GRAPH_VERSION,",
                "LEADDESK_HOME (data folder), LEADDESK_APP_SECRET (optional, for appsecret_proof).",
                "Exit codes: 0 ok, 2 usage or bad input, 3 token or permission, 4 Graph API or network, 5 local storage, 1 unexpected."})
public final class Cli implements Runnable {

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

    /** Runs a command line in-process; returns the exit code. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        CliEnvironment environment = new CliEnvironment(env, out, err);
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
        cl.setOut(new java.io.PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(ex.getMessage());
            err.println("Run 'leaddesk " + commandName(ex.getCommandLine()) + " --help' for usage.");
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean debug = parseResult.hasMatchedOption("--debug") || hasDebug(parseResult);
            err.println(message(ex));
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

    static String message(Throwable ex) {
        if (ex instanceof io.leaddesk.graph.GraphException || ex instanceof io.leaddesk.store.StoreException
                || ex instanceof CliException) {
            return ex.getMessage();
        }
        if (ex instanceof java.io.UncheckedIOException u) {
            return "A file could not be read or written: " + u.getCause().getMessage() + ".";
        }
        return "Something unexpected went wrong (" + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                + "). Run again with --debug to see the details, and report it if it keeps happening.";
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[]{"LeadDesk " + (v == null ? "dev" : v)};
        }
    }
}
