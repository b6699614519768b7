package io.leaddesk.cli;

import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample-server", mixinStandardHelpOptions = true, description = {"Run the built-in sample Graph API on 127.0.0.1 in the foreground (invented data; Ctrl+C stops it).",
        "Point the other commands at it with LEADDESK_GRAPH_URL and one of the tokens it prints.",
        "To reproduce a server whose pages shift while people submit leads: --max-page-size 25 --cursor offset --arrivals 25,25,25,25,5.",
        "To watch leads arrive (leaddesk sync --watch): --trickle 3/min."},
        footer = {"", SampleTokens.DESCRIPTION})
final class SampleServerCommand extends BaseCommand {
    @Option(names = "--port", paramLabel = "N", description = "Port (default: a free one).")
    int port;

    @Option(names = "--leads", paramLabel = "N", description = "Total leads across all forms (default: ${DEFAULT-VALUE}).", defaultValue = "5000")
    int leads;

    @Option(names = "--faults", paramLabel = "SPEC", description = {"Fault injection, e.g. transient=0.05,ratelimit=0.02,truncate=0.02,usage=90,seed=7.",
            "transient, ratelimit, truncate: share of /leads and /leadgen_forms requests answered with a temporary error, a rate limit, or a body cut in half;",
            "badleads: share of leads served malformed (no id, no created_time, or a created_time that is not a date), the same leads on every request;",
            "usage: the percentage X-App-Usage reports; seed: the dice seed."})
    String faults;

    @Option(names = "--latency-ms", paramLabel = "N", description = "Latency added to every response.")
    int latencyMs;

    @Option(names = "--max-page-size", paramLabel = "N", description = "Largest page the server serves; a larger limit is capped silently (default: ${DEFAULT-VALUE}).", defaultValue = "1000")
    int maxPageSize;

    @Option(names = "--cursor", paramLabel = "KIND", description = "Paging cursors of /leads: keyset (default; pages never shift) or offset "
            + "(counted from the newest lead: a lead that arrives while a client pages pushes later pages down, so pages repeat leads).", defaultValue = "keyset")
    String cursor;

    @Option(names = "--arrivals", paramLabel = "N[,N...]", description = "New leads that arrive in a form at each request for its leads, as if people submitted while a sync runs "
            + "(default: none). Several numbers are used in turn, request after request: 25,25,25,25,5 gives bursts in which whole pages repeat.")
    String arrivals;

    @Option(names = "--trickle", paramLabel = "N/min", description = "New leads that arrive over time in the active forms, in turn, as people submit them: "
            + "N a minute (N/min) or an hour (N/h); default none. The demo of auto-sync and 'sync --watch'.")
    String trickle;

    @Override
    public Integer call() throws InterruptedException {
        if (leads < 0 || port < 0 || port > 65535 || latencyMs < 0 || maxPageSize < 1) {
            throw new CliException(ExitCode.USAGE, "--leads, --port, --latency-ms and --max-page-size must be positive numbers (port at most 65535).");
        }
        SampleOptions options;
        try {
            options = SampleOptions.defaults().withLeads(leads).withPort(port).withFaults(faults).withLatencyMs(latencyMs)
                    .withMaxPageSize(maxPageSize).withCursor(SampleOptions.Cursor.parse(cursor)).withArrivals(SampleOptions.parseArrivals(arrivals))
                    .withTrickle(SampleOptions.parseTrickle(trickle));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "The sample server options are not valid (" + e.getMessage() + "); see 'leaddesk sample-server --help'.", e);
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (SampleGraphServer server = SampleGraphServer.start(options)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "leaddesk-sample-shutdown"));
            env().out().println("Sample Graph API (invented data) listening on " + server.baseUrl());
            env().out().println("Use: LEADDESK_GRAPH_URL=" + server.baseUrl());
            env().out().println(SampleTokens.describe());
            env().out().flush();
            stop.await();
        }
        return ExitCode.OK;
    }
}
