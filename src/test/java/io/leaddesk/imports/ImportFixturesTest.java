package io.leaddesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leaddesk.store.ImportOrigin;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredForm;
import io.leaddesk.store.StoredLead;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two flavours of Meta's download, invented, imported into an empty cache: what the user gets. */
class ImportFixturesTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void theUtf8CsvPreviewSaysWhatItHoldsAndWritesNothing() throws Exception {
        Path csv = ImportFixtures.copy(ImportFixtures.CSV, dir);
        ImportPreview p = imports.preview(csv, ImportOptions.defaults(), null, null);

        assertThat(p.state()).isEqualTo(ImportPreview.State.READY);
        assertThat(p.encoding()).isEqualTo("UTF-8 with BOM");
        assertThat(p.separatorName()).isEqualTo("comma");
        assertThat(p.rows()).isEqualTo(6);
        assertThat(p.newLeads()).isEqualTo(5);
        assertThat(p.alreadyCached()).isZero();
        assertThat(p.skipped()).isEqualTo(1);
        // the second row spans lines 3-5 (line breaks inside its quoted note), so "yesterday" is on line 7
        assertThat(p.problems()).containsExactly(new RowProblem(7,
                "created_time \"yesterday\" is not a date and time with an offset"));
        assertThat(p.forms()).hasSize(1);
        FormMatch m = p.forms().get(0);
        assertThat(m.formId()).isEqualTo(ImportFixtures.CSV_FORM);
        assertThat(m.formName()).isEqualTo("Форма Німецька-новий_04");
        assertThat(m.inCache()).isFalse();
        assertThat(m.provisional()).isTrue();
        assertThat(m.questionColumns()).containsExactly("full_name", "phone_number", "эл._адрес",
                "quais_serviços_te_interessam?", "ملاحظات");
        assertThat(p.unrecognisedColumns()).containsExactly("lead_status", "inbox_url");
        assertThat(p.leadColumns()).startsWith("id", "created_time", "ad_id").contains("form_name", "is_organic");
        assertThat(p.summary()).isEqualTo("5 new, 0 already cached, 1 malformed row skipped");

