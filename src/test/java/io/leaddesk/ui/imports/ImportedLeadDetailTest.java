package io.leaddesk.ui.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.imports.ImportOptions;
import io.leaddesk.imports.ImportService;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.store.LeadStore;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.LeadCache;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import io.leaddesk.ui.detail.LeadDetailViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lead detail pane says where an imported lead came from, and nothing of the kind for a lead synced from Meta. */
class ImportedLeadDetailTest {
    @TempDir
    Path dir;

    @Test
    void anImportedLeadSaysFromWhichFileAndWhen() throws Exception {
        // 23:30 UTC on 30 November is already 1 December in Kyiv, where the user is
        Instant at = Instant.parse("2026-11-30T23:30:00Z");
        try (LeadStore store = LeadStore.open(dir.resolve("leaddesk.db"))) {
            new ImportService(store, Clock.fixed(at, ZoneOffset.UTC))
                    .importFile(ImportTestFiles.fixture(ImportTestFiles.CSV, dir), ImportOptions.defaults(), null, null);
            store.upsertForms("104200000000101", List.of(ImportTestFiles.syncedForm("905", "Курси")));
            store.upsertLeads("104200000000101", ImportTestFiles.syncedForm("905", "Курси"), List.of(new Lead("2490000000000900",
                    "2026-11-20T10:00:00+0000", 1_795_168_800L, "905", null, null, null, null, null, null, false, "fb", null,
                    null, List.of(new FieldAnswer("full_name", List.of("Synced Person"))), List.of(), "{}")), at);
            LeadDetailViewModel detail = new LeadDetailViewModel(LeadCache.of(store), new SyncTaskExecutor(),
                    Messages.load(Locale.ENGLISH), new Formats(ZoneId.of("Europe/Kyiv"), Locale.ENGLISH),
                    Clock.fixed(at, ZoneOffset.UTC), text -> { });

            detail.show("2490000000000102");
            assertThat(detail.titleProperty().get()).isEqualTo("Іван \"Ваня\" Прикладенко");
            assertThat(detail.importedProperty().get()).isEqualTo("Imported from leads-2025-03.csv on Dec 1, 2026");

            detail.show("2490000000000900");
            assertThat(detail.presentProperty().get()).isTrue();
            assertThat(detail.importedProperty().get()).as("synced from Meta").isEmpty();

            detail.show("2490000000000103");
            assertThat(detail.importedProperty().get()).isEqualTo("Imported from leads-2025-03.csv on Dec 1, 2026");
            detail.show(null);
            assertThat(detail.importedProperty().get()).isEmpty();
        }
    }
}
