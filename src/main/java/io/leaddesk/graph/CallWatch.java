package io.leaddesk.graph;

import okhttp3.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Cancels HTTP calls in flight as soon as their cancel signal is set, so that a Cancel button (or a deadline) ends a
 * request that is waiting for a silent server at once instead of at its timeout. The signals are plain
 * {@link BooleanSupplier}s, polled every {@link #POLL_MILLIS} ms by one daemon thread that only runs while calls are
 * watched. Shared by every client made from one {@link GraphClient}; closed by its owner.
 */
final class CallWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphClient.class);
    static final long POLL_MILLIS = 25;

    private final Map<Call, BooleanSupplier> watched = new ConcurrentHashMap<>();
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> polling;

    /** Watches {@code call} until {@link #release}; cancels it when {@code cancelled} turns true. */
    void watch(Call call, BooleanSupplier cancelled) {
        watched.put(call, cancelled);
        synchronized (this) {
            if (polling == null) {
                if (timer == null) {
                    timer = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "leaddesk-graph-cancel");
                        t.setDaemon(true);
                        return t;
                    });
                }
                polling = timer.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
        if (cancelled.getAsBoolean()) {
            call.cancel();
        }
    }

    void release(Call call) {
        watched.remove(call);
        synchronized (this) {
            if (watched.isEmpty() && polling != null) {
                polling.cancel(false);
                polling = null;
            }
        }
    }

    private void poll() {
        for (Map.Entry<Call, BooleanSupplier> e : watched.entrySet()) {
            boolean stop;
            try {
                stop = e.getValue().getAsBoolean();
            } catch (RuntimeException ex) {
                LOG.debug("A cancel signal failed ({}); the call is cancelled", ex.getClass().getSimpleName());
                stop = true;
            }
            if (stop && !e.getKey().isCanceled()) {
                e.getKey().cancel();
            }
        }
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
            polling = null;
        }
    }
}
