package io.leaddesk.ui.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.ui.Cancellable;
import io.leaddesk.ui.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * While a sync commits pages, the tree and table are read again at most every 500 ms, and never more often than the
 * reads leave the writer three quarters of the time: on a big cache a slow read stretches the wait.
 */
class LiveGrowthTest {
    /** Records what is scheduled, and with which delay; runs nothing by itself. */
    private static final class Timers implements TaskExecutor {
        final List<Duration> delays = new ArrayList<>();
        final List<Runnable> actions = new ArrayList<>();

        @Override
        public <T> Cancellable submit(String name, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onUi(Runnable action) {
            action.run();
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable action) {
            delays.add(delay);
            actions.add(action);
            return Cancellable.NONE;
        }

        void fireLast() {
            actions.get(actions.size() - 1).run();
        }
    }

    private final Timers timers = new Timers();
    private final long[] now = {0};
    private final List<Runnable> reads = new ArrayList<>();
    private final LiveGrowth growth = new LiveGrowth(timers, Duration.ofMillis(500), reads::add, () -> true, () -> now[0]);

    /** The pending refresh's reads end {@code millis} after they began. */
    private void readsTake(long millis) {
        now[0] += millis * 1_000_000;
        reads.get(reads.size() - 1).run();
    }

    @Test
    void quickReadsAreThrottledTo500MsAndSlowOnesWaitThreeTimesAsLongAsTheyTook() {
        growth.committed();
        assertThat(reads).as("the first page shows at once").hasSize(1);
        growth.committed();
        growth.committed();
        assertThat(reads).as("pages meanwhile wait").hasSize(1);
        readsTake(20);
        assertThat(timers.delays).containsExactly(Duration.ofMillis(500));

        timers.fireLast();
        assertThat(reads).as("the pages that waited show together").hasSize(2);
        growth.committed();
        readsTake(300); // a million-lead cache
        assertThat(timers.delays).last().isEqualTo(Duration.ofMillis(900));
        timers.fireLast();
        assertThat(reads).hasSize(3);
    }

    @Test
    void afterTheSyncStoppedALateReadSchedulesNothing() {
        growth.committed();
        growth.stop();
        readsTake(50);
        assertThat(timers.delays).isEmpty();
        growth.committed();
        assertThat(reads).as("a next sync shows its first page at once").hasSize(2);
    }
}
