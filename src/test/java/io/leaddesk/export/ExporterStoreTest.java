package io.leaddesk.export;

import static io.leaddesk.export.Fixtures.PAGE;
import static io.leaddesk.export.Fixtures.T;
import static io.leaddesk.export.Fixtures.a;
import static io.leaddesk.export.Fixtures.iso;
import static io.leaddesk.export.Fixtures.lead;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.store.ExportRecord;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredLead;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter against a real LeadStore (SQLite in a temp folder): every export read back and compared with the cache. */
class ExporterStoreTest {

    @TempDir
    Path dir;

    LeadStore store;
    InMemorySource sample;
    final Exporter exporter = new Exporter(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void fill() {
        sample = Fixtures.sample();
        store = LeadStore.open(dir.resolve("leads.db"));
        store.upsertPage(new PageInfo(PAGE, "Школа", null, List.of()));
        List<LeadForm> forms = sample.forms.stream().map(GraphJson::withRaw).toList();
        store.upsertForms(PAGE, forms);
        Instant seen = Instant.parse("2026-11-22T00:00:00Z");
        for (LeadForm f : forms) {
            List<Lead> leads = sample.leads.stream().map(StoredLead::lead).filter(l -> l.formId().equals(f.id())).map(GraphJson::withRaw).toList();
            store.upsertLeads(PAGE, f, leads, seen);
        }
        for (StoredLead l : sample.leads) {
            if (l.status() != io.leaddesk.store.ReviewStatus.NEW || !l.note().isEmpty()) {
                store.setReview(l.id(), l.status(), l.note());
            }
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    static String joined(StoredLead l, String key) {
        for (FieldAnswer fa : l.lead().fieldData()) {
            if (fa.name().equals(key)) {
                return FormulaGuard.neutralise(String.join(" | ", fa.values()));
            }
        }
        return "";
    }

    @Test
    void metaExportOfTheRealCacheMatchesEveryCachedValue() throws IOException {
        Path file = dir.resolve("meta.csv");
        ExportResult r = exporter.export(store, ExportOptions.excel().withDelimiter(';'), file, null, null);
        CsvReadBack csv = CsvReadBack.read(file, ';');
        assertThat(csv.bom()).isTrue();
        assertThat(r.rowsWritten()).isEqualTo(4);
        // the store lists forms by page then name: "Second..." before "Школа...", so its keys come first
        assertThat(csv.header()).containsExactly("id", "created_time", "ad_id", "ad_name", "adset_id", "adset_name",
                "campaign_id", "campaign_name", "form_id", "form_name", "is_organic", "platform",
                "first_name", "last_name", "e_mail", "phone_number", "company", "коментар",
                "full_name", "эл._адрес", "country", "куди_відправити_інформацію?", "utm_source",
                "disclaimer:marketing", "disclaimer:sms", "disclaimer:privacy", "lead_status", "note");
        assertThat(csv.rows()).extracting(row -> row.get(0)).containsExactly("1001", "1002", "1003", "1004");
        for (List<String> row : csv.rows()) {
            StoredLead cached = store.lead(row.get(0)).orElseThrow();
            Lead l = cached.lead();
            assertThat(row.subList(0, 12)).containsExactly(l.id(), iso(l.createdEpochSecond()), l.adId(), l.adName(),
                    l.adsetId(), l.adsetName(), l.campaignId(), l.campaignName(), l.formId(),
                    store.form(l.formId()).orElseThrow().form().name(), "false", "fb");
            for (String key : csv.header().subList(12, 23)) {
                assertThat(row.get(csv.col(key))).as("%s %s", l.id(), key).isEqualTo(joined(cached, key));
            }
            for (String box : List.of("marketing", "privacy", "sms")) {
                String expected = l.disclaimerResponses().stream().filter(d -> d.checkboxKey().equals(box))
                        .map(DisclaimerResponse::checked).map(String::valueOf).findFirst().orElse("");
                assertThat(row.get(csv.col("disclaimer:" + box))).isEqualTo(expected);
            }
            assertThat(row.get(csv.col("lead_status"))).isEqualTo(cached.status().wireName());
            assertThat(row.get(csv.col("note"))).isEqualTo(cached.note() == null ? "" : cached.note());
        }
        assertThat(csv.cell(0, "коментар")).isEqualTo("Line1\nLine2, with \"quotes\" and emoji 😀\r\nend");
        assertThat(csv.cell(1, "коментар")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(csv.cell(3, "note")).isEqualTo("called\r\nback, twice; \"ok\"");
    }

    @Test
    void everyCrmProfileExportsEveryLeadOfTheCache() throws IOException {
        for (BuiltInProfile p : BuiltInProfile.values()) {
            Path file = dir.resolve(p.cliName() + ".csv");
            exporter.export(store, ExportOptions.defaults().withProfile(p).withE164(true, "UA"), file, null, null);
            CsvReadBack csv = CsvReadBack.read(file, ',');
            assertThat(csv.rows()).as(p.name()).hasSize(4);
            assertThat(csv.rows()).allSatisfy(row -> assertThat(row).hasSize(csv.header().size()));
        }
        CsvReadBack h = CsvReadBack.read(dir.resolve("hubspot.csv"), ',');
        assertThat(h.rowWhere("Lead ID", "1002").subList(0, 4)).containsExactly("محمد", "علي", "", "+380501234567");
        assertThat(h.rowWhere("Lead ID", "1002").get(h.col("Platform"))).isEqualTo("Facebook");
        CsvReadBack s = CsvReadBack.read(dir.resolve("salesforce.csv"), ',');
        assertThat(s.rowWhere("Lead ID", "1003").get(s.col("Company"))).isEqualTo("ACME; GmbH");
    }

    @Test
    void historyShowsOnTheLeadAndNewOnlyExportsOnlyLeadsNeverExported() throws IOException {
        Path first = dir.resolve("first.csv");
        exporter.export(store, ExportOptions.defaults().withQuery(LeadQuery.forms(List.of("f1"))), first, null, null);
        List<ExportRecord> h = store.exportsOf("1001");
        assertThat(h).hasSize(1);
        assertThat(h.get(0).file()).isEqualTo(first.toAbsolutePath().toString());
        assertThat(h.get(0).profile()).isEqualTo("META");
        assertThat(h.get(0).leadCount()).isEqualTo(2);
        assertThat(h.get(0).at()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(store.exportsOf("1003")).isEmpty();

        LeadForm f1 = store.form("f1").orElseThrow().form();
        store.upsertLeads(PAGE, f1, List.of(GraphJson.withRaw(lead("1005", "f1", T + 10, a("full_name", "Later Person")))),
                Instant.parse("2026-11-23T09:00:00Z"));
        Path second = dir.resolve("second.csv");
        ExportResult r = exporter.export(store, ExportOptions.defaults().withQuery(LeadQuery.all().withNotExportedBefore(true)),
                second, null, null);
        assertThat(CsvReadBack.read(second, ',').rows()).extracting(row -> row.get(0)).containsExactly("1005", "1003", "1004");
        assertThat(r.leadsCovered()).isEqualTo(3);
        assertThat(store.exportsOf("1005")).hasSize(1);
        assertThat(store.exportsOf("1001")).hasSize(1);

        Path third = dir.resolve("third.csv");
        ExportResult none = exporter.export(store, ExportOptions.defaults().withQuery(LeadQuery.all().withNotExportedBefore(true)),
                third, null, null);
        assertThat(none.rowsWritten()).isZero();
        assertThat(CsvReadBack.read(third, ',').rows()).isEmpty();
    }

    @Test
    void dedupeAcrossFormsOfTheRealCache() throws IOException {
        LeadForm f1 = store.form("f1").orElseThrow().form();
        LeadForm f2 = store.form("f2").orElseThrow().form();
        store.upsertLeads(PAGE, f2, List.of(GraphJson.withRaw(lead("1006", "f2", T + 5, a("first_name", "Olena"),
                a("e_mail", "olena@example.COM"), a("phone_number", "+380671112233")))), Instant.now());
        store.upsertLeads(PAGE, f1, List.of(GraphJson.withRaw(lead("1007", "f1", T - 1000, a("full_name", "O P"),
                a("phone_number", "067 111 22 33"), a("country", "UA")))), Instant.now());
        Path file = dir.resolve("dedupe.csv");
        ExportResult r = exporter.export(store, ExportOptions.defaults().withDedupe(true), file, null, null);
        CsvReadBack csv = CsvReadBack.read(file, ',');
        List<String> ids = new ArrayList<>();
        csv.rows().forEach(row -> ids.add(row.get(0)));
        // 1006 shares the email with 1001 (case differs) and the phone with 1007 (national form, country UA);
        // 1002's national phone with country "Україна" is 1001's number: one person, four submissions
        assertThat(ids).containsExactly("1006", "1003", "1004");
        assertThat(csv.rowWhere("id", "1006").get(csv.col("submissions"))).isEqualTo("4");
        assertThat(csv.rowWhere("id", "1006").get(csv.col("first_name"))).isEqualTo("Olena");
        assertThat(r.leadsCovered()).isEqualTo(6);
        assertThat(store.exportsOf("1007")).hasSize(1);
    }

    @Test
    void cancelAgainstTheRealStoreWritesNothingAndRecordsNoHistory() throws IOException {
        Path file = dir.resolve("cancelled.csv");
        ExportResult r = exporter.export(store, ExportOptions.defaults().withProfile(BuiltInProfile.PIPEDRIVE), file, null, () -> true);
        assertThat(r.cancelled()).isTrue();
        assertThat(file).doesNotExist();
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
        assertThat(store.exportsOf("1001")).isEmpty();
        assertThat(store.countLeads(LeadQuery.all().withNotExportedBefore(true))).isEqualTo(4);
    }
}
