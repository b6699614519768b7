package io.leaddesk.imports;

import io.leaddesk.model.LeadBuilder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leaddesk.model.CustomDisclaimer;
import io.leaddesk.model.DisclaimerCheckbox;
import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
import io.leaddesk.model.QuestionOption;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredLead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an import does to a cache that already holds things: who wins, forget, forms, strictness, cancel. */
class ImportServiceTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final String PAGE = "104200000000101";
    static final String FORM = ImportFixtures.CSV_FORM;

    @TempDir
    Path dir;

    LeadStore store;
    ImportService imports;

    @BeforeEach
    void open() {
        store = LeadStore.open(dir.resolve("cache").resolve("leaddesk.db"));
        imports = new ImportService(store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The form of the CSV fixture as Meta would serve it: typed questions, options, a disclaimer. */
    static LeadForm metaForm() {
        return new LeadForm(FORM, PAGE, "Форма Німецька-новий_04", "ACTIVE", "uk_UA", "2025-01-01T10:00:00+0000",
                4098, 12, 100,
                List.of(new Question("q1", "full_name", "Повне ім'я", "FULL_NAME", null),
                        new Question("q2", "phone_number", "Номер телефону", "PHONE", null),
                        new Question("q3", "эл._адрес", "Эл. адрес", "EMAIL", null),
                        new Question("q4", "quais_serviços_te_interessam?", "Quais serviços te interessam?", "CUSTOM",
                                List.of(new QuestionOption("clareamento", "Clareamento"),
                                        new QuestionOption("ortodontia", "Ortodontia (aparelho)"),
                                        new QuestionOption("implante", "Implante"),
                                        new QuestionOption("limpeza", "Limpeza"))),
                        new Question("q5", "ملاحظات", "ملاحظات", "CUSTOM", null)),
                new CustomDisclaimer("Згода", "Я погоджуюсь",
                        List.of(new DisclaimerCheckbox("c1", "consent", "Так", true, false))),
                "https://example.org/privacy", "{\"id\":\"" + FORM + "\"}");
    }

    /** Lead 2490000000000101 as the Graph API served it (other answers than the file's). */
    static Lead servedByMeta() {
        String raw = "{\"id\":\"2490000000000101\",\"created_time\":\"2025-03-01T07:15:00+0000\",\"form_id\":\"" + FORM
                + "\",\"field_data\":[{\"name\":\"full_name\",\"values\":[\"Olena Served\"]}],\"is_organic\":false,"
                + "\"platform\":\"fb\"}";
        return LeadBuilder.lead("2490000000000101").created("2025-03-01T07:15:00+0000", 1740813300L).form(FORM)
                .organic(false).platform("fb").answer("full_name", "Olena Served").raw(raw).build();
    }

    private ImportResult importCsv() throws Exception {
        return imports.importFile(csv(), ImportOptions.defaults(), null, null);
    }

    private Path csv() throws Exception {
        Path p = dir.resolve(ImportFixtures.CSV);
        return Files.exists(p) ? p : ImportFixtures.copy(ImportFixtures.CSV, dir);
    }

    @Test
    void whatMetaServedThroughTheApiWinsOverTheFile() throws Exception {
        store.upsertForms(PAGE, List.of(metaForm()));
        store.upsertLeads(PAGE, metaForm(), List.of(servedByMeta()), Instant.parse("2026-11-30T00:00:00Z"));

        ImportResult r = importCsv();

        assertThat(r.summary()).isEqualTo("4 new, 1 already cached, 1 malformed row skipped");
        StoredLead kept = store.lead("2490000000000101").orElseThrow();
        assertThat(kept.lead().rawJson()).isEqualTo(servedByMeta().rawJson());
        assertThat(store.importOrigin("2490000000000101")).as("synced, not imported").isEmpty();
        assertThat(store.importOrigin("2490000000000102")).isPresent();
        assertThat(r.formsCreated()).as("the form is Meta's").isEmpty();
        assertThat(store.provisionalFormIds()).isEmpty();
        // leads of a synced form: its page, its question types (эл._адрес is the EMAIL question)
        LeadRow row = store.rows(LeadQuery.all().withPages(List.of(PAGE)).withSearch("Прикладенко"), 0, 1).get(0);
        assertThat(row.email()).isEqualTo("ivan.prykladenko@example.org");
        assertThat(row.phone()).isEqualTo("+380501112233");
        // a synced form's options split a multiple-choice cell; a cell that is not all options stays whole
        assertThat(values("2490000000000105", "quais_serviços_te_interessam?")).containsExactly("clareamento", "implante");
        assertThat(values("2490000000000103", "quais_serviços_te_interessam?")).containsExactly("limpeza");
        assertThat(values("2490000000000105", "ملاحظات")).containsExactly("Tenho convênio; aceitam?");
    }

    @Test
    void aLeadMetaServesAfterItsImportGetsMetasData() throws Exception {
        importCsv();
        store.upsertForms(PAGE, List.of(metaForm()));
        store.upsertLeads(PAGE, metaForm(), List.of(servedByMeta()), Instant.parse("2026-12-02T00:00:00Z"));

        assertThat(store.lead("2490000000000101").orElseThrow().lead().rawJson()).isEqualTo(servedByMeta().rawJson());
        assertThat(store.importOrigin("2490000000000101")).as("still the file that first brought it").isPresent();
        assertThat(store.totalLeads()).isEqualTo(5);
    }

    @Test
    void aSyncOfAFormTheImportCreatedReplacesItsQuestionsAndFitsItsLeads() throws Exception {
        importCsv();
        assertThat(values("2490000000000101", "quais_serviços_te_interessam?")).containsExactly("clareamento,ortodontia");
        assertThat(store.rows(LeadQuery.all().withSearch("Тестенко"), 0, 1).get(0).email()).as("EMAIL not known yet")
                .isEmpty();

        store.upsertForms(PAGE, List.of(metaForm())); // what a sync's forms refresh does

        assertThat(store.provisionalFormIds()).isEmpty();
        assertThat(store.form(FORM).orElseThrow().form().questions()).extracting(Question::type)
                .containsExactly("FULL_NAME", "PHONE", "EMAIL", "CUSTOM", "CUSTOM");
        assertThat(store.countLeads(LeadQuery.all().withPages(List.of(PAGE)))).isEqualTo(5);
        assertThat(store.pages()).isEmpty(); // upsertPage is the sync's; the leads still count in the form and page id
        LeadRow olena = store.rows(LeadQuery.all().withSearch("Тестенко"), 0, 1).get(0);
        assertThat(olena.pageId()).isEqualTo(PAGE);
        assertThat(olena.email()).isEqualTo("olena.testenko@example.com");
        assertThat(values("2490000000000101", "quais_serviços_te_interessam?")).containsExactly("clareamento", "ortodontia");
        assertThat(new ObjectMapper().readTree(store.lead("2490000000000101").orElseThrow().lead().rawJson())
                .get("field_data").get(3).toString())
                .isEqualTo("{\"name\":\"quais_serviços_te_interessam?\",\"values\":[\"clareamento\",\"ortodontia\"]}");
        assertThat(store.countLeads(LeadQuery.all().withSearch("ortodontia"))).isEqualTo(1);
        assertThat(store.importOrigin("2490000000000101")).isPresent();

        // a second sync of the same form finds nothing left to fit, and a new import uses Meta's definitions
        store.upsertForms(PAGE, List.of(metaForm()));
        assertThat(store.cachedCountsByForm()).containsEntry(FORM, 5L);
        ImportPreview again = imports.preview(csv(), ImportOptions.defaults(), null, null);
        assertThat(again.forms().get(0).provisional()).isFalse();
        assertThat(again.unrecognisedColumns()).containsExactly("lead_status", "inbox_url");
    }

    @Test
    void aLeadForgottenByIdIsNotBroughtBackEvenWhenForgottenAfterThePreview() throws Exception {
        store.upsertForms(PAGE, List.of(metaForm()));
        store.upsertLeads(PAGE, metaForm(), List.of(servedByMeta()), NOW);
        ImportPreview p = imports.preview(csv(), ImportOptions.defaults(), null, null);
        assertThat(p.alreadyCached()).isEqualTo(1);

        store.forget(List.of("2490000000000101"), null, null); // e.g. by another LeadDesk window, between the two steps
        ImportResult r = imports.importFile(p, null, null);

        assertThat(r.summary()).isEqualTo("4 new, 0 already cached, 1 forgotten (not brought back), 1 malformed row skipped");
        assertThat(store.lead("2490000000000101")).isEmpty();
        assertThat(imports.preview(csv(), ImportOptions.defaults(), null, null).forgotten()).isEqualTo(1);
        assertThat(imports.importFile(csv(), ImportOptions.defaults(), null, null).newLeads()).isZero();
        assertThat(store.lead("2490000000000101")).isEmpty();
    }

    @Test
    void forgettingAnImportedLeadTakesItsOriginAlong() throws Exception {
        importCsv();
        store.forget(List.of("2490000000000102"), null, null);
        assertThat(store.importOrigin("2490000000000102")).isEmpty();
        assertThat(store.importOrigin("2490000000000101")).isPresent();
    }

    @Test
    void strictRefusesAFileWithAMalformedRowAndWritesNothing() throws Exception {
        ImportPreview p = imports.preview(csv(), ImportOptions.defaults().withStrict(true), null, null);
        assertThat(p.state()).isEqualTo(ImportPreview.State.REFUSED);
        assertThat(p.refusal()).isEqualTo("A row of leads-2025-03.csv cannot be imported (line 7: created_time"
                + " \"yesterday\" is not a date and time with an offset), and --strict refuses a file with malformed rows:"
                + " nothing of it was imported; fix the file, or import without --strict to skip such rows.");
        assertThatThrownBy(() -> imports.importFile(csv(), ImportOptions.defaults().withStrict(true), null, null))
                .isInstanceOf(ImportException.class).hasMessage(p.refusal());
        assertThat(store.totalLeads()).isZero();
        assertThat(store.forms(List.of())).isEmpty();
    }

    @Test
    void aFileThatFailsPartWayLeavesTheCacheAsItWas() throws Exception {
        store.upsertForms(PAGE, List.of(metaForm()));
        store.upsertLeads(PAGE, metaForm(), List.of(servedByMeta()), NOW);
        MetaStyleFile file = new MetaStyleFile(List.of("id", "created_time", "form_id", "full_name"));
        for (int i = 0; i < 1200; i++) {
            file.row("l:" + (3_000_000_000L + i), "2025-01-01T10:00:00+0000", "f:555", "Person " + i);
        }
        Path path = file.write(dir.resolve("big.csv"), MetaStyleFile.Flavour.CSV_UTF8_BOM);
        ImportPreview p = imports.preview(path, ImportOptions.defaults().withStrict(true), null, null);
        assertThat(p.state()).isEqualTo(ImportPreview.State.READY);
        // the file gains a malformed last row after its preview: the import fails after 1,200 leads went into its
        // transaction, and the transaction is rolled back
        Files.writeString(path, "l:4000000000,not a time,f:555,Late\r\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThatThrownBy(() -> imports.importFile(p, null, null)).isInstanceOf(ImportException.class)
                .hasMessageContaining("line 1202: created_time \"not a time\" is not a date and time with an offset");

        assertThat(store.totalLeads()).isEqualTo(1);
        assertThat(store.form("555")).isEmpty();
        assertThat(store.imports()).isEmpty();
        assertThat(store.provisionalFormIds()).isEmpty();
    }

    @Test
    void aFileWithoutFormIdsAsksForTheFormAndTakesACachedOne() throws Exception {
        MetaStyleFile file = new MetaStyleFile(List.of("id", "created_time", "full_name", "эл._адрес", "lead_status"))
                .row("l:11", "2025-01-01T10:00:00+0000", "Олена", "olena@example.com", "NEW")
                .row("l:12", "2025-01-02T10:00:00+0000", "Іван", "ivan@example.com", "NEW");
        Path path = file.write(dir.resolve("no-form.csv"), MetaStyleFile.Flavour.CSV_UTF8_BOM);

        ImportPreview p = imports.preview(path, ImportOptions.defaults(), null, null);
        assertThat(p.state()).isEqualTo(ImportPreview.State.NEEDS_FORM);
        assertThat(p.problems()).isEmpty();
        assertThat(p.newLeads()).isEqualTo(2);
        assertThat(p.unrecognisedColumns()).containsExactly("lead_status");
        assertThatThrownBy(() -> imports.importFile(p, null, null)).isInstanceOf(ImportException.class)
                .hasMessageStartingWith("The file no-form.csv does not say which form its leads belong to");
        assertThatThrownBy(() -> imports.preview(path, ImportOptions.defaults().withForm(FORM), null, null))
                .isInstanceOf(ImportException.class)
                .hasMessageStartingWith("Form " + FORM + " is not in the lead cache and no-form.csv does not name it");
        assertThatThrownBy(() -> imports.preview(path, ImportOptions.defaults().withForm("Форма"), null, null))
                .hasMessageStartingWith("\"Форма\" is not a form id");
        Path emptyFormIds = new MetaStyleFile(List.of("id", "created_time", "form_id", "full_name"))
                .row("l:13", "2025-01-01T10:00:00+0000", "", "Олена")
                .write(dir.resolve("empty-form-ids.csv"), MetaStyleFile.Flavour.CSV_UTF8_BOM);
        assertThatThrownBy(() -> imports.preview(emptyFormIds, ImportOptions.defaults().withForm(FORM), null, null))
                .hasMessageStartingWith("Form " + FORM + " is not in the lead cache and empty-form-ids.csv does not name it");

        store.upsertForms(PAGE, List.of(metaForm()));
        ImportPreview chosen = imports.preview(path, ImportOptions.defaults().withForm("f:" + FORM), null, null);
        assertThat(chosen.state()).isEqualTo(ImportPreview.State.READY);
        assertThat(chosen.forms()).singleElement().satisfies(m -> {
            assertThat(m.formId()).isEqualTo(FORM);
            assertThat(m.questionColumns()).containsExactly("full_name", "эл._адрес");
        });
        ImportResult r = imports.importFile(chosen, null, null);
        assertThat(r.newLeads()).isEqualTo(2);
        assertThat(store.lead("11").orElseThrow().lead().formId()).isEqualTo(FORM);
        assertThat(store.rows(LeadQuery.forms(List.of(FORM)), 0, 5)).extracting(LeadRow::email)
                .containsExactly("ivan@example.com", "olena@example.com");
    }

    @Test
    void rowsOfAnotherFormThanTheOneGivenAreMalformed() throws Exception {
        store.upsertForms(PAGE, List.of(metaForm()));
        MetaStyleFile file = new MetaStyleFile(List.of("id", "created_time", "form_id", "full_name"))
                .row("l:21", "2025-01-01T10:00:00+0000", "f:" + FORM, "A")
                .row("l:22", "2025-01-01T10:00:00+0000", "f:777", "B")
                .row("l:23", "2025-01-01T10:00:00+0000", "", "C");
        Path path = file.write(dir.resolve("mixed.csv"), MetaStyleFile.Flavour.CSV_UTF8_BOM);
        ImportPreview p = imports.preview(path, ImportOptions.defaults().withForm(FORM), null, null);
        assertThat(p.problems()).containsExactly(new RowProblem(3, "belongs to form 777, not to the form given (" + FORM + ")"));
        assertThat(imports.importFile(p, null, null).newLeads()).isEqualTo(2);
    }

    @Test
    void aFileOfSeveralFormsCreatesEachWithTheColumnsItsRowsAnswer() throws Exception {
        MetaStyleFile file = new MetaStyleFile(List.of("id", "created_time", "form_id", "form_name", "full_name",
                "вік_дитини", "budget", "lead_status"))
                .row("l:31", "2025-01-01T10:00:00+0000", "f:801", "Діти", "Олена", "6-8", "", "NEW")
                .row("l:32", "2025-01-02T10:00:00+0000", "f:802", "B2B", "Zoé", "", "1 000", "")
                .row("l:33", "2025-01-03T10:00:00+0000", "f:801", "Діти", "Іван", "", "", "")
                .row("l:31", "2025-01-01T10:00:00+0000", "f:801", "Діти", "Олена", "6-8", "", "NEW")
                .row("l:34", "2025-01-04T10:00:00+0000", "", "", "Nobody", "", "", "");
        Path path = file.write(dir.resolve("two-forms.csv"), MetaStyleFile.Flavour.CSV_UTF8_BOM);

        ImportPreview p = imports.preview(path, ImportOptions.defaults(), null, null);
        assertThat(p.forms()).extracting(FormMatch::formId, FormMatch::formName, FormMatch::rows, FormMatch::newLeads)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("801", "Діти", 3L, 2L),
                        org.assertj.core.groups.Tuple.tuple("802", "B2B", 1L, 1L));
        assertThat(p.forms().get(0).questionColumns()).containsExactly("full_name", "вік_дитини");
        assertThat(p.forms().get(1).questionColumns()).containsExactly("full_name", "budget");
        assertThat(p.unrecognisedColumns()).containsExactly("lead_status");
        assertThat(p.duplicates()).isEqualTo(1);
        assertThat(p.problems()).containsExactly(new RowProblem(6, "has no form_id"));

        ImportResult r = imports.importFile(p, null, null);
        assertThat(r.summary()).isEqualTo("3 new, 0 already cached, 1 repeated row, 1 malformed row skipped");
        assertThat(store.form("801").orElseThrow().form().questions()).extracting(Question::key)
                .containsExactly("full_name", "вік_дитини");
        assertThat(store.lead("33").orElseThrow().lead().fieldData()).containsExactly(
                new FieldAnswer("full_name", List.of("Іван")), new FieldAnswer("вік_дитини", List.of()));
    }

    @Test
    void aDisclaimerCheckboxColumnOfASyncedFormBecomesItsResponse() throws Exception {
        store.upsertForms(PAGE, List.of(metaForm()));
        MetaStyleFile file = new MetaStyleFile(List.of("id", "created_time", "form_id", "full_name", "consent", "extra"))
                .row("l:41", "2025-01-01T10:00:00+0000", "f:" + FORM, "A", "1", "x")
                .row("l:42", "2025-01-01T10:00:00+0000", "f:" + FORM, "B", "", "y");
        ImportPreview p = imports.preview(file.write(dir.resolve("consent.csv"), MetaStyleFile.Flavour.CSV_UTF8_BOM),
                ImportOptions.defaults(), null, null);
        assertThat(p.forms().get(0).questionColumns()).containsExactly("full_name", "consent");
        assertThat(p.unrecognisedColumns()).containsExactly("extra");
        imports.importFile(p, null, null);
        Lead a = store.lead("41").orElseThrow().lead();
        assertThat(a.disclaimerResponses()).containsExactly(new DisclaimerResponse("consent", true));
        assertThat(a.fieldData()).extracting(FieldAnswer::name).containsExactly("full_name");
        assertThat(store.lead("42").orElseThrow().lead().disclaimerResponses())
                .containsExactly(new DisclaimerResponse("consent", false));
    }

    @Test
    void progressIsReportedAndACancelWritesNothing() throws Exception {
        MetaStyleFile file = new MetaStyleFile(List.of("id", "created_time", "form_id", "full_name"));
        for (int i = 0; i < 3000; i++) {
            file.row("l:" + (5_000_000_000L + i), "2025-01-01T10:00:00+0000", "f:900", "Person " + i);
        }
        Path path = file.write(dir.resolve("cancel.csv"), MetaStyleFile.Flavour.TSV_UTF16LE_BOM);
        List<ImportProgress> events = new ArrayList<>();
        ImportPreview p = imports.preview(path, ImportOptions.defaults(), events::add, () -> false);
        assertThat(events).extracting(ImportProgress::rows).containsExactly(1000L, 2000L, 3000L, 3000L);
        assertThat(events.get(events.size() - 1).fraction()).isEqualTo(1.0);
        assertThat(events).allMatch(e -> e.phase() == ImportProgress.Phase.PREVIEW);

        assertThat(imports.preview(path, ImportOptions.defaults(), null, () -> true).state())
                .isEqualTo(ImportPreview.State.CANCELLED);

        AtomicInteger asked = new AtomicInteger();
        // cancelled at the fourth look (row 1,024), after the first 500 leads went into the transaction
        ImportResult r = imports.importFile(p, null, () -> asked.incrementAndGet() >= 4);
        assertThat(r.cancelled()).isTrue();
        assertThat(store.totalLeads()).isZero();
        assertThat(store.forms(List.of())).isEmpty();

        events.clear();
        ImportResult done = imports.importFile(p, events::add, null);
        assertThat(done.newLeads()).isEqualTo(3000);
        assertThat(events).extracting(ImportProgress::phase).containsOnly(ImportProgress.Phase.WRITING);
        assertThat(events.get(events.size() - 1).rows()).isEqualTo(3000);
    }

    private List<String> values(String leadId, String key) {
        return store.lead(leadId).orElseThrow().lead().fieldData().stream().filter(a -> a.name().equals(key))
                .findFirst().orElseThrow().values();
    }
}
