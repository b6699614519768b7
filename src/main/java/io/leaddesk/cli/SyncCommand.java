package io.leaddesk.cli;

import io.leaddesk.graph.GraphClient;
import io.leaddesk.store.LeadStore;
import io.leaddesk.sync.FormOutcome;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncEvent;
import io.leaddesk.sync.SyncListener;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.sync.SyncService;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sync", mixinStandardHelpOptions = true, description = {"Pull leads into the local cache: progress on stderr, one summary line on stdout.",
        "After a form's first complete pull only newer leads are fetched; --full pulls everything again (still one row per lead).",
        "Ctrl+C stops cleanly: every page already fetched is kept and the next sync continues.",
        "Exits 4 when a form could not be read to the end (the next sync reads it again) or leads Meta sent incomplete were skipped.",
        "--watch keeps checking for new leads (each Page's forms first, then only the forms that changed) until Ctrl+C or SIGTERM,",
        "which end it after the page in flight with exit code 0: one line per check on stdout, e.g.",
        "'2026-12-01T08:12:00Z 3 new leads: Commande de Noël 3'. Network failures: it goes on, spaced out; token or permission: exit 3."})
final class SyncCommand extends BaseCommand {
    @Option(names = "--page", paramLabel = "ID", description = "Sync the forms of this Page (repeatable). Default: every Page.")
    List<String> pages = new ArrayList<>();

    @Option(names = "--form", paramLabel = "ID", description = "Sync this form (repeatable).")
    List<String> forms = new ArrayList<>();

    @Option(names = "--full", description = "Ignore what is cached and pull every lead again.")
    boolean full;

    @Option(names = "--watch", description = "Keep checking for new leads until Ctrl+C or SIGTERM (see above).")
    boolean watch;

    @Option(names = "--every", paramLabel = "DURATION", description = "With --watch: how often, e.g. 90s, 2m, 1h (default 5m, at least 1m).")
    String every;

    @Override
    public Integer call() {
        if (watch || every != null) {
            if (!watch || full) {
                throw new CliException(ExitCode.USAGE, !watch ? "--every goes with --watch: leaddesk sync --watch --every 2m."
                        : "--full cannot be watched: run 'leaddesk sync --full' once, then 'leaddesk sync --watch'.");
            }
            return new WatchLoop(env(), java.time.Clock.systemUTC()).run(pages, forms, every);
        }
        try (GraphClient graph = graph(); LeadStore store = openStore()) {
            SyncService sync = new SyncService(graph, store);
            Session session = signIn(sync, env());
            requireReachable(session, pages);
            SyncReport report;
            try (CtrlC ctrlC = new CtrlC("sync")) {
                report = sync.sync(session, new SyncRequest(Set.copyOf(pages), Set.copyOf(forms), full),
                        new Progress(env().err()), ctrlC.signal());
            }
            int exit = ExitCode.OK;
            for (FormOutcome o : report.forms()) {
                if (o.status() == FormOutcome.Status.FAILED || o.status() == FormOutcome.Status.SKIPPED
                        || o.status() == FormOutcome.Status.INCOMPLETE || (o.complete() && !o.skippedLeads().isEmpty())) {
                    env().err().println((o.formName() == null ? "" : o.formName() + ": ") + o.message());
                    exit = Math.max(exit, exitCode(o));
                }
            }
            env().out().println(report.summary());
            return exit;
        }
    }

    /**
     * A failed form by its failure; a form not found, a pull that stopped before the end, or one that completed
     * with skipped leads: 4 ("incomplete").
     */
    private static int exitCode(FormOutcome o) {
        if (o.status() == FormOutcome.Status.FAILED) {
            return failureCode(o);
        }
        return ExitCode.GRAPH;
    }

    private static int failureCode(FormOutcome o) {
        if (o.storageProblem()) {
            return ExitCode.STORAGE;
        }
        return o.errorKind() == null ? ExitCode.UNEXPECTED : ExitCode.of(o.errorKind());
    }

    /** Progress lines on stderr, at most one per form every half second. */
    static final class Progress implements SyncListener {
        private final PrintStream err;
        private final java.util.Map<String, Long> lastPrinted = new java.util.concurrent.ConcurrentHashMap<>();

        Progress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void onEvent(SyncEvent e) {
            if (e instanceof SyncEvent.Started s) {
                err.printf(Locale.ROOT, "Syncing %d forms (about %,d leads)...%n", s.forms(), s.expected());
            } else if (e instanceof SyncEvent.FormStarted f) {
                err.printf(Locale.ROOT, "  %s / %s: %s%n", f.pageName(), f.formName(), f.incremental() ? "new leads only" : "all leads");
            } else if (e instanceof SyncEvent.FormProgress p) {
                long now = System.nanoTime();
                Long last = lastPrinted.get(p.formId());
                if (last == null || now - last > 500_000_000L) {
                    lastPrinted.put(p.formId(), now);
                    err.printf(Locale.ROOT, "  form %s: %,d of ~%,d fetched, %,d new%n", p.formId(), p.fetched(), p.expected(), p.newLeads());
                }
            } else if (e instanceof SyncEvent.Waiting w) {
                err.printf(Locale.ROOT, "  form %s: waiting %d s (%s)%n", w.formId(), w.delay().toSeconds(), w.reason());
            } else if (e instanceof SyncEvent.FormFinished f) {
                FormOutcome o = f.outcome();
                err.printf(Locale.ROOT, "  %s: %s, %,d fetched, %,d new%s%n", o.formName(), o.status().name().toLowerCase(Locale.ROOT),
                        o.fetched(), o.newLeads(), o.skippedLeads().isEmpty() ? "" : String.format(Locale.ROOT, ", %,d skipped", o.skippedLeads().size()));
            }
        }
    }
}
