package io.leaddesk.ui.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.imports.ImportListener;
import io.leaddesk.imports.ImportOptions;
import io.leaddesk.imports.ImportPreview;
import io.leaddesk.imports.ImportResult;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoreException;
import io.leaddesk.store.StoredForm;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import io.leaddesk.ui.imports.ImportFileViewModel.State;
import io.leaddesk.ui.imports.ImportViewModel.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import dialog's ViewModel against a real cache in a temp folder and the engine's fixture files. */
class ImportViewModelTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    final Messages m = Messages.load(Locale.ENGLISH);
    final SyncTaskExecutor executor = new SyncTaskExecutor();
    final AtomicInteger refreshed = new AtomicInteger();
    LeadStore store;
    ImportBackend backend;
    ImportViewModel vm;

    @BeforeEach
    void open() {
        store = LeadStore.open(dir.resolve("cache").resolve("leaddesk.db"));
        backend = ImportBackend.of(store, Clock.fixed(NOW, ZoneOffset.UTC));
        vm = viewModel(backend);
    }

    ImportViewModel viewModel(ImportBackend b) {
        ImportViewModel v = new ImportViewModel(b, executor, m);
        v.setOnImported(refreshed::incrementAndGet);
        return v;
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void thePreviewSaysWhatEachFileHoldsAndWritesNothing() throws Exception {
        Path csv = ImportTestFiles.fixture(ImportTestFiles.CSV, dir);
        Path tsv = ImportTestFiles.fixture(ImportTestFiles.TSV, dir);

        vm.open(List.of(csv, tsv));

        assertThat(vm.files()).hasSize(2);
        ImportFileViewModel a = vm.files().get(0);
        assertThat(a.stateProperty().get()).isEqualTo(State.READY);
        assertThat(a.fileName()).isEqualTo("leads-2025-03.csv");
        assertThat(a.formatProperty().get()).isEqualTo("UTF-8 with BOM, comma-separated, 6 rows");
        assertThat(a.formTextProperty().get()).isEqualTo("Form: Форма Німецька-новий_04\u200E (900000000000101), not in the"
                + " cache: created from the file’s columns; a sync brings its questions from Meta");
        assertThat(a.countsProperty().get()).isEqualTo("5 new, 0 already cached, 1 row skipped");
        assertThat(a.columnsProperty().get()).startsWith("Columns mapped (17): id, created_time, ad_id,")
                .endsWith("full_name, phone_number, эл._адрес, quais_serviços_te_interessam?, ملاحظات");
        assertThat(a.unrecognisedProperty().get()).isEqualTo("Columns not recognised, not imported (2): lead_status, inbox_url");
        assertThat(a.problems()).containsExactly(
                "Line 7: created_time \"yesterday\" is not a date and time with an offset");
        assertThat(a.moreProblemsProperty().get()).isEmpty();

        ImportFileViewModel b = vm.files().get(1);
        assertThat(b.stateProperty().get()).isEqualTo(State.READY);
        assertThat(b.formatProperty().get()).isEqualTo("UTF-16LE with BOM, tab-separated, 4 rows");
        assertThat(b.countsProperty().get()).isEqualTo("3 new, 0 already cached, 1 row skipped");
        assertThat(b.unrecognisedProperty().get()).isEqualTo("Columns not recognised, not imported (1): inbox_url");
        assertThat(b.problems()).singleElement().asString().startsWith("Line 5: has 5 cells where the header has 18");

        assertThat(vm.canImportProperty().get()).isTrue();
        assertThat(store.totalLeads()).as("a preview writes nothing").isZero();
        assertThat(store.forms(List.of())).isEmpty();
        assertThat(refreshed).hasValue(0);
    }

    @Test
    void importWritesTheFilesSaysWhatCameInAndRefreshesTheWorkspace() throws Exception {
        Path csv = ImportTestFiles.fixture(ImportTestFiles.CSV, dir);
        Path tsv = ImportTestFiles.fixture(ImportTestFiles.TSV, dir);
        vm.open(List.of(csv, tsv));

        vm.importFiles();

        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.summaryProperty().get()).isEqualTo("Imported 2 files: 8 new, 0 already cached, 2 rows skipped.");
        assertThat(vm.files().get(0).resultProperty().get()).isEqualTo("Imported: 5 new, 0 already cached, 1 row skipped.");
        assertThat(vm.run().errorProperty().get()).isEmpty();
        assertThat(store.totalLeads()).isEqualTo(8);
        assertThat(store.importOrigin("2490000000000101").orElseThrow().fileName()).isEqualTo("leads-2025-03.csv");
        assertThat(refreshed).hasValue(1);

        // the same file again changes nothing, and says so
        ImportViewModel again = viewModel(backend);
        again.open(List.of(csv));
        assertThat(again.files().get(0).countsProperty().get()).isEqualTo("0 new, 5 already cached, 1 row skipped");
        again.importFiles();
        assertThat(again.summaryProperty().get())
                .isEqualTo("Imported leads-2025-03.csv: 0 new, 5 already cached, 1 row skipped.");
        assertThat(store.totalLeads()).isEqualTo(8);
    }

    @Test
    void cancelWhileAFileIsWrittenLeavesTheCacheAsItWas() throws Exception {
        Path big = ImportTestFiles.ofForm901(dir.resolve("big.csv"), 3000);
        vm.open(List.of(big));
        assertThat(vm.files().get(0).countsProperty().get()).isEqualTo("3,000 new, 0 already cached");
        // Cancel as soon as the writing reports progress (at row 1,000 of 3,000): the store's transaction is open then
        AtomicInteger cancels = new AtomicInteger();
        vm.run().progressProperty().addListener((o, a, b) -> {
            if (vm.isImporting() && b.doubleValue() > 0 && cancels.get() == 0) {
                cancels.incrementAndGet();
                assertThat(vm.cancel()).as("the dialog stays open to say what happened").isFalse();
            }
        });

        vm.importFiles();

        assertThat(cancels).hasValue(1);
        assertThat(vm.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(vm.summaryProperty().get()).isEqualTo("Import cancelled: nothing of big.csv was written.");
        assertThat(vm.files().get(0).resultProperty().get())
                .isEqualTo("Not imported: the import was cancelled before this file was written.");
        assertThat(store.totalLeads()).isZero();
        assertThat(store.form("901")).isEmpty();
        assertThat(store.imports()).isEmpty();
        assertThat(refreshed).hasValue(0);
    }

    @Test
    void cancelBeforeImportClosesTheDialogWithNothingWritten() throws Exception {
        vm.open(List.of(ImportTestFiles.fixture(ImportTestFiles.CSV, dir)));
        assertThat(vm.cancel()).isTrue();
        assertThat(store.totalLeads()).isZero();
        assertThat(store.forms(List.of())).isEmpty();
    }

    @Test
    void aFileNamingNoFormAsksWhichAndTakesACachedOne() throws Exception {
        store.upsertForms("104200000000101", List.of(ImportTestFiles.syncedForm("905", "Курси англійської"),
                ImportTestFiles.syncedForm("906", "Avaliação gratuita")));
        Path file = ImportTestFiles.withoutFormId(dir.resolve("no-form.csv"), 2);

        vm.open(List.of(file));

        ImportFileViewModel f = vm.files().get(0);
        assertThat(f.stateProperty().get()).isEqualTo(State.NEEDS_FORM);
        assertThat(f.formChoiceShownProperty().get()).isTrue();
        assertThat(f.formTextProperty().get())
                .isEqualTo("This file does not say which form its leads belong to: choose the form.");
        assertThat(f.formOptions()).extracting(FormOption::label).containsExactly(
                "Avaliação gratuita\u200E (906), no leads cached", "Курси англійської\u200E (905), no leads cached",
                "New form from the file's columns");
        assertThat(f.columnsProperty().get())
                .isEqualTo("Columns mapped (2): id, created_time; the answers are mapped once the form is chosen");
        assertThat(vm.canImportProperty().get()).isFalse();

        f.chosenFormProperty().set(f.formOptions().get(1));

        assertThat(f.stateProperty().get()).isEqualTo(State.READY);
        assertThat(f.formTextProperty().get()).isEqualTo("Form: Курси англійської\u200E (905), in the cache");
        assertThat(f.columnsProperty().get()).isEqualTo("Columns mapped (4): id, created_time, full_name, email");
        assertThat(f.countsProperty().get()).isEqualTo("2 new, 0 already cached");
        assertThat(f.formChoiceShownProperty().get()).as("the choice can still be changed").isTrue();
        assertThat(vm.canImportProperty().get()).isTrue();
        vm.importFiles();
        assertThat(store.countLeads(LeadQuery.forms(List.of("905")))).isEqualTo(2);
    }

    @Test
    void aFileNamingNoFormCanBecomeANewFormFromItsColumns() throws Exception {
        Path file = ImportTestFiles.withoutFormId(dir.resolve("old-campaign.csv"), 3);
        vm.open(List.of(file));
        ImportFileViewModel f = vm.files().get(0);
        assertThat(f.formOptions()).extracting(FormOption::label).containsExactly("New form from the file's columns");

        f.chosenFormProperty().set(f.formOptions().get(0));
        assertThat(f.newFormChosenProperty().get()).isTrue();
        assertThat(f.newFormNameProperty().get()).as("named after the file").isEqualTo("old-campaign");
        f.newFormIdProperty().set("Курси");
        f.useNewForm();
        assertThat(f.choiceProblemProperty().get()).startsWith("Enter the form's id as Meta shows it");
        assertThat(f.stateProperty().get()).isEqualTo(State.NEEDS_FORM);

        f.newFormIdProperty().set(" f:907 ");
        f.useNewForm();

        assertThat(f.choiceProblemProperty().get()).isEmpty();
        assertThat(f.stateProperty().get()).isEqualTo(State.READY);
        assertThat(f.formTextProperty().get()).startsWith("Form: old-campaign\u200E (907), not in the cache");
        vm.importFiles();
        StoredForm created = store.form("907").orElseThrow();
        assertThat(created.form().name()).isEqualTo("old-campaign");
        assertThat(created.cachedLeads()).isEqualTo(3);
    }

    @Test
    void theSummarySaysTheCountsInOneLine() {
        assertThat(new ImportSummary(412, 4098, 0, 0, 3).text(m)).isEqualTo("412 new, 4,098 already cached, 3 rows skipped");
        assertThat(new ImportSummary(0, 4098, 0, 0, 0).text(m)).isEqualTo("0 new, 4,098 already cached");
        assertThat(new ImportSummary(1, 0, 2, 1, 1).text(m))
                .isEqualTo("1 new, 0 already cached, 2 forgotten (not brought back), 1 repeated row, 1 row skipped");
    }

    @Test
    void aFileThatIsNoLeadDownloadSaysSoInOneSentence() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.csv"), "name,phone\nOlena,+380631045546\n");
        Path gone = dir.resolve("gone.csv");
        Path csv = ImportTestFiles.fixture(ImportTestFiles.CSV, dir);

        vm.open(List.of(notes, gone, csv));

        for (ImportFileViewModel f : vm.files().subList(0, 2)) {
            assertThat(f.stateProperty().get()).isEqualTo(State.UNREADABLE);
            assertOneSentence(f.errorProperty().get());
            assertThat(f.errorProperty().get()).contains(f.fileName());
        }
        assertThat(vm.canImportProperty().get()).as("the readable file can still be imported").isTrue();
        vm.importFiles();
        assertThat(vm.summaryProperty().get()).isEqualTo("Imported leads-2025-03.csv: 5 new, 0 already cached, 1 row skipped.");
        assertThat(vm.files().get(0).resultProperty().get()).startsWith("Not imported: ").contains("notes.csv");
    }

    @Test
    void aStorageFailureSaysWhatHappenedInOneSentenceAndImportsNothing() throws Exception {
        String diskFull = "Could not write to the lead cache at " + store.file() + ": the disk is full. Free some disk space"
                + " or choose another data folder; nothing already stored was lost.";
        ImportBackend failing = new ImportBackend() {
            @Override
            public ImportPreview preview(Path file, ImportOptions options, ImportListener listener, BooleanSupplier cancel) {
                return backend.preview(file, options, listener, cancel);
            }

            @Override
            public ImportResult importFile(ImportPreview preview, ImportListener listener, BooleanSupplier cancel) {
                throw new StoreException(diskFull, new java.io.IOException("SQLITE_FULL"));
            }

            @Override
            public List<StoredForm> forms() {
                return backend.forms();
            }
        };
        ImportViewModel v = viewModel(failing);
        v.open(List.of(ImportTestFiles.fixture(ImportTestFiles.CSV, dir)));

        v.importFiles();

        assertThat(v.stepProperty().get()).isEqualTo(Step.DONE);
        assertThat(v.run().errorProperty().get()).isEqualTo(diskFull);
        assertOneSentence(v.run().errorProperty().get());
        assertThat(v.summaryProperty().get()).isEmpty();
        assertThat(v.files().get(0).resultProperty().get()).isEqualTo("Not imported: " + diskFull);
        assertThat(v.run().runningProperty().get()).isFalse();
        assertThat(refreshed).hasValue(0);
    }

    @Test
    void aDropKeepsTheFilesThemselvesOnceEach() throws Exception {
        Path csv = ImportTestFiles.fixture(ImportTestFiles.CSV, dir);
        Path tsv = ImportTestFiles.fixture(ImportTestFiles.TSV, dir);
        Path folder = Files.createDirectory(dir.resolve("downloads"));

        List<Path> files = ImportViewModel.filesToImport(List.of(csv, folder, dir.resolve("gone.csv"), tsv, csv));

        assertThat(files).containsExactly(csv.toAbsolutePath(), tsv.toAbsolutePath());
        assertThat(ImportViewModel.filesToImport(List.of(folder))).as("nothing to import: the drop is refused").isEmpty();
        vm.open(files);
        assertThat(vm.files()).extracting(ImportFileViewModel::fileName)
                .containsExactly("leads-2025-03.csv", "export_csv-900000000000202.tsv");
        assertThat(vm.canImportProperty().get()).isTrue();
    }

    private static void assertOneSentence(String s) {
        assertThat(ErrorText.isPlain(s)).as(s).isTrue();
        assertThat(s).doesNotContain("\n").endsWith(".");
    }
}
