package io.leaddesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's bulk rule holds for imports too: a download of at least 20,000 new leads is written without the name and
 * e-mail sort indexes, which are built once when the import ends; a small file is written with them in place.
 */
class ImportSortIndexesTest {
    @TempDir
    Path dir;

    private List<Boolean> importWatchingIndexes(int rows) throws Exception {
        Path csv = ImportBenchmark.file(rows).write(dir.resolve("leads.csv"), MetaStyleFile.Flavour.CSV_UTF8_BOM);
        try (LeadStore store = LeadStore.open(dir.resolve("leaddesk.db"))) {
            List<Boolean> present = new CopyOnWriteArrayList<>();
            ImportResult r = new ImportService(store).importFile(csv, ImportOptions.defaults(), p -> {
                if (p.phase() == ImportProgress.Phase.WRITING) {
                    present.add(store.sortIndexes().present());
                }
            }, () -> false);
            assertThat(r.newLeads()).isEqualTo(rows);
            assertThat(store.countLeads(LeadQuery.all())).isEqualTo(rows);
            assertThat(store.sortIndexes().present()).as("in place once the import has ended").isTrue();
            return present;
        }
    }

    @Test
    void aBigDownloadIsWrittenWithoutTheSortIndexesAndTheyAreBuiltWhenItEnds() throws Exception {
        assertThat(importWatchingIndexes(20_000)).isNotEmpty().contains(false);
    }

    @Test
    void aSmallDownloadIsWrittenWithThemInPlace() throws Exception {
        assertThat(importWatchingIndexes(2_000)).isNotEmpty().containsOnly(true);
    }
}
