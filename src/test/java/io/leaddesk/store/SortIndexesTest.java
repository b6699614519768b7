package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sort indexes a big sync sets aside: when that pays, and that a process killed meanwhile loses them not. */
class SortIndexesTest {
    @TempDir
    Path dir;

    @Test
    void onlyASyncOfAtLeast20000NewLeadsAndAtLeastAsManyAsTheCacheHoldsSetsThemAside() {
        assertThat(SortIndexes.worthDeferring(20_000, 0)).isTrue();
        assertThat(SortIndexes.worthDeferring(19_999, 0)).as("too few to pay for the build").isFalse();
        assertThat(SortIndexes.worthDeferring(50_000, 50_000)).isTrue();
        assertThat(SortIndexes.worthDeferring(30_000, 1_000_000)).as("a big cache: the build costs more").isFalse();
        try (LeadStore store = LeadStore.open(dir.resolve("small.db"))) {
            try (SortIndexes.Deferral d = store.sortIndexes().deferFor(10_000)) {
                assertThat(d.deferred()).isFalse();
                assertThat(store.sortIndexes().present()).isTrue();
            }
        }
    }

    @Test
    void indexesAProcessKilledDuringABigSyncLeftAsideAreBuiltAtTheNextOpen() {
        Path file = dir.resolve("leaddesk.db");
        LeadStore store = LeadStore.open(file);
        SortIndexes.Deferral d = store.sortIndexes().deferFor(100_000);
        assertThat(d.deferred()).isTrue();
        assertThat(store.sortIndexes().present()).isFalse();
        store.close(); // as if killed: the deferral is never closed

        try (LeadStore again = LeadStore.open(file)) {
            assertThat(again.sortIndexes().present()).isTrue();
        }
    }

    @Test
    void closingTheDeferralBuildsThemAgain() {
        try (LeadStore store = LeadStore.open(dir.resolve("leaddesk.db"))) {
            try (SortIndexes.Deferral d = store.sortIndexes().deferFor(100_000)) {
                assertThat(d.deferred()).isTrue();
                assertThat(store.sortIndexes().present()).isFalse();
            }
            assertThat(store.sortIndexes().present()).isTrue();
        }
    }
}
