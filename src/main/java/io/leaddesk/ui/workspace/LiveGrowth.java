package io.leaddesk.ui.workspace;

import io.leaddesk.ui.Cancellable;
import io.leaddesk.ui.TaskExecutor;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * While a sync commits pages: the tree's cached counts and the leads table move together, on the same event, so both
 * show the same numbers. The first committed page shows at once; pages committed in the next {@code every} show
 * together when it is over, so a fast sync does not replace the table's rows faster than it can read them. UI thread.
 */
final class LiveGrowth {
    private final TaskExecutor executor;
    private final Duration every;
    private final Runnable show;
    private final BooleanSupplier running;
    private Cancellable cooling = Cancellable.NONE;
    private boolean cool = true;
    private boolean dirty;

    /** @param show moves the tree's counts and has the table read again, together */
    LiveGrowth(TaskExecutor executor, Duration every, Runnable show, BooleanSupplier running) {
        this.executor = executor;
        this.every = every;
        this.show = show;
        this.running = running;
    }

    /** A page that added leads was committed. */
    void committed() {
        if (!cool) {
            dirty = true;
            return;
        }
        showNow();
    }

    private void showNow() {
        dirty = false;
        cool = false;
        show.run();
        cooling = executor.schedule(every, () -> {
            cool = true;
            if (dirty && running.getAsBoolean()) {
                showNow();
            }
        });
    }

    /** The sync ended: what it stored is read by the end-of-sync refresh. */
    void stop() {
        cooling.cancel();
        cool = true;
        dirty = false;
    }
}
