package io.leaddesk.cli;

import io.leaddesk.sync.CancelSignal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl+C (SIGINT/SIGTERM) into a cancel of long work (a sync, an export). Use with try-with-resources around
 * the work. Inside {@link Cli#run} the JVM's exit is held, for up to ten seconds, until the whole command has ended:
 * the work commits what it has (or deletes a partial export), the command prints its summary of what was kept, and
 * stdout is flushed; then the process exits with 130. A command without long work is not held: Ctrl+C ends it at once.
 */
final class CtrlC implements AutoCloseable {
    static final long HOLD_SECONDS = 10;
    private static final ThreadLocal<Run> CURRENT = new ThreadLocal<>();

    private final CancelSignal cancel = new CancelSignal();
    private final Run run;
    /** Only when used outside a {@link Run}: this work's own hook. */
    private final Run own;

    CtrlC(String name) {
        Run current = CURRENT.get();
        if (current != null) {
            run = current;
            own = null;
        } else {
            own = new Run("leaddesk-" + name + "-shutdown", false);
            run = own;
        }
        run.add(cancel);
    }

    CancelSignal signal() {
        return cancel;
    }

    @Override
    public void close() {
        if (own != null) {
            own.close();
        }
    }

    /** Starts watching for Ctrl+C during one command line run on this thread. */
    static Run begin() {
        Run r = new Run("leaddesk-shutdown", true);
        CURRENT.set(r);
        return r;
    }

    /**
     * One command line run: while it lasts, a shutdown cancels its long work and waits (at most
     * {@link #HOLD_SECONDS}) for {@link #close()}, which the run calls after printing its last line.
     */
    static final class Run implements AutoCloseable {
        private final List<CancelSignal> work = new CopyOnWriteArrayList<>();
        private final CountDownLatch done = new CountDownLatch(1);
        /** Counted down when a shutdown starts holding the exit (for tests). */
        final CountDownLatch holding = new CountDownLatch(1);
        private final Thread hook;
        private final boolean registered;
        private final boolean current;
        private volatile boolean interrupted;

        private Run(String threadName, boolean current) {
            this.current = current;
            this.hook = new Thread(this::shutdown, threadName);
            boolean ok;
            try {
                Runtime.getRuntime().addShutdownHook(hook);
                ok = true;
            } catch (IllegalStateException e) {
                ok = false; // already shutting down
            }
            registered = ok;
        }

        void add(CancelSignal signal) {
            work.add(signal);
            if (interrupted) {
                signal.cancel();
            }
        }

        /** What the shutdown hook does: cancel the work, then hold the exit until the run has ended. */
        void shutdown() {
            interrupted = true;
            if (work.isEmpty()) {
                return; // nothing to end cleanly: let the process go
            }
            work.forEach(CancelSignal::cancel);
            holding.countDown();
            try {
                done.await(HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** True once Ctrl+C (or another shutdown) came during this run. */
        boolean interrupted() {
            return interrupted;
        }

        @Override
        public void close() {
            if (current) {
                CURRENT.remove();
            }
            done.countDown();
            if (registered) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignored) {
                    // shutting down: the hook is running and has been released above
                }
            }
        }
    }
}
