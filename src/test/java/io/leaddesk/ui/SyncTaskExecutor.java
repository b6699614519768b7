package io.leaddesk.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs everything on the calling thread, at once: background work, UI callbacks and scheduled (debounced) actions.
 * Makes ViewModel tests deterministic without the FX thread. Records task names for assertions.
 */
public final class SyncTaskExecutor implements TaskExecutor {
    public final List<String> tasks = new ArrayList<>();
    public final List<Duration> scheduled = new ArrayList<>();
    /** Actions scheduled with a delay, held instead of run when {@link #holdDelayed} is set. */
    public final List<Runnable> held = new ArrayList<>();
    /** Set: a delayed action (a throttle, a debounce) waits in {@link #held}; what is due at once still runs. */
    public boolean holdDelayed;

    @Override
    public <T> Cancellable submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        tasks.add(name);
        T result;
        try {
            result = work.call();
        } catch (Throwable e) {
            onFailure.accept(e);
            return Cancellable.NONE;
        }
        onSuccess.accept(result);
        return Cancellable.NONE;
    }

    @Override
    public void onUi(Runnable action) {
        action.run();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        scheduled.add(delay);
        if (holdDelayed && !delay.isZero()) {
            held.add(action);
            return () -> held.remove(action);
        }
        action.run();
        return Cancellable.NONE;
    }
}