        assertThat(store.totalLeads()).isZero();
        assertThat(store.forms(List.of())).isEmpty();
    }

    @Test
    void theUtf8CsvImportsGraphShapedLeadsWithoutPrefixesAndWithTheirOrigin() throws Exception {
        Path csv = ImportFixtures.copy(ImportFixtures.CSV, dir);
        ImportResult r = imports.importFile(csv, ImportOptions.defaults(), null, null);

        assertThat(r.cancelled()).isFalse();
        assertThat(r.summary()).isEqualTo("5 new, 0 already cached, 1 malformed row skipped");
        assertThat(r.formsCreated()).containsExactly(ImportFixtures.CSV_FORM);
        assertThat(store.totalLeads()).isEqualTo(5);

        assertThat(json("2490000000000101")).isEqualTo(JSON.readTree("""
                {"id":"2490000000000101","created_time":"2025-03-01T07:15:00+0000",
                 "ad_id":"120200000000101","ad_name":"3/статика/Уроки німецької, від 299 грн",
                 "adset_id":"120200000000201","adset_name":"Україна/30-55/Ж",
                 "campaign_id":"120200000000301","campaign_name":"Student/Анатолій/ЛФ/Україна,30-55,Ж",
                 "form_id":"900000000000101","is_organic":false,"platform":"fb",
                 "field_data":[{"name":"full_name","values":["Олена Тестенко"]},
                               {"name":"phone_number","values":["+380631045546"]},
                               {"name":"эл._адрес","values":["olena.testenko@example.com"]},
                               {"name":"quais_serviços_te_interessam?","values":["clareamento,ortodontia"]},
                               {"name":"ملاحظات","values":["أرغب في رحلة عائلية، شكراً"]}]}"""));
        // organic, no ad ids; a note of three lines; quotes inside a name
        assertThat(json("2490000000000102")).isEqualTo(JSON.readTree("""
                {"id":"2490000000000102","created_time":"2025-03-02T10:00:00+0000","form_id":"900000000000101",
                 "is_organic":true,"platform":"ig",
                 "field_data":[{"name":"full_name","values":["Іван \\"Ваня\\" Прикладенко"]},
                               {"name":"phone_number","values":["+380501112233"]},
                               {"name":"эл._адрес","values":["ivan.prykladenko@example.org"]},
                               {"name":"quais_serviços_te_interessam?","values":["implante"]},
                               {"name":"ملاحظات","values":["Перший рядок\\nSegunda linha\\nالسطر الثالث"]}]}"""));
        Map<String, List<String>> third = answers("2490000000000103");
        assertThat(third.get("ملاحظات")).containsExactly("=HYPERLINK(\"http://example.com\",\"click\")");
        assertThat(lead("2490000000000103").lead().createdTime()).isEqualTo("2025-03-03T11:30:00+0000");
        assertThat(lead("2490000000000105").lead().createdTime()).isEqualTo("2025-03-05T11:00:00+0000");
        assertThat(lead("2490000000000106").lead().createdTime()).isEqualTo("2025-03-06T11:45:00+0000");
        assertThat(lead("2490000000000106").lead().isOrganic()).isTrue();
        assertThat(answers("2490000000000106").get("quais_serviços_te_interessam?")).isEmpty();
        assertThat(store.lead("2490000000000104")).as("the malformed row").isEmpty();
        for (String id : List.of("2490000000000101", "2490000000000102", "2490000000000106")) {
            assertThat(json(id).has("lead_status")).isFalse();
            assertThat(json(id).toString()).doesNotContain("inbox", "CREATED", "l:", "f:", "p:+");
        }

        ImportOrigin origin = store.importOrigin("2490000000000101").orElseThrow();
        assertThat(origin.fileName()).isEqualTo("leads-2025-03.csv");
        assertThat(origin.importedAt()).isEqualTo(NOW);
        assertThat(store.imports()).singleElement().satisfies(i -> {
            assertThat(i.fileName()).isEqualTo("leads-2025-03.csv");
            assertThat(i.newLeads()).isEqualTo(5);
        });
    }

    @Test
    void importedLeadsAreSearchableCountedInTheirFormAndListedLikeAnyOther() throws Exception {
        imports.importFile(ImportFixtures.copy(ImportFixtures.CSV, dir), ImportOptions.defaults(), null, null);

        assertThat(store.countLeads(LeadQuery.all().withSearch("Тестенко"))).isEqualTo(1);
        assertThat(store.countLeads(LeadQuery.all().withSearch("Conceição"))).isEqualTo(1);
        assertThat(store.countLeads(LeadQuery.all().withSearch("مثال"))).isEqualTo(1);
        assertThat(store.countLeads(LeadQuery.all().withSearch("380631045546"))).isEqualTo(1);
        assertThat(store.countLeads(LeadQuery.all().withOrganic(true))).isEqualTo(2);
        assertThat(store.cachedCountsByForm()).containsEntry(ImportFixtures.CSV_FORM, 5L);
        StoredForm form = store.form(ImportFixtures.CSV_FORM).orElseThrow();
        assertThat(form.cachedLeads()).isEqualTo(5);
        assertThat(form.form().name()).isEqualTo("Форма Німецька-новий_04");
        assertThat(form.form().questions()).extracting(q -> q.key() + "=" + q.type()).containsExactly(
                "full_name=CUSTOM", "phone_number=CUSTOM", "эл._адрес=CUSTOM", "quais_serviços_te_interessam?=CUSTOM",
                "ملاحظات=CUSTOM");
        assertThat(form.lastSynced()).as("an import is no sync").isNull();
        assertThat(form.watermark()).isNull();
        assertThat(store.provisionalFormIds()).containsExactly(ImportFixtures.CSV_FORM);
        // the leads table shows the name and phone found through the well-known keys while the questions are placeholders
        List<LeadRow> rows = store.rows(LeadQuery.all(), 0, 10);
        assertThat(rows).extracting(LeadRow::name).containsExactly("ليلى مثال", "Conceição da Silva Teste",
                "João Exemplo", "Іван \"Ваня\" Прикладенко", "Олена Тестенко");
        assertThat(rows.get(4).phone()).isEqualTo("+380631045546");
    }

    @Test
    void importedLeadsAreReviewableAndExportable() throws Exception {
        imports.importFile(ImportFixtures.copy(ImportFixtures.CSV, dir), ImportOptions.defaults(), null, null);
        store.setReview("2490000000000105", io.leaddesk.store.ReviewStatus.QUALIFIED, "Ligou de volta");
        Path out = dir.resolve("export.csv");
        io.leaddesk.export.ExportResult r = new io.leaddesk.export.Exporter().export(store,
                io.leaddesk.export.ExportOptions.defaults(), out, null, null);
        assertThat(r.rowsWritten()).isEqualTo(5);
        String text = java.nio.file.Files.readString(out);
        assertThat(text).contains("Олена Тестенко", "+380631045546", "Conceição da Silva Teste", "qualified");
        assertThat(store.lead("2490000000000105").orElseThrow().note()).isEqualTo("Ligou de volta");
    }

    @Test
    void theUtf16TsvOfTheExportCsvLinkImportsToo() throws Exception {
        Path tsv = ImportFixtures.copy(ImportFixtures.TSV, dir);
        ImportPreview p = imports.preview(tsv, ImportOptions.defaults(), null, null);

        assertThat(p.encoding()).isEqualTo("UTF-16LE with BOM");
        assertThat(p.separatorName()).isEqualTo("tab");
        assertThat(p.rows()).isEqualTo(4);
        assertThat(p.problems()).containsExactly(new RowProblem(5, "has 5 cells where the header has 18"));
        assertThat(p.forms()).singleElement().satisfies(m -> {
            assertThat(m.formName()).isEqualTo("استفسار عن الرحلات");
            assertThat(m.questionColumns()).containsExactly("full_name", "البريد_الإلكتروني", "phone_number",
                    "quais_serviços_te_interessam?", "коментар");
        });
        assertThat(p.unrecognisedColumns()).containsExactly("inbox_url");

        ImportResult r = imports.importFile(p, null, null);
        assertThat(r.summary()).isEqualTo("3 new, 0 already cached, 1 malformed row skipped");
        assertThat(json("2490000000000201")).isEqualTo(JSON.readTree("""
                {"id":"2490000000000201","created_time":"2025-04-01T09:00:00+0000",
                 "ad_id":"120200000000401","ad_name":"MENA | رحلات عائلية | 2025",
                 "adset_id":"120200000000402","adset_name":"الأردن، لبنان / 25-55",
                 "campaign_id":"120200000000403","campaign_name":"رحلات, 2025",
                 "form_id":"900000000000202","is_organic":false,"platform":"ig",
                 "field_data":[{"name":"full_name","values":["يوسف مثال"]},
                               {"name":"البريد_الإلكتروني","values":["yusuf@example.com"]},
                               {"name":"phone_number","values":["+447700900456"]},
                               {"name":"quais_serviços_te_interessam?","values":["manhã"]},
                               {"name":"коментар","values":["Перший рядок\\r\\nДругий рядок"]}]}"""));
        StoredLead organic = lead("2490000000000202");
        assertThat(organic.lead().isOrganic()).isTrue();
        assertThat(organic.lead().adId()).isNull();
        assertThat(organic.lead().campaignId()).isNull();
        assertThat(answers("2490000000000202").get("коментар")).containsExactly("Текст з \"лапками\" і\ttabом");
        assertThat(lead("2490000000000204").lead().createdTime()).isEqualTo("2025-04-04T17:25:00+0000");
        assertThat(answers("2490000000000204").get("коментар")).containsExactly("@SUM(1+1)*cmd|' /C calc'!A0");
    }

    @Test
    void reimportingTheSameFileChangesNothing() throws Exception {
        Path csv = ImportFixtures.copy(ImportFixtures.CSV, dir);
        imports.importFile(csv, ImportOptions.defaults(), null, null);
        String before = json("2490000000000101").toString();

        ImportPreview again = imports.preview(csv, ImportOptions.defaults(), null, null);
        assertThat(again.forms()).singleElement().satisfies(m -> {
            assertThat(m.inCache()).isTrue();
            assertThat(m.provisional()).isTrue();
            assertThat(m.newLeads()).isZero();
        });
        ImportResult r = imports.importFile(again, null, null);

        assertThat(r.summary()).isEqualTo("0 new, 5 already cached, 1 malformed row skipped");
        assertThat(r.importId()).as("nothing new: no import recorded").isNull();
        assertThat(store.totalLeads()).isEqualTo(5);
        assertThat(store.imports()).hasSize(1);
        assertThat(json("2490000000000101").toString()).isEqualTo(before);
    }

    @Test
    void bothFlavoursGoIntoOneCacheSideBySide() throws Exception {
        imports.importFile(ImportFixtures.copy(ImportFixtures.CSV, dir), ImportOptions.defaults(), null, null);
        imports.importFile(ImportFixtures.copy(ImportFixtures.TSV, dir), ImportOptions.defaults(), null, null);

        assertThat(store.totalLeads()).isEqualTo(8);
        assertThat(store.cachedCountsByForm()).containsExactlyInAnyOrderEntriesOf(
                Map.of(ImportFixtures.CSV_FORM, 5L, ImportFixtures.TSV_FORM, 3L));
        assertThat(store.importOrigin("2490000000000201").orElseThrow().fileName())
                .isEqualTo("export_csv-900000000000202.tsv");
    }

    private StoredLead lead(String id) {
        return store.lead(id).orElseThrow(() -> new AssertionError("no lead " + id));
    }

    private JsonNode json(String id) throws Exception {
        return JSON.readTree(lead(id).lead().rawJson());
    }

    private Map<String, List<String>> answers(String id) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        lead(id).lead().fieldData().forEach(a -> out.put(a.name(), a.values()));
        return out;
    }
}
