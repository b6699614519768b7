package io.leaddesk.cli;

import io.leaddesk.graph.GraphClient;
import io.leaddesk.live.AutoSync;
import io.leaddesk.live.LiveEvent;
import io.leaddesk.live.LiveRound;
import io.leaddesk.live.LiveScheduler;
import io.leaddesk.live.NetworkCheck;
import io.leaddesk.live.RoundResult;
import io.leaddesk.live.SyncGate;
import io.leaddesk.store.LeadStore;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncService;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code leaddesk sync --watch [--every DURATION]}: auto-sync rounds ({@link LiveRound}, the same as the app's) until
 * Ctrl+C or SIGTERM, which end it after the result page in flight with exit code 0. One line per round on stdout,
 * starting with the time ({@code 2026-12-01T08:12:00Z 3 new leads: Commande de Noël 3}, {@code 0 new leads} for a
 * quiet round; "new" = new to the cache); progress and problems on stderr. Network and server failures: the rounds go
 * on, spaced out ({@link AutoSync}); the token or a permission ends it with exit code 3, the cache with 5.
 */
final class WatchLoop {
    /** The default interval. */
    static final Duration DEFAULT_EVERY = Duration.ofMinutes(5);
    /** The shortest interval a user may ask for. */
    static final Duration MINIMUM = Duration.ofMinutes(1);
    /** For tests only: a shorter minimum (a DURATION), so a child process can show three rounds in seconds. */
    static final String TEST_MINIMUM = "LEADDESK_TEST_WATCH_MINIMUM";
    private static final Pattern PART = Pattern.compile("(\\d{1,6})(h|min|m|s)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final CliEnvironment env;
    private final Clock clock;

    WatchLoop(CliEnvironment env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    /**
     * {@code 90s}, {@code 2m}, {@code 1h}, {@code 1h30m} (units h, m or min, s) into a duration.
     *
     * @throws IllegalArgumentException when it is none
     */
    static Duration parseDuration(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = PART.matcher(s);
        Duration d = Duration.ZERO;
        int at = 0;
        while (at < s.length() && m.find(at) && m.start() == at) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            });
            at = m.end();
        }
        if (s.isEmpty() || at != s.length() || d.isZero()) {
            throw new IllegalArgumentException(text);
        }
        return d;
    }

    /** The interval {@code --every} asks for; exit code 2 with one sentence when it is not one. */
    Duration interval(String every) {
        Duration minimum = MINIMUM;
        String test = env.get(TEST_MINIMUM);
        if (test != null) {
            try {
                minimum = parseDuration(test);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCode.USAGE, TEST_MINIMUM + " must be a duration such as 1s or 2m.");
            }
        }
        if (every == null) {
            return DEFAULT_EVERY;
        }
        Duration d;
        try {
            d = parseDuration(every);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--every takes a duration such as 90s, 2m or 1h, not " + every + ".");
        }
        if (d.compareTo(minimum) < 0) {
            throw new CliException(ExitCode.USAGE, "--every " + every + " is too often: check at most once a minute"
                    + " (--every 1m), so that Meta's rate limits last.");
        }
        return d;
    }

    /** Runs rounds until a signal or an access problem; returns the exit code. */
    int run(List<String> pages, List<String> forms, String every) {
        Duration interval = interval(every);
        PrintStream out = env.out();
        PrintStream err = env.err();
        try (GraphClient graph = new GraphClient(env.graphSettings());
             LeadStore store = LeadStore.open(env.databaseFile())) {
            SyncService service = new SyncService(graph, store);
            Session session = BaseCommand.signIn(service, env);
            BaseCommand.requireReachable(session, pages);
            LiveRound round = new LiveRound(LiveRound.serviceFor(service, clock), session, clock, Set.copyOf(pages),
                    Set.copyOf(forms));
            CompletableFuture<Integer> end = new CompletableFuture<>();
            err.printf(Locale.ROOT, "Checking for new leads every %s; Ctrl+C stops.%n", human(interval));
            try (CtrlC ctrlC = new CtrlC("sync-watch");
                 LiveScheduler scheduler = LiveScheduler.threads("leaddesk-watch")) {
                ctrlC.stopEndsWith(ExitCode.OK);
                AutoSync auto = new AutoSync(round, new SyncGate(), scheduler, clock, graph::usage,
                        NetworkCheck.forGraph(graph.settings().baseUrl()), new SyncCommand.Progress(err),
                        e -> onEvent(e, end));
                try {
                    auto.start(interval, Duration.ZERO);
                    while (!end.isDone() && !ctrlC.signal().isCancelled()) {
                        try {
                            end.get(200, TimeUnit.MILLISECONDS);
                        } catch (TimeoutException e) {
                            // look at the signal again
                        }
                    }
                } finally {
                    auto.close(); // a round in flight stops after its result page
                }
                out.flush();
                return end.isDone() ? end.get() : ExitCode.OK;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.OK;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void onEvent(LiveEvent e, CompletableFuture<Integer> end) {
        PrintStream err = env.err();
        if (e instanceof LiveEvent.RoundFinished f) {
            RoundResult r = f.result();
            if (r.outcome() != RoundResult.Outcome.CANCELLED || r.newToCache() > 0) {
                env.out().println(line(r));
                env.out().flush();
                if (Output.failed(env.out())) {
                    err.println(Output.sentence(env.out()));
                    end.complete(ExitCode.STORAGE);
                }
            }
            if (r.problem() != null && r.outcome() != RoundResult.Outcome.ACCESS
                    && r.outcome() != RoundResult.Outcome.STORAGE) {
                err.println(r.problem());
            }
        } else if (e instanceof LiveEvent.Trouble t) {
            err.println("The checks go on, spaced out: the next one at " + time(t.nextRound()) + ".");
        } else if (e instanceof LiveEvent.TroubleOver) {
            err.println("Checking for new leads works again.");
        } else if (e instanceof LiveEvent.RoundSkipped s) {
            err.println(switch (s.reason()) {
                case STILL_RUNNING -> "The check due now was skipped: the previous one still runs.";
                case SYNC_IN_PROGRESS -> "The check due now was skipped: another sync runs.";
                case META_ASKED_TO_WAIT -> "Meta asked LeadDesk to wait: the next check is at " + time(s.nextRound()) + ".";
            });
        } else if (e instanceof LiveEvent.Pace p) {
            err.printf(Locale.ROOT, "Meta reports %d%% of its rate limit used: checking every %s for now.%n",
                    p.usagePercent(), human(p.every()));
        } else if (e instanceof LiveEvent.Paused) {
            err.println("No network: the checks wait until it is back.");
        } else if (e instanceof LiveEvent.Resumed r) {
            err.println("Checks go on: the next one at " + time(r.nextRound()) + ".");
        } else if (e instanceof LiveEvent.Stopped s) {
            err.println(s.sentence());
            end.complete(ExitCode.of(s.kind()));
        }
    }

    /** {@code 2026-12-01T08:12:00Z 3 new leads: Commande de Noël 3, Get a quote 1}. */
    static String line(RoundResult r) {
        StringBuilder sb = new StringBuilder(time(r.started())).append(' ');
        long n = r.newToCache();
        sb.append(String.format(Locale.ROOT, "%,d", n)).append(n == 1 ? " new lead" : " new leads");
        for (int i = 0; i < r.cached().size(); i++) {
            RoundResult.FormCount c = r.cached().get(i);
            String name = c.formName() == null || c.formName().isBlank() ? c.formId() : c.formName();
            sb.append(i == 0 ? ": " : ", ").append(TerminalText.cell(name)).append(' ')
                    .append(String.format(Locale.ROOT, "%,d", c.count()));
        }
        if (r.outcome() == RoundResult.Outcome.CANCELLED) {
            sb.append(" (stopped; what was fetched is kept)");
        } else if (r.outcome() != RoundResult.Outcome.OK) {
            sb.append(" (the check failed: see stderr)");
        }
        return sb.toString();
    }

    private static String time(Instant t) {
        return t == null ? "?" : TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    private static String human(Duration d) {
        if (d.toSeconds() % 3600 == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        if (d.toSeconds() % 60 == 0) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        return d.toSeconds() + (d.toSeconds() == 1 ? " second" : " seconds");
    }
}
