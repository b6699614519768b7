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

    /**
     * For work that Ctrl+C or SIGTERM is the normal way to end ({@code sync --watch}): once it has ended cleanly, the
     * process exits with {@code code} instead of 130 (or the 143 the JVM gives SIGTERM).
     */
    void stopEndsWith(int code) {
        run.stopCode = code;
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
        /** Set by {@link CtrlC#stopEndsWith}: the exit code of a run that a shutdown ends as it should. */
        private volatile Integer stopCode;

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
            boolean ended = false;
            try {
                ended = done.await(HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Integer code = stopCode;
            if (ended && code != null && registered && Thread.currentThread() == hook) {
                // the JVM would end a signalled process with 128 + the signal; this run ended as asked: its code
                Runtime.getRuntime().halt(code);
            }
        }

        /** True once Ctrl+C (or another shutdown) came during this run, unless it is the run's normal end. */
        boolean interrupted() {
            return interrupted && stopCode == null;
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
