package io.leaddesk.ui;

import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real executor: named daemon worker threads, results handed to the FX thread with {@link Platform#runLater}. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService workers = Executors.newCachedThreadPool(named("leaddesk-worker"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("leaddesk-timer"));

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("Unhandled failure on {}", th.getName(), e));
            return t;
        };
    }

    @Override
    public <T> Cancellable submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        if (workers.isShutdown()) {
            // The workspace was closed (sign-out, window closed): late callbacks of its old work start nothing new.
            LOG.debug("Task '{}' not started: the executor is shut down", name);
            return () -> cancelled.set(true);
        }
        Future<?> f;
        try {
            f = workers.submit(() -> {
            String old = Thread.currentThread().getName();
            Thread.currentThread().setName(old + " " + name);
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Throwable e) {
                logFailure(name, e);
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(e);
                    }
                });
            } finally {
                Thread.currentThread().setName(old);
            }
        });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Task '{}' not started: the executor is shut down", name);
            return () -> cancelled.set(true);
        }
        return () -> {
            cancelled.set(true);
            f.cancel(false);
        };
    }

    /**
     * Logs a failed task: a failure LeadDesk expects (bad input, token, Meta or the network) as one INFO line with its
     * kind and sentence; a storage failure or anything unexpected at WARN with its stack trace, for the diagnostics.
     */
    static void logFailure(String task, Throwable e) {
        if (e instanceof CancellationException || e instanceof InterruptedException) {
            return;
        }
        LeadDeskException d = null;
        Throwable c = e;
        for (int i = 0; c != null && d == null && i < 20; i++, c = c.getCause()) {
            d = c instanceof LeadDeskException l ? l : null;
        }
        if (d != null && d.failureKind() != FailureKind.STORAGE && d.failureKind() != FailureKind.BUG) {
            LOG.info("Task '{}' failed ({}): {}", task, d.failureKind(), d.getMessage());
        } else {
            LOG.warn("Task '{}' failed", task, e);
        }
    }

    @Override
    public void onUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        AtomicBoolean cancelled = new AtomicBoolean();
        if (delay.isZero() || delay.isNegative()) {
            onUi(action);
            return () -> cancelled.set(true);
        }
        if (timer.isShutdown()) {
            return () -> cancelled.set(true);
        }
        ScheduledFuture<?> f;
        try {
            f = timer.schedule(() -> Platform.runLater(() -> {
                if (!cancelled.get()) {
                    action.run();
                }
            }), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return () -> cancelled.set(true);
        }
        return () -> {
            cancelled.set(true);
            f.cancel(false);
        };
    }

    @Override
    public void close() {
        workers.shutdownNow();
        timer.shutdownNow();
    }
}
