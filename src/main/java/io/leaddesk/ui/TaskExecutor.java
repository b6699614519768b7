package io.leaddesk.ui;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the UI thread and hands results back to it (JabRef style). ViewModels only talk to this interface,
 * so tests use a synchronous implementation and stay deterministic.
 */
public interface TaskExecutor {

    /**
     * Runs {@code work} in the background; then {@code onSuccess} or {@code onFailure} on the UI thread
     * (neither runs once the returned handle was cancelled).
     */
    <T> Cancellable submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs {@code action} on the UI thread (now if already there). */
    void onUi(Runnable action);

    /** Runs {@code action} on the UI thread after {@code delay} unless cancelled first (debouncing). */
    Cancellable schedule(Duration delay, Runnable action);
}
