package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.imports.ImportOptions;
import io.leaddesk.imports.ImportService;
import io.leaddesk.model.FailureKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fills up during an import: the storage sentence (exit 5), and the cache as it was before. */
class ImportFullDiskTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskPartWayLeavesTheCacheAsItWas() throws Exception {
        Path db = dir.resolve("leaddesk.db");
        StringBuilder csv = new StringBuilder("\uFEFFid,created_time,form_id,form_name,full_name,notes\r\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("l:").append(7_000_000_000L + i).append(",2025-01-01T10:00:00+0000,f:901,Форма,Людина ").append(i)
                    .append(",\"").append("довгий текст ".repeat(20)).append("\"\r\n");
        }
        Path file = dir.resolve("full.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        try (LeadStore store = LeadStore.open(db)) {
            store.upsertLeads("p-1", Fixtures.russianForm(),
                    List.of(Fixtures.ru("r1", 1_700_000_000L, "Ирина", "irina@example.com", "+7 900 000 00 01", "a")),
                    Instant.parse("2026-01-01T00:00:00Z"));
            long pages;
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
                 java.sql.ResultSet rs = c.createStatement().executeQuery("PRAGMA page_count")) {
                pages = rs.getLong(1);
            }
            // room for the first chunks of the file (about 800 pages in all), not for the whole of it
            store.limitPagesForTest(pages + 150);

            assertThatThrownBy(() -> new ImportService(store).importFile(file, ImportOptions.defaults(), null, null))
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).failureKind()).isEqualTo(FailureKind.STORAGE))
                    .hasMessage("Could not write to the lead cache at " + db.toAbsolutePath() + ": the disk is full."
                            + " Free some disk space or choose another data folder; nothing already stored was lost.");

            store.limitPagesForTest(1_000_000);
            assertThat(store.totalLeads()).isEqualTo(1);
            assertThat(store.form("901")).isEmpty();
            assertThat(store.imports()).isEmpty();
            assertThat(store.provisionalFormIds()).isEmpty();
            assertThat(new ImportService(store).importFile(file, ImportOptions.defaults(), null, null).newLeads())
                    .isEqualTo(3000);
        }
    }
}
