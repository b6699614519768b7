package io.leaddesk.ui.workspace;

import io.leaddesk.ui.Cancellable;
import io.leaddesk.ui.TaskExecutor;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * While a sync commits pages: the tree's cached counts and the leads table move together, on the same event, so both
 * show the same numbers. The first committed page shows at once; pages committed in the next {@code every} show
 * together when it is over, so a fast sync does not replace the table's rows faster than it can read them. The wait
 * starts when the reads are done and is at least {@value #READ_SHARE} times as long as they took: on a million-lead
 * cache the tree's counts take ~0.2 s on the 2-core build machine, and reading them every 0.5 s would take a core's
 * share the sync's writer needs. UI thread.
 */
final class LiveGrowth {
    /** The wait after a refresh is at least this many times as long as the refresh's reads took. */
    static final int READ_SHARE = 3;

    private final TaskExecutor executor;
    private final Duration every;
    private final Consumer<Runnable> show;
    private final BooleanSupplier running;
    private final LongSupplier nanos;
    private Cancellable cooling = Cancellable.NONE;
    private boolean cool = true;
    private boolean dirty;
    /** Which refresh is the latest; a callback of an older one (before a stop) does nothing. */
    private long round;

    /**
     * @param show  moves the tree's counts and has the table read again, together, and runs the given callback once its
     *              reads are done (never, if they fail: the end-of-sync refresh then shows what was stored)
     * @param nanos the clock the reads are timed with ({@code System::nanoTime})
     */
    LiveGrowth(TaskExecutor executor, Duration every, Consumer<Runnable> show, BooleanSupplier running,
               LongSupplier nanos) {
        this.executor = executor;
        this.every = every;
        this.show = show;
        this.running = running;
        this.nanos = nanos;
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
        long started = nanos.getAsLong();
        long mine = ++round;
        show.accept(() -> {
            if (mine != round) {
                return; // stopped meanwhile
            }
            Duration took = Duration.ofNanos(Math.max(0, nanos.getAsLong() - started));
            Duration wait = took.multipliedBy(READ_SHARE).compareTo(every) > 0 ? took.multipliedBy(READ_SHARE) : every;
            cooling = executor.schedule(wait, () -> {
                cool = true;
                if (dirty && running.getAsBoolean()) {
                    showNow();
                }
            });
        });
    }

    /** The sync ended: what it stored is read by the end-of-sync refresh. */
    void stop() {
        round++;
        cooling.cancel();
        cool = true;
        dirty = false;
    }
}
