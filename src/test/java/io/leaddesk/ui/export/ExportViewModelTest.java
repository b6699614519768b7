package io.leaddesk.ui.export;

import io.leaddesk.model.LeadBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.export.BuiltInProfile;
import io.leaddesk.export.CustomProfile;
import io.leaddesk.export.CustomProfiles;
import io.leaddesk.export.ExportResult;
import io.leaddesk.export.ExportSource;
import io.leaddesk.export.Exporter;
import io.leaddesk.model.Lead;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.LeadCache;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import io.leaddesk.ui.TestData;
import io.leaddesk.ui.detail.LeadDetailViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Export dialog's ViewModel against a real SQLite cache in a temp folder and the real exporter, synchronously. */
class ExportViewModelTest {
    private static final int LEADS = 2500;
    private static final Instant NOW = Instant.parse("2025-10-20T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir Path dir;
    private Path out;
    private LeadStore store;
    private final SyncTaskExecutor executor = new SyncTaskExecutor();
    private final Messages m = Messages.load(Locale.ENGLISH);
    private final Formats formats = new Formats(ZoneOffset.UTC, Locale.ENGLISH);
    private final List<Path> asked = new ArrayList<>();
    private final List<ExportResult> exported = new ArrayList<>();
    private boolean allowReplace;

    @BeforeEach
    void fill() throws Exception {
        out = Files.createDirectories(dir.resolve("Documents"));
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        store.upsertPage(new PageInfo(TestData.PAGE, "Школа мов", null, List.of()));
        store.upsertForms(TestData.PAGE, List.of(TestData.form()));
        List<Lead> leads = new ArrayList<>();
        for (int i = 1; i <= LEADS; i++) {
            Lead l = TestData.lead("L" + i, 1_760_000_000L + i * 60L, i == LEADS - 1 ? "=HYPERLINK(\"x\")" : "Person " + i,
                    "p" + i + "@example.org", i % 3 == 0 ? "ig" : "fb", false);
            // no raw JSON: the store then keeps JSON made from the fields (a real sync keeps Graph's own)
            leads.add(LeadBuilder.from(l).raw(null).build());
        }
        store.upsertLeads(TestData.PAGE, TestData.form(), leads, NOW);
        store.setReview("L1", ReviewStatus.QUALIFIED, "call back");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ExportViewModel vm() {
        ExportViewModel vm = new ExportViewModel(ExportSource.of(store), LeadCache.of(store), new Exporter(CLOCK),
                new CustomProfiles(dir.resolve("settings")), executor, m, formats, CLOCK, "UA", out, Duration.ofMillis(200));
        vm.setDialogs(f -> {
            asked.add(f);
            return allowReplace;
        });
        vm.setOnExported(exported::add);
        vm.open(Set.of(), Set.of());
        return vm;
    }

    @Test
    void theTargetShowsTheHomeFolderAsATildeAndAnExportThereWritesTheRightFile() throws Exception {
        Formats home = new Formats(ZoneOffset.UTC, Locale.ENGLISH, new io.leaddesk.ui.PathText(dir, true));
        ExportViewModel vm = new ExportViewModel(ExportSource.of(store), LeadCache.of(store), new Exporter(CLOCK),
                new CustomProfiles(dir.resolve("settings")), executor, m, home, CLOCK, "UA", out, Duration.ofMillis(200));
        vm.setDialogs(f -> true);
        vm.open(Set.of(), Set.of());
        assertThat(vm.run().targetProperty().get()).isEqualTo("~/Documents/leads-2025-10-20.csv");
        vm.export();
        assertThat(out.resolve("leads-2025-10-20.csv")).exists();
        assertThat(vm.run().messageProperty().get()).contains("~/Documents/leads-2025-10-20.csv").doesNotContain(dir.toString());
    }

    @Test
    void theLocalTimeCheckboxNamesTheZoneByItsNameInTheUsersLanguageNotItsId() {
        java.time.ZoneId kyiv = java.time.ZoneId.of("Europe/Kyiv");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("uk"))) {
            ExportViewModel vm = new ExportViewModel(ExportSource.of(store), LeadCache.of(store), new Exporter(CLOCK),
                    new CustomProfiles(dir.resolve("settings")), executor, Messages.load(locale), new Formats(kyiv, locale),
                    CLOCK, "UA", out, Duration.ofMillis(200));
            assertThat(vm.localTimeText()).as(locale.toString()).doesNotContain("Europe/Kyiv")
                    .contains(locale == Locale.ENGLISH ? "Eastern European Time" : "східноєвропейським");
        }
        assertThat(vm().localTimeDiffers()).as("a computer in UTC: nothing to choose").isFalse();
        assertThat(new ExportViewModel(ExportSource.of(store), LeadCache.of(store), new Exporter(CLOCK),
                new CustomProfiles(dir.resolve("settings")), executor, m, new Formats(kyiv, Locale.ENGLISH),
                CLOCK, "UA", out, Duration.ofMillis(200)).localTimeDiffers()).isTrue();
        assertThat(new ExportViewModel(ExportSource.of(store), LeadCache.of(store), new Exporter(CLOCK),
                new CustomProfiles(dir.resolve("settings")), executor, m, new Formats(java.time.ZoneId.of("Etc/UTC"), Locale.ENGLISH),
                CLOCK, "UA", out, Duration.ofMillis(200)).localTimeDiffers()).isFalse();
    }

