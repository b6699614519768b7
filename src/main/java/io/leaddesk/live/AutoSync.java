package io.leaddesk.live;

import io.leaddesk.graph.UsageSnapshot;
import io.leaddesk.model.FailureKind;
import io.leaddesk.store.LiveSettings;
import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.SyncListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Auto-sync: a round ({@link Rounds}, normally a {@link LiveRound}) every interval while the app is open.
 *
 * <p><b>Ticks, not timers.</b> A tick comes every {@link #tickPeriod} (at most 15 s) and looks at the wall clock: a
 * round runs when it is due, otherwise nothing happens. So there is never a queue of rounds to catch up with:
 * <ul>
 *   <li>a round that is due while the previous one still runs, while a manual sync runs ({@link SyncGate}), or while
 *       Meta asked to wait, is <em>skipped</em> ({@link LiveEvent.RoundSkipped}) and the next one is due an interval
 *       later;</li>
 *   <li>when the wall clock jumped between two ticks by more than the interval, the computer slept: the next round
 *       comes after a short grace (the network needs a moment after waking), once ({@link LiveEvent.Resumed});</li>
 *   <li>while there is no network ({@link NetworkCheck}) rounds pause ({@link LiveEvent.Paused}); when it comes back
 *       one round runs at once.</li>
 * </ul>
 *
 * <p><b>Meta's limits.</b> After each round the usage Meta reported ({@link UsageSnapshot}) sets the pace: under
 * 50% the chosen interval, then twice, four and eight times as long ({@link LiveEvent.Pace}), never more than an
 * hour unless the interval itself is longer; an {@code estimated_time_to_regain_access}, or a round stopped by the
 * rate limit, holds every round back until then.
 *
 * <p><b>Failures.</b> Network and server failures are told once ({@link LiveEvent.Trouble}); the next rounds go on,
 * spaced out (twice the interval after the first failure, doubling up to 30 minutes), until one succeeds ({@link LiveEvent.TroubleOver}). Token and permission
 * problems (and a cache that cannot be written) stop auto-sync ({@link LiveEvent.Stopped}) until {@link #resume()}.
 *
 * <p>Thread-safe; listeners are called outside its lock, on the ticking or the round's thread.
 */
public final class AutoSync implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AutoSync.class);

    /** The longest time between two ticks. */
    public static final Duration MAX_TICK = Duration.ofSeconds(15);
    /** Failed rounds are spaced out up to this (or the interval, when longer). */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    /** Rounds slowed down by Meta's usage come at most this far apart (or the interval, when longer). */
    public static final Duration MAX_PACE = Duration.ofHours(1);
    /** After the computer woke up, the next round waits this long (or the interval, when shorter). */
    public static final Duration WAKE_GRACE = Duration.ofSeconds(30);
    /** How long {@link #close()} waits for a round in flight to stop after its result page. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    /** One round: blocks until it ends; {@code cancel} stops it after the result page in flight. */
    @FunctionalInterface
    public interface Rounds {
        RoundResult run(SyncListener progress, CancelSignal cancel);
    }

    /** What auto-sync is doing. */
    public enum State {
        /** No interval chosen (or closed). */
        OFF,
        /** Waiting for the next round ({@link Status#nextRound()}). */
        WAITING,
        /** A round runs. */
        RUNNING,
        /** Rounds failed and are spaced out, or Meta asked to wait. */
        BACKING_OFF,
        /** No network. */
        PAUSED,
        /** Stopped by the token, a permission or the cache, until {@link #resume()}. */
        STOPPED
    }

    /** A snapshot for the status line. {@code sentence} is set when STOPPED or BACKING_OFF. */
    public record Status(State state, Instant nextRound, Instant lastRound, String sentence) {
    }

    private final Rounds rounds;
    private final SyncGate gate;
    private final LiveScheduler scheduler;
    private final Clock clock;
    private final Supplier<UsageSnapshot> usage;
    private final NetworkCheck network;
    private final SyncListener progress;
    private final LiveListener listener;

    private Duration interval;
    private AutoCloseable ticking;
    private Instant lastTick;
    private Instant nextDue;
    private Instant lastRound;
    private Instant waitUntil;
    private boolean running;
    private boolean roundBegan;
    private CancelSignal roundCancel;
    private int failures;
    private boolean trouble;
    private String troubleSentence;
    private boolean offline;
    private int pace = 1;
    private FailureKind stoppedKind;
    private String stoppedSentence;
    private boolean closed;

    /**
     * @param usage    what Meta's usage headers said last ({@code GraphClient::usage})
     * @param progress the rounds' sync events (the command line prints them; may be null)
     */
    public AutoSync(Rounds rounds, SyncGate gate, LiveScheduler scheduler, Clock clock, Supplier<UsageSnapshot> usage,
                    NetworkCheck network, SyncListener progress, LiveListener listener) {
        this.rounds = Objects.requireNonNull(rounds, "rounds");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.usage = usage == null ? () -> UsageSnapshot.NONE : usage;
        this.network = network == null ? NetworkCheck.ALWAYS : network;
        this.progress = progress == null ? SyncListener.NONE : progress;
        this.listener = listener == null ? LiveListener.NONE : listener;
    }

    /** The interval a workspace's settings ask for; null = off. */
    public static Duration intervalOf(LiveSettings settings) {
        return settings == null || !settings.autoSyncOn() ? null : Duration.ofMinutes(settings.checkMinutes());
    }

    /** How often ticks come for an interval: a quarter of it, at most {@link #MAX_TICK}. */
    static Duration tickPeriod(Duration interval) {
        Duration quarter = interval.dividedBy(4);
        Duration t = quarter.compareTo(MAX_TICK) < 0 ? quarter : MAX_TICK;
        return t.toMillis() < 10 ? Duration.ofMillis(10) : t;
    }

    /**
     * Starts rounds every {@code every} (null or zero = off), the first one {@code firstIn} from now (zero = at the
     * first tick). Calling it again changes the interval.
     */
    public void start(Duration every, Duration firstIn) {
        synchronized (this) {
            if (closed) {
                return;
            }
            interval = every == null || every.isZero() || every.isNegative() ? null : every;
            nextDue = interval == null ? null : clock.instant().plus(firstIn == null ? interval : firstIn);
            lastTick = null;
            reschedule();
        }
    }

    /** Changes the interval (null = off); the next round comes one interval after the last one (or from now). */
    public void setInterval(Duration every) {
        synchronized (this) {
            if (closed) {
                return;
            }
            Duration was = interval;
            interval = every == null || every.isZero() || every.isNegative() ? null : every;
            if (interval == null) {
                nextDue = null;
            } else if (was == null || !was.equals(interval)) {
                Instant from = lastRound != null ? lastRound : clock.instant();
                nextDue = from.plus(interval);
            }
            lastTick = null;
            reschedule();
        }
    }

    /**
     * After auto-sync stopped (token, permission, cache): the user acted (signed in again, granted the permission),
     * so rounds go on; the next one at the next tick.
     */
    public void resume() {
        synchronized (this) {
            if (stoppedKind == null) {
                return;
            }
            stoppedKind = null;
            stoppedSentence = null;
            failures = 0;
            nextDue = clock.instant();
        }
    }

    /**
     * A manual sync just ended: the next round comes a whole interval later, and when the manual sync could read
     * Meta again ({@code accessOk}) auto-sync stopped by an access problem goes on.
     */
    public void afterManualSync(boolean accessOk) {
        synchronized (this) {
            if (interval != null) {
                Instant later = clock.instant().plus(effectiveInterval());
                if (nextDue == null || nextDue.isBefore(later)) {
                    nextDue = later;
                }
            }
        }
        if (accessOk) {
            resume();
        }
    }

    /** What auto-sync is doing now. */
    public synchronized Status status() {
        State s;
        String sentence = null;
        if (interval == null || closed) {
            s = State.OFF;
        } else if (stoppedKind != null) {
            s = State.STOPPED;
            sentence = stoppedSentence;
        } else if (running) {
            s = State.RUNNING;
        } else if (offline) {
            s = State.PAUSED;
        } else if (trouble || (waitUntil != null && clock.instant().isBefore(waitUntil))) {
            s = State.BACKING_OFF;
            sentence = troubleSentence;
        } else {
            s = State.WAITING;
        }
        return new Status(s, s == State.OFF || s == State.STOPPED ? null : nextDue, lastRound, sentence);
    }

    /** One tick: runs a round when one is due (called by the scheduler; tests call it through theirs). */
    void tick() {
        List<LiveEvent> events = new ArrayList<>();
        Runnable launch = null;
        synchronized (this) {
            if (closed || interval == null) {
                return;
            }
            Instant now = clock.instant();
            Instant previous = lastTick;
            lastTick = now;
            Duration gap = previous == null ? Duration.ZERO : Duration.between(previous, now);
            Duration asleep = interval.compareTo(tickPeriod(interval).multipliedBy(4)) > 0
                    ? interval : tickPeriod(interval).multipliedBy(4);
            if (gap.compareTo(asleep) > 0) {
                // the computer slept (no tick for longer than an interval): one round after a grace, no catch-up
                Duration grace = WAKE_GRACE.compareTo(interval) < 0 ? WAKE_GRACE : interval;
                Instant after = now.plus(grace);
                if (nextDue == null || nextDue.isBefore(after)) {
                    nextDue = after;
                }
                LOG.info("Auto-sync: the clock jumped {} s between ticks (the computer slept); next round in {} s",
                        gap.toSeconds(), grace.toSeconds());
                if (stoppedKind == null) {
                    events.add(new LiveEvent.Resumed(LiveEvent.PauseReason.SLEEP, gap, nextDue));
                }
            } else if (stoppedKind == null) {
                launch = dueRound(now, events);
            }
        }
        fire(events);
        if (launch != null) {
            try {
                scheduler.run(launch);
            } catch (RejectedExecutionException e) { // closing
                launch = null;
            }
        }
    }

    /** Under the lock: whether a round starts now (the Runnable to run it), or why not (events). */
    private Runnable dueRound(Instant now, List<LiveEvent> events) {
        if (!network.online()) {
            if (!offline) {
                offline = true;
                events.add(new LiveEvent.Paused(LiveEvent.PauseReason.OFFLINE,
                        "No network: checks for new leads wait until it is back."));
            }
            return null;
        }
        if (offline) {
            offline = false;
            nextDue = now;
            events.add(new LiveEvent.Resumed(LiveEvent.PauseReason.OFFLINE, Duration.ZERO, now));
        }
        if (nextDue != null && now.isBefore(nextDue)) {
            return null;
        }
        Duration every = effectiveInterval();
        if (running) {
            nextDue = now.plus(every);
            events.add(new LiveEvent.RoundSkipped(now, LiveEvent.SkipReason.STILL_RUNNING, nextDue));
            return null;
        }
        if (waitUntil != null && now.isBefore(waitUntil)) {
            nextDue = waitUntil;
            events.add(new LiveEvent.RoundSkipped(now, LiveEvent.SkipReason.META_ASKED_TO_WAIT, nextDue));
            return null;
        }
        CancelSignal cancel = new CancelSignal();
        SyncGate.Permit permit = gate.tryRound(cancel);
        if (permit == null) {
            nextDue = now.plus(every);
            events.add(new LiveEvent.RoundSkipped(now, LiveEvent.SkipReason.SYNC_IN_PROGRESS, nextDue));
            return null;
        }
        running = true;
        roundBegan = false;
        roundCancel = cancel;
        lastRound = now;
        // on the schedule (a tick comes up to one tick period late, which must not add up), never in the past
        Instant onSchedule = nextDue == null ? null : nextDue.plus(every);
        nextDue = onSchedule != null && onSchedule.isAfter(now) ? onSchedule : now.plus(every);
        events.add(new LiveEvent.RoundStarted(now));
        return () -> runRound(permit, cancel);
    }

    private void runRound(SyncGate.Permit permit, CancelSignal cancel) {
        synchronized (this) {
            roundBegan = true;
        }
        RoundResult r;
        try {
            r = cancel.isCancelled() ? cancelled() : rounds.run(progress, cancel);
        } catch (RuntimeException e) {
            LOG.error("An auto-sync round failed unexpectedly", e);
            r = new RoundResult(clock.instant(), Duration.ZERO, RoundResult.Outcome.FAILED,
                    "Checking for new leads failed unexpectedly; the next check tries again, and the log has the details.",
                    null, 0, List.of(), List.of(), null, null);
        } finally {
            permit.close();
        }
        List<LiveEvent> events = new ArrayList<>();
        events.add(new LiveEvent.RoundFinished(r));
        synchronized (this) {
            running = false;
            roundCancel = null;
            notifyAll();
            after(r, events);
        }
        fire(events);
    }

    private RoundResult cancelled() {
        return new RoundResult(clock.instant(), Duration.ZERO, RoundResult.Outcome.CANCELLED, null, null, 0,
                List.of(), List.of(), null, null);
    }

    /** Under the lock: what a round's end changes. */
    private void after(RoundResult r, List<LiveEvent> events) {
        Instant now = clock.instant();
        UsageSnapshot u = usage.get();
        if (u.regainMinutes() > 0) {
            holdUntil(now.plus(Duration.ofMinutes(u.regainMinutes())));
        }
        Duration every = effectiveInterval();
        int newPace = paceFor(u.percent());
        if (newPace != pace) {
            pace = newPace;
            events.add(new LiveEvent.Pace(u.percent(), effectiveInterval()));
            every = effectiveInterval();
            if (lastRound != null) {
                nextDue = lastRound.plus(every);
            }
        }
        switch (r.outcome()) {
            case OK -> {
                failures = 0;
                if (trouble) {
                    trouble = false;
                    troubleSentence = null;
                    events.add(new LiveEvent.TroubleOver(now));
                }
            }
            case NETWORK, FAILED, RATE_LIMITED -> {
                failures++;
                if (r.outcome() == RoundResult.Outcome.RATE_LIMITED) {
                    holdUntil(now.plus(every));
                }
                if (interval != null) {
                    Instant started = lastRound != null ? lastRound : now;
                    Instant later = started.plus(backoff(failures));
                    if (nextDue == null || nextDue.isBefore(later)) {
                        nextDue = later;
                    }
                    if (waitUntil != null && nextDue.isBefore(waitUntil)) {
                        nextDue = waitUntil;
                    }
                }
                troubleSentence = r.problem();
                if (!trouble) {
                    trouble = true;
                    events.add(new LiveEvent.Trouble(r.outcome(), r.problem(), nextDue));
                }
            }
            case ACCESS, STORAGE -> {
                stoppedKind = r.outcome() == RoundResult.Outcome.ACCESS ? FailureKind.ACCESS : FailureKind.STORAGE;
                stoppedSentence = r.problem();
                events.add(new LiveEvent.Stopped(stoppedKind, r.problem()));
            }
            case CANCELLED -> {
                // a manual sync took over, or auto-sync is closing: nothing to tell
            }
        }
    }

    private void holdUntil(Instant until) {
        if (waitUntil == null || waitUntil.isBefore(until)) {
            waitUntil = until;
        }
    }

    /** The wait after {@code n} failed rounds in a row: twice the interval, doubled each time, up to {@link #MAX_BACKOFF}. */
    Duration backoff(int n) {
        Duration base = effectiveInterval();
        Duration cap = base.compareTo(MAX_BACKOFF) > 0 ? base : MAX_BACKOFF;
        Duration d = base.multipliedBy(1L << Math.min(Math.max(0, n), 20));
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /** The interval at the pace Meta's usage allows. */
    private Duration effectiveInterval() {
        if (interval == null) {
            return MAX_PACE;
        }
        Duration d = interval.multipliedBy(pace);
        Duration cap = interval.compareTo(MAX_PACE) > 0 ? interval : MAX_PACE;
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /** 1 under 50% of a limit used, 2 under 75%, 4 under 90%, else 8. */
    static int paceFor(int percent) {
        if (percent < 50) {
            return 1;
        }
        if (percent < 75) {
            return 2;
        }
        return percent < 90 ? 4 : 8;
    }

    private void reschedule() {
        closeTicking();
        if (interval != null && !closed) {
            ticking = scheduler.every(tickPeriod(interval), this::tick);
        }
    }

    private void closeTicking() {
        if (ticking != null) {
            try {
                ticking.close();
            } catch (Exception e) {
                LOG.debug("Stopping the ticks failed", e);
            }
            ticking = null;
        }
    }

    private void fire(List<LiveEvent> events) {
        for (LiveEvent e : events) {
            try {
                listener.onEvent(e);
            } catch (RuntimeException ex) {
                LOG.warn("An auto-sync listener failed on {}", e.getClass().getSimpleName(), ex);
            }
        }
    }

    /**
     * Stops auto-sync: no more ticks; a round in flight stops after its result page (what it fetched is kept) and
     * this waits for it (at most {@link #CLOSE_WAIT}).
     */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            closeTicking();
            if (roundCancel != null) {
                roundCancel.cancel();
            }
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            while (running && roundBegan) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("Auto-sync closed while a round still runs");
                    break;
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }
}
