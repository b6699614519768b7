package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.model.Lead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    void settingTheIndexesAsideZeroesTheirPagesSoNoCopyOfAnEmailStaysInFreePages() throws Exception {
        Path file = dir.resolve("leaddesk.db");
        try (LeadStore store = LeadStore.open(file)) {
            List<Lead> leads = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                leads.add(Fixtures.en("l" + i, 1_700_000_000L + i, "Person " + i, "qzx" + i + "@private.example",
                        "+1 555 01" + i, false));
            }
            store.upsertLeads("p-2", Fixtures.englishForm(), leads, Instant.parse("2026-12-01T10:00:00Z"));
        }
        long before = copiesOfEmails(file);
        try (LeadStore store = LeadStore.open(file)) {
            assertThat(store.sortIndexes().deferFor(100_000).deferred()).isTrue(); // as a big sync starts
        }
        // the e-mail index held one copy of each address; its freed pages must not keep them for a later forget to miss
        assertThat(copiesOfEmails(file)).isLessThanOrEqualTo(before - 3000);
    }

    /** Occurrences of the 3,000 test addresses in the database file (closed, so its WAL is folded in). */
    private static long copiesOfEmails(Path file) throws Exception {
        String text = new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        long n = 0;
        for (int i = 0; i < 3000; i++) {
            String e = "qzx" + i + "@private.example";
            for (int at = text.indexOf(e); at >= 0; at = text.indexOf(e, at + 1)) {
                n++;
            }
        }
        return n;
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