    private Path target(ExportViewModel vm) {
        return Path.of(vm.run().targetProperty().get());
    }

    /**
     * Runs every task at once, except previews: their work is kept for the test to run later, as if each were still
     * running when it was cancelled.
     */
    static final class HeldWork implements io.leaddesk.ui.TaskExecutor {
        final List<java.util.concurrent.Callable<?>> work = new ArrayList<>();
        final SyncTaskExecutor others = new SyncTaskExecutor();

        @Override
        public <T> io.leaddesk.ui.Cancellable submit(String name, java.util.concurrent.Callable<T> w,
                                                     java.util.function.Consumer<T> ok, java.util.function.Consumer<Throwable> fail) {
            if (!name.equals("export preview")) {
                return others.submit(name, w, ok, fail);
            }
            work.add(w);
            return io.leaddesk.ui.Cancellable.NONE;
        }

        @Override
        public void onUi(Runnable action) {
            action.run();
        }

        @Override
        public io.leaddesk.ui.Cancellable schedule(Duration delay, Runnable action) {
            return others.schedule(delay, action);
        }
    }

    @Test
    void aPreviewStillRunningWhenTheOptionsChangeOrTheDialogClosesStopsReading() throws Exception {
        HeldWork held = new HeldWork();
        ExportViewModel vm = new ExportViewModel(ExportSource.of(store), LeadCache.of(store), new Exporter(CLOCK),
                new CustomProfiles(dir.resolve("settings")), held, m, formats, CLOCK, "UA", out, Duration.ofMillis(200));
        vm.open(Set.of(), Set.of());
        assertThat(held.work).hasSize(1);
        int first = 0;
        vm.refreshPreview();   // e.g. another profile picked: the first preview is now stale
        assertThat(held.work).hasSize(2);
        int second = 1;

        assertThatThrownBy(() -> held.work.get(first).call()).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(held.work.get(second).call()).as("the current preview runs").isNotNull();

        vm.close();
        assertThatThrownBy(() -> held.work.get(second).call()).as("closing the dialog stops its preview")
                .isInstanceOf(java.util.concurrent.CancellationException.class);
    }

    @Test
    void opensWithEveryFormTickedAFileNameForTodayAndAPreviewWithTheMetaColumns() {
        ExportViewModel vm = vm();
        assertThat(vm.choices().forms()).hasSize(1);
        assertThat(vm.choices().forms().get(0).selectedProperty().get()).isTrue();
        assertThat(vm.choices().forms().get(0).pageName()).isEqualTo("Школа мов");
        assertThat(vm.run().targetProperty().get()).isEqualTo(out.resolve("leads-2025-10-20.csv").toString());
        assertThat(vm.choices().profileProperty().get()).isEqualTo(BuiltInProfile.META);
        assertThat(vm.choices().profiles()).startsWith(BuiltInProfile.values());
        assertThat(vm.preview().headerProperty().get()).startsWith("id", "created_time", "ad_id")
                .contains("full_name", "эл._адрес", "disclaimer:consent", "lead_status", "note");
        assertThat(vm.preview().rows()).hasSize(ExportPreviewViewModel.ROWS);
        assertThat(vm.preview().rows().get(0).get(0)).isEqualTo("L" + LEADS);
        assertThat(vm.preview().textProperty().get()).isEqualTo("2,500 leads match · showing the first 20 rows");
        assertThat(vm.canExportProperty().get()).isTrue();
        assertThat(vm.warningProperty().get()).isEmpty();
        assertThat(executor.scheduled).as("option changes are debounced").contains(Duration.ofMillis(200));
    }

