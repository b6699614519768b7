package io.leaddesk.cli;

import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample-server", mixinStandardHelpOptions = true, description = {"Run the built-in sample Graph API on 127.0.0.1 in the foreground (invented data; Ctrl+C stops it).",
        "Point the other commands at it with LEADDESK_GRAPH_URL and one of the tokens it prints."})
final class SampleServerCommand extends BaseCommand {
    @Option(names = "--port", paramLabel = "N", description = "Port (default: a free one).")
    int port;

    @Option(names = "--leads", paramLabel = "N", description = "Total leads across all forms (default: ${DEFAULT-VALUE}).", defaultValue = "5000")
    int leads;

    @Option(names = "--faults", paramLabel = "SPEC", description = "Fault injection, e.g. transient=0.05,ratelimit=0.02,truncate=0.02,usage=90,seed=7")
    String faults;

    @Option(names = "--latency-ms", paramLabel = "N", description = "Latency added to every response.")
    int latencyMs;

    @Override
    public Integer call() throws InterruptedException {
        if (leads < 0 || port < 0 || port > 65535 || latencyMs < 0) {
            throw new CliException(ExitCode.USAGE, "--leads, --port and --latency-ms must be positive numbers (port at most 65535).");
        }
        SampleOptions options;
        try {
            options = SampleOptions.defaults().withLeads(leads).withPort(port).withFaults(faults).withLatencyMs(latencyMs);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--faults '" + faults + "' is not a fault spec (" + e.getMessage()
                    + "); write it like transient=0.05,ratelimit=0.02,truncate=0.02,usage=90,seed=7.");
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
