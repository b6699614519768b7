package io.leaddesk.ui;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Queues background work until the test runs it, so tests can interleave (stale results, placeholders). Single-threaded. */
public final class ManualTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final Deque<Runnable> timers = new ArrayDeque<>();
    /** Timers scheduled with a delay (throttles, debounces), apart from those due at once. */
    private final Deque<Runnable> delayed = new ArrayDeque<>();

    @Override
    public <T> Cancellable submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        boolean[] cancelled = {false};
        queue.add(() -> {
            if (cancelled[0]) {
                return;
            }
            T r;
            try {
                r = work.call();
            } catch (Throwable e) {
                onFailure.accept(e);
                return;
            }
            onSuccess.accept(r);
        });
        return () -> cancelled[0] = true;
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        boolean[] cancelled = {false};
        Runnable timer = () -> {
            if (!cancelled[0]) {
                action.run();
            }
        };
        timers.add(timer);
        if (!delay.isZero()) {
            delayed.add(timer);
        }
        return () -> cancelled[0] = true;
    }

    /** Timers scheduled with a delay (not due at once) still waiting to fire. */
    public int delayedTimersPending() {
        return delayed.size();
    }

    /** Timers (debounced, throttled actions) waiting to fire. */
    public int timersPending() {
        return timers.size();
    }

    public int pending() {
        return queue.size();
    }

    /** Fires every due timer (debounced actions), in order. */
    public void fireTimers() {
        while (!timers.isEmpty()) {
            Runnable t = timers.poll();
            delayed.remove(t);
            t.run();
        }
    }

    /** Runs the oldest queued task. */
    public void runNext() {
        queue.poll().run();
    }

    /** Runs the newest queued task (to deliver results out of order). */
    public void runLast() {
        queue.pollLast().run();
    }

    /** Runs queued tasks (and those they queue) but fires no timer: what happens before a delay is over. */
    public void runTasks() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    public void runAll() {
        fireTimers();
        while (!queue.isEmpty()) {
            queue.poll().run();
            fireTimers();
        }
    }
}
