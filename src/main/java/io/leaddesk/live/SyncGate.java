package io.leaddesk.live;

import io.leaddesk.sync.CancelSignal;
import java.util.concurrent.Semaphore;

/**
 * The one "sync in progress" of a workspace: an auto-sync round and a manual sync never run at the same time.
 *
 * <p>A round only takes the gate when it is free ({@link #tryRound}); otherwise it is skipped, not queued. A manual
 * sync is always possible ({@link #manual}): when a round holds the gate, the round is cancelled (it stops after the
 * result page in flight, which is kept, and its forms' watermarks do not move, so nothing is lost: the manual sync
 * reads them on from there), and the manual sync runs as soon as the round has let go, usually within a second. While
 * a manual sync waits or runs, no round starts. Two manual syncs run one after the other. Thread-safe.
 */
public final class SyncGate {
    private final Semaphore permit = new Semaphore(1, true);
    private int manualWaiting;
    private CancelSignal round;
    private boolean manualRunning;

    /** Held while a sync runs; closing it lets the next one in. Closing twice does nothing. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The gate for an auto-sync round that {@code cancel} stops, or null when a sync runs or a manual one waits
     * (the round is then skipped).
     */
    public synchronized Permit tryRound(CancelSignal cancel) {
        if (manualWaiting > 0 || !permit.tryAcquire()) {
            return null;
        }
        round = cancel;
        return release(() -> {
            synchronized (this) {
                round = null;
            }
        });
    }

    /**
     * The gate for a manual sync: cancels a round that holds it and waits until it let go (or a manual sync before
     * this one ended). Not interruptible: a round lets go within a result page.
     */
    public Permit manual() {
        synchronized (this) {
            manualWaiting++;
            if (round != null) {
                round.cancel();
            }
        }
        try {
            permit.acquireUninterruptibly();
        } finally {
            synchronized (this) {
                manualWaiting--;
            }
        }
        synchronized (this) {
            manualRunning = true;
        }
        return release(() -> {
            synchronized (this) {
                manualRunning = false;
            }
        });
    }

    /** True while a sync (a round or a manual one) holds the gate or a manual sync waits for it. */
    public synchronized boolean busy() {
        return manualWaiting > 0 || permit.availablePermits() == 0;
    }

    /** True while a manual sync runs or waits. */
    public synchronized boolean manualSyncInProgress() {
        return manualRunning || manualWaiting > 0;
    }

    private Permit release(Runnable onRelease) {
        return new Permit() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                }
                onRelease.run();
                permit.release();
            }
        };
    }
}
