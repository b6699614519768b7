package io.leaddesk.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Ticks and rounds run by the test: {@link #tick()} calls every tick registered, {@link #runRounds()} the rounds waiting. */
public final class ManualScheduler implements LiveScheduler {
    private final List<Runnable> ticks = new CopyOnWriteArrayList<>();
    private final Deque<Runnable> rounds = new ArrayDeque<>();
    volatile Duration period;

    @Override
    public AutoCloseable every(Duration period, Runnable tick) {
        this.period = period;
        ticks.add(tick);
        return () -> ticks.remove(tick);
    }

    @Override
    public synchronized void run(Runnable round) {
        rounds.add(round);
    }

    public void tick() {
        ticks.forEach(Runnable::run);
    }

    /** Rounds handed over and not run yet. */
    public synchronized int waiting() {
        return rounds.size();
    }

    /** Runs the rounds waiting, on this thread. */
    public void runRounds() {
        while (true) {
            Runnable r;
            synchronized (this) {
                r = rounds.poll();
            }
            if (r == null) {
                return;
            }
            r.run();
        }
    }

    int tickers() {
        return ticks.size();
    }

    @Override
    public void close() {
        ticks.clear();
    }
}
