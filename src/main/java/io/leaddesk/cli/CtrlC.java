package io.leaddesk.cli;

import io.leaddesk.sync.CancelSignal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl+C (SIGINT/SIGTERM) into a cancel of long work, and holds the JVM's exit for up to ten seconds so the
 * work can end cleanly (commit what it has, delete a partial export). Use with try-with-resources around the work.
 */
final class CtrlC implements AutoCloseable {
    private final CancelSignal cancel = new CancelSignal();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;
    private final boolean registered;

    CtrlC(String name) {
        hook = new Thread(() -> {
            cancel.cancel();
            try {
                done.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "leaddesk-" + name + "-shutdown");
        boolean ok;
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            ok = true;
        } catch (IllegalStateException e) {
            ok = false; // already shutting down
        }
        registered = ok;
    }

    CancelSignal signal() {
        return cancel;
    }

    @Override
    public void close() {
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