    @Test
    void theWorkspaceSelectionPreselectsFormsAndChoicesNarrowThePreview() {
        ExportViewModel vm = new ExportViewModel(ExportSource.of(store), LeadCache.of(store), new Exporter(CLOCK),
                new CustomProfiles(dir.resolve("settings")), executor, m, formats, CLOCK, "", out, Duration.ZERO);
        vm.open(Set.of("other-page"), Set.of());
        assertThat(vm.choices().forms().get(0).selectedProperty().get()).isFalse();
        assertThat(vm.canExportProperty().get()).isFalse();
        assertThat(vm.preview().textProperty().get()).isEqualTo("Tick at least one form.");

        vm.choices().forms().get(0).selectedProperty().set(true);
        vm.choices().statuses().stream().filter(s -> s.status() == ReviewStatus.QUALIFIED).findFirst().orElseThrow().selectedProperty().set(true);
        assertThat(vm.preview().rows()).hasSize(1);
        assertThat(vm.preview().textProperty().get()).isEqualTo("1 lead matches · showing the first row");
        vm.choices().statuses().forEach(s -> s.selectedProperty().set(false));

        // created_time range: lead i was created at 1_760_000_000 + 60 i (2025-10-09 08:53 UTC onwards)
        vm.choices().dateFromProperty().set(LocalDate.of(2025, 10, 10));
        vm.choices().dateUntilProperty().set(LocalDate.of(2025, 10, 10));
        long from = LocalDate.of(2025, 10, 10).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
        long expected = Stream.iterate(1, i -> i + 1).limit(LEADS)
                .filter(i -> 1_760_000_000L + i * 60L >= from && 1_760_000_000L + i * 60L < from + 86_400).count();
        assertThat(vm.preview().textProperty().get()).startsWith(String.format(Locale.ENGLISH, "%,d leads match", expected));

        vm.choices().dateFromProperty().set(LocalDate.of(2025, 10, 11));
        assertThat(vm.problemProperty().get()).isEqualTo("The start date is after the end date.");
        assertThat(vm.canExportProperty().get()).isFalse();
        vm.choices().dateFromProperty().set(null);
        vm.choices().dateUntilProperty().set(null);

        vm.choices().profileProperty().set(BuiltInProfile.HUBSPOT);
        assertThat(vm.preview().headerProperty().get()).startsWith("First Name", "Last Name", "Email", "Phone Number");
        vm.format().e164Property().set(true);
        vm.format().regionProperty().set("XX");
        assertThat(vm.problemProperty().get()).contains("two-letter country code");
        vm.format().regionProperty().set("UA");
        assertThat(vm.problemProperty().get()).isEmpty();
        assertThat(vm.preview().headerProperty().get()).doesNotContain("Phone (E.164)");
        assertThat(vm.preview().rows().get(0).get(3)).isEqualTo("+380501234567");
    }

    @Test
    void formulaGuardOffShowsTheWarningAndThePreviewShowsCellsAsTheyAre() {
        ExportViewModel vm = vm();
        int nameCol = vm.preview().headerProperty().get().indexOf("full_name");
        String guarded = vm.preview().rows().stream().filter(r -> r.get(0).equals("L2499")).findFirst().orElseThrow().get(nameCol);
        assertThat(guarded).isNotEqualTo("=HYPERLINK(\"x\")").contains("HYPERLINK");

        vm.format().formulaGuardProperty().set(false);
        assertThat(vm.warningProperty().get()).startsWith("Formula guard is off");
        String raw = vm.preview().rows().stream().filter(r -> r.get(0).equals("L2499")).findFirst().orElseThrow().get(nameCol);
        assertThat(raw).isEqualTo("=HYPERLINK(\"x\")");

        vm.format().formulaGuardProperty().set(true);
        assertThat(vm.warningProperty().get()).isEmpty();
    }

