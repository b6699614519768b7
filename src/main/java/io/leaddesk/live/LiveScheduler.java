package io.leaddesk.live;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where auto-sync's ticks and rounds run. {@link #threads} is the real one; tests pass one whose ticks and rounds
 * they run by hand (no sleeping).
 */
public interface LiveScheduler extends AutoCloseable {

    /** Calls {@code tick} every {@code period} (with a fixed delay) until the returned handle is closed. */
    AutoCloseable every(Duration period, Runnable tick);

    /** Runs a round away from the ticking thread, so ticks go on while it runs. */
    void run(Runnable round);

    /** Stops the threads (a round that runs is not interrupted). */
    @Override
    void close();

    /** Daemon threads: one ticking, one running rounds. */
    static LiveScheduler threads(String name) {
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-tick"));
        ExecutorService rounds = Executors.newSingleThreadExecutor(r -> daemon(r, name + "-round"));
        return new LiveScheduler() {
            @Override
            public AutoCloseable every(Duration period, Runnable tick) {
                long ms = Math.max(1, period.toMillis());
                ScheduledFuture<?> f = ticks.scheduleWithFixedDelay(tick, ms, ms, TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public void run(Runnable round) {
                rounds.execute(round);
            }

            @Override
            public void close() {
                ticks.shutdownNow();
                rounds.shutdown();
            }
        };
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