    @Test
    void choosingTheWorkbookFormatNamesTheFileXlsxAndWritesAWorkbook() throws Exception {
        ExportViewModel vm = vm();
        vm.format().fileFormatProperty().set(io.leaddesk.export.ExportFormat.XLSX);
        assertThat(vm.run().targetProperty().get()).isEqualTo(out.resolve("leads-2025-10-20.xlsx").toString());
        vm.export();

        Path file = target(vm);
        assertThat(file.getFileName().toString()).endsWith(".xlsx");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(file), 2);
        assertThat(new String(head, StandardCharsets.US_ASCII)).as("a workbook is a zip file").isEqualTo("PK");
        assertThat(vm.run().messageKindProperty().get()).isEqualTo(ExportRunViewModel.MessageKind.SUCCESS);

        vm.format().fileFormatProperty().set(io.leaddesk.export.ExportFormat.CSV);
        assertThat(vm.run().targetProperty().get()).as("back to CSV, back to .csv").endsWith(".csv");
    }

    @Test
    void exportWritesTheFileReportsProgressAndRecordsTheHistoryTheLeadDetailShows() throws Exception {
        ExportViewModel vm = vm();
        List<String> progressTexts = new ArrayList<>();
        vm.run().progressTextProperty().addListener((o, a, b) -> progressTexts.add(b));
        vm.export();

        Path file = target(vm);
        assertThat(asked).isEmpty();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFFid,created_time,ad_id,"); // the Excel preset writes a BOM
        assertThat(lines).hasSize(LEADS + 1);
        assertThat(vm.run().messageProperty().get()).isEqualTo("Wrote 2,500 rows (2,500 leads) to " + file + ".");
        assertThat(vm.run().messageKindProperty().get()).isEqualTo(ExportRunViewModel.MessageKind.SUCCESS);
        assertThat(progressTexts).contains("1,000 of 2,500 rows", "2,000 of 2,500 rows");
        assertThat(vm.run().runningProperty().get()).isFalse();
        assertThat(exported).hasSize(1);
        assertThat(store.exportsOf("L1")).hasSize(1).first().satisfies(r -> {
            assertThat(r.file()).isEqualTo(file.toString());
            assertThat(r.leadCount()).isEqualTo(LEADS);
        });

        LeadDetailViewModel detail = new LeadDetailViewModel(LeadCache.of(store), executor, m, formats, CLOCK, s -> { });
        detail.show("L1");
        assertThat(detail.exports()).containsExactly(new LeadDetailViewModel.ExportEntry("Oct 20, 2025, 10:00 AM", "Meta-compatible", file.toString()));

        // only leads not exported before: now none
        vm.choices().newOnlyProperty().set(true);
        assertThat(vm.preview().textProperty().get()).isEqualTo("No leads match these choices.");
    }

    @Test
    void cancelLeavesNoFileAndSaysSo() throws Exception {
        ExportViewModel vm = vm();
        vm.run().progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() > 0 && b.doubleValue() < 1) {
                vm.cancel();
            }
        });
        vm.export();

        assertThat(vm.run().messageProperty().get()).isEqualTo("Export cancelled; nothing was written under leads-2025-10-20.csv.");
        assertThat(vm.run().messageKindProperty().get()).isEqualTo(ExportRunViewModel.MessageKind.WARNING);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).as("no file and no partial file").isEmpty();
        }
        assertThat(store.exportsOf("L1")).isEmpty();
        assertThat(exported).isEmpty();
        assertThat(vm.run().runningProperty().get()).isFalse();
        assertThat(vm.canExportProperty().get()).isTrue();
    }

    @Test
    void anExistingFileIsReplacedOnlyAfterTheUserAgrees() throws Exception {
        ExportViewModel vm = vm();
        Path file = target(vm);
        Files.writeString(file, "keep me");

        allowReplace = false;
        vm.export();
        assertThat(asked).containsExactly(file);
        assertThat(Files.readString(file)).isEqualTo("keep me");
        assertThat(vm.run().messageProperty().get()).isEqualTo("leads-2025-10-20.csv was not replaced; choose another file name.");
        assertThat(store.exportsOf("L1")).isEmpty();

        allowReplace = true;
        vm.export();
        assertThat(asked).hasSize(2);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("\uFEFFid,created_time");
        assertThat(vm.run().messageKindProperty().get()).isEqualTo(ExportRunViewModel.MessageKind.SUCCESS);
    }

    @Test
    void exportErrorsAreShownAsTheExporterSaysThem() {
        ExportViewModel vm = vm();
        vm.run().targetProperty().set(dir.resolve("no-such-folder").resolve("x.csv").toString());
        vm.export();
        assertThat(vm.run().messageKindProperty().get()).isEqualTo(ExportRunViewModel.MessageKind.ERROR);
        assertThat(vm.run().messageProperty().get()).startsWith("The folder ").endsWith("does not exist; choose an existing folder.");
    }

    @Test
    void aCustomProfileIsBuiltFromColumnsSavedForReuseAndDeleted() throws Exception {
        ExportViewModel vm = vm();
        vm.choices().profileProperty().set(BuiltInProfile.HUBSPOT);
        ProfileEditorViewModel editor = vm.profileEditor();
        assertThat(editor.columns()).extracting(ProfileEditorViewModel.Column::source).startsWith("first_name", "last_name", "email");
        assertThat(editor.sources()).contains("email", "field:эл._адрес", "disclaimer:consent");
        assertThat(editor.canSaveProperty().get()).as("needs a name").isFalse();

        editor.columns().clear();
        editor.add("email");
        editor.add("field:куди_відправити_інформацію?");
        editor.add("id");
        assertThat(editor.moveUp(2)).isEqualTo(1);
        editor.columns().get(0).headerProperty().set("E-mail");
        editor.nameProperty().set("HubSpot");
        assertThat(editor.canSaveProperty().get()).as("a built-in name").isFalse();
        editor.nameProperty().set("Our CRM");
        editor.save();

        assertThat(editor.messageProperty().get()).isEqualTo("Saved profile “Our CRM”.");
        assertThat(vm.choices().profileProperty().get().name()).isEqualTo("Our CRM");
        assertThat(vm.preview().headerProperty().get()).containsExactly("E-mail", "id", "куди_відправити_інформацію?");
        assertThat(vm.preview().rows().get(0)).containsExactly("p2500@example.org", "L2500", "viber | telegram");

        ExportViewModel again = vm();
        assertThat(again.choices().profiles()).extracting(p -> p.displayName()).endsWith("Our CRM");
        again.choices().profileProperty().set(again.choices().profiles().get(again.choices().profiles().size() - 1));
        ProfileEditorViewModel edit = again.profileEditor();
        assertThat(edit.nameProperty().get()).isEqualTo("Our CRM");
        assertThat(edit.columns()).extracting(c -> c.headerProperty().get()).containsExactly("E-mail", "id", "куди_відправити_інформацію?");
        edit.delete();
        assertThat(again.choices().profileProperty().get()).isEqualTo(BuiltInProfile.META);
        assertThat(again.choices().profiles()).noneMatch(p -> p instanceof CustomProfile);
        assertThat(new CustomProfiles(dir.resolve("settings")).list()).isEmpty();
    }

    private ExportViewModel vm(io.leaddesk.ui.UiStateStore memory, String workspace) {
        ExportViewModel vm = new ExportViewModel(ExportSource.of(store), LeadCache.of(store), new Exporter(CLOCK),
                new CustomProfiles(dir.resolve("settings")), executor, m, formats, CLOCK, "UA", out, Duration.ofMillis(200),
                memory, workspace);
        vm.setDialogs(f -> allowReplace);
        vm.open(Set.of(), Set.of());
        return vm;
    }

    @Test
    void theDialogRemembersItsLastChoicesPerWorkspaceWithTheFileNameForTheDayItOpens() throws Exception {
        io.leaddesk.ui.UiStateStore memory = io.leaddesk.ui.UiStateStore.inMemory(executor);
        Path elsewhere = Files.createDirectories(dir.resolve("crm"));
        ExportViewModel first = vm(memory, "main");
        first.choices().profileProperty().set(BuiltInProfile.HUBSPOT);
        first.format().separatorProperty().set(ExportFormatViewModel.Separator.SEMICOLON);
        first.format().encodingProperty().set(ExportFormatViewModel.Encoding.UTF8);
        first.run().targetProperty().set(elsewhere.resolve("hubspot-2025-10-20.csv").toString());
        first.close();

        ExportViewModel again = vm(memory, "main");
        assertThat(again.choices().profileProperty().get()).isEqualTo(BuiltInProfile.HUBSPOT);
        assertThat(again.format().separatorProperty().get()).isEqualTo(ExportFormatViewModel.Separator.SEMICOLON);
        assertThat(again.format().encodingProperty().get()).isEqualTo(ExportFormatViewModel.Encoding.UTF8);
        assertThat(again.format().e164Property().get()).as("a CRM profile writes E.164").isTrue();
        assertThat(again.run().targetProperty().get()).isEqualTo(elsewhere.resolve("hubspot-2025-10-20.csv").toString());
        // the file name keeps its pattern: another day writes that day's file
        assertThat(memory.get().export("main").fileName()).isEqualTo("hubspot-{date}.csv");

        ExportViewModel demo = vm(memory, "demo");
        assertThat(demo.choices().profileProperty().get()).as("the demo's choices are its own").isEqualTo(BuiltInProfile.META);
        assertThat(demo.run().targetProperty().get()).isEqualTo(out.resolve("leads-2025-10-20.csv").toString());
    }

    @Test
    void crmProfilesTickE164AndTheMetaProfileDoesNot() {
        ExportViewModel vm = vm();
        assertThat(vm.format().e164Property().get()).isFalse();
        vm.choices().profileProperty().set(BuiltInProfile.SALESFORCE);
        assertThat(vm.format().e164Property().get()).isTrue();
        assertThat(vm.options().e164()).isTrue();
        vm.format().e164Property().set(false); // the option stays the user's
        assertThat(vm.options().e164()).isFalse();
        vm.choices().profileProperty().set(BuiltInProfile.META);
        assertThat(vm.format().e164Property().get()).isFalse();
    }

    @Test
    void nothingSaysTheExportStartedWhileTheReplaceQuestionIsOpen() throws Exception {
        ExportViewModel vm = vm();
        Path file = target(vm);
        Files.writeString(file, "keep me");
        List<String> seenWhileAsked = new ArrayList<>();
        vm.setDialogs(f -> {
            seenWhileAsked.add(vm.run().runningProperty().get() + "|" + vm.run().progressTextProperty().get());
            return true;
        });
        vm.export();
        assertThat(seenWhileAsked).containsExactly("false|");
        assertThat(vm.run().messageKindProperty().get()).isEqualTo(ExportRunViewModel.MessageKind.SUCCESS);
    }

    @Test
    void withNoFormsCachedThePreviewSaysToSyncNotToTickAForm() throws Exception {
        try (LeadStore empty = LeadStore.open(dir.resolve("empty").resolve("leaddesk.db"))) {
            ExportViewModel vm = new ExportViewModel(ExportSource.of(empty), LeadCache.of(empty), new Exporter(CLOCK),
                    new CustomProfiles(dir.resolve("settings")), executor, m, formats, CLOCK, "UA", out, Duration.ofMillis(200));
            vm.open(Set.of(), Set.of());
            assertThat(vm.preview().textProperty().get()).isEqualTo("No forms are cached yet: sync in the main window first, then export.")
                    .doesNotContain("Tick");
            assertThat(vm.canExportProperty().get()).isFalse();
        }
    }

    @Test
    void theFormsCountIsATextOfItsOwn() {
        ExportViewModel vm = vm();
        assertThat(vm.choices().forms().get(0).countText(m)).isEqualTo("(2,500)");
    }
}
