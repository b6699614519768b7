package io.leaddesk.export;

import static io.leaddesk.export.Fixtures.a;
import static io.leaddesk.export.Fixtures.consent;
import static io.leaddesk.export.Fixtures.form;
import static io.leaddesk.export.Fixtures.iso;
import static io.leaddesk.export.Fixtures.lead;
import static io.leaddesk.export.Fixtures.q;
import static io.leaddesk.export.Fixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.store.StoredLead;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExporterTest {

    static final long T = 1_760_000_000L;

    @TempDir
    Path dir;

    final Exporter exporter = new Exporter(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    InMemorySource source;
    LeadForm f1;
    LeadForm f2;

    @BeforeEach
    void fill() {
        source = Fixtures.sample();
        f1 = source.forms.get(0);
        f2 = source.forms.get(1);
    }

    Path out(String name) {
        return dir.resolve(name);
    }

    ExportResult run(ExportOptions o, Path file) {
        return exporter.export(source, o, file, ExportListener.NONE, () -> false);
    }

    /** The expected Meta cell for a question key, computed from the source lead. */
    static String answer(StoredLead l, String key) {
        for (FieldAnswer fa : l.lead().fieldData()) {
            if (fa.name().equals(key)) {
                return FormulaGuard.neutralise(String.join(" | ", fa.values()));
            }
        }
        return "";
    }

    static String disclaimer(StoredLead l, String key) {
        for (DisclaimerResponse r : l.lead().disclaimerResponses()) {
            if (r.checkboxKey().equals(key)) {
                return Boolean.toString(r.checked());
            }
        }
        return "";
    }

    @Test
    void metaProfileHasMetaColumnsInOrderAndEveryCellMatchesTheCache() throws IOException {
        Path file = out("meta.csv");
        ExportResult r = run(ExportOptions.defaults(), file);

        CsvReadBack csv = CsvReadBack.read(file, ',');
        assertThat(csv.bom()).isFalse();
        assertThat(csv.header()).containsExactly("id", "created_time", "ad_id", "ad_name", "adset_id", "adset_name",
                "campaign_id", "campaign_name", "form_id", "form_name", "is_organic", "platform",
                "full_name", "phone_number", "эл._адрес", "country", "куди_відправити_інформацію?", "коментар",
                "first_name", "last_name", "e_mail", "company", "utm_source",
                "disclaimer:marketing", "disclaimer:privacy", "disclaimer:sms", "lead_status", "note");
        assertThat(r.rowsWritten()).isEqualTo(4);
        assertThat(r.leadsCovered()).isEqualTo(4);
        assertThat(csv.rows()).hasSize(4);
        List<StoredLead> expected = source.matching(LeadQuery.all());
        List<String> keys = csv.header().subList(12, 23);
        for (int i = 0; i < expected.size(); i++) {
            StoredLead l = expected.get(i);
            List<String> row = csv.rows().get(i);
            assertThat(row).hasSize(csv.header().size());
            assertThat(row.subList(0, 12)).containsExactly(l.id(), iso(l.lead().createdEpochSecond()), l.lead().adId(),
                    l.lead().adName(), l.lead().adsetId(), l.lead().adsetName(), l.lead().campaignId(), l.lead().campaignName(),
                    l.lead().formId(), l.lead().formId().equals("f1") ? f1.name() : f2.name(), "false", "fb");
            for (int k = 0; k < keys.size(); k++) {
                assertThat(row.get(12 + k)).as("lead %s key %s", l.id(), keys.get(k)).isEqualTo(answer(l, keys.get(k)));
            }
            assertThat(row.get(csv.col("disclaimer:marketing"))).isEqualTo(disclaimer(l, "marketing"));
            assertThat(row.get(csv.col("disclaimer:privacy"))).isEqualTo(disclaimer(l, "privacy"));
            assertThat(row.get(csv.col("disclaimer:sms"))).isEqualTo(disclaimer(l, "sms"));
            assertThat(row.get(csv.col("lead_status"))).isEqualTo(l.status().wireName());
            assertThat(row.get(csv.col("note"))).isEqualTo(l.note());
        }
        // the tricky values, spelled out
        assertThat(csv.cell(0, "коментар")).isEqualTo("Line1\nLine2, with \"quotes\" and emoji 😀\r\nend");
        assertThat(csv.cell(0, "куди_відправити_інформацію?")).isEqualTo("viber | telegram");
        assertThat(csv.cell(0, "created_time")).isEqualTo("2025-10-09T08:53:20Z");
        assertThat(csv.cell(1, "full_name")).isEqualTo("محمد علي");
        assertThat(csv.cell(1, "куди_відправити_інформацію?")).isEmpty();
        assertThat(csv.cell(1, "utm_source")).isEqualTo("spring");
        assertThat(csv.cell(3, "note")).isEqualTo("called\r\nback, twice; \"ok\"");
        assertThat(csv.cell(0, "disclaimer:marketing")).isEqualTo("true");
        assertThat(csv.cell(0, "disclaimer:privacy")).isEqualTo("false");
        assertThat(csv.cell(1, "disclaimer:marketing")).isEmpty();
        assertThat(csv.cell(3, "lead_status")).isEqualTo("qualified");
        assertThat(csv.cell(3, "коментар")).isEqualTo("-12.5");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("meta.csv");
        }
    }

    static Stream<Arguments> formats() {
        return Stream.of(Arguments.of(',', false), Arguments.of(';', false), Arguments.of('\t', false),
                Arguments.of(',', true), Arguments.of(';', true), Arguments.of('\t', true));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void separatorsAndBomReadBackIdentically(char delimiter, boolean bom) throws IOException {
        Path reference = out("ref.csv");
        run(ExportOptions.defaults(), reference);
        Path file = out("x.csv");
        run(ExportOptions.defaults().withDelimiter(delimiter).withBom(bom), file);

        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF).isEqualTo(bom);
        CsvReadBack csv = CsvReadBack.read(file, delimiter);
        CsvReadBack ref = CsvReadBack.read(reference, ',');
        assertThat(csv.header()).isEqualTo(ref.header());
        assertThat(csv.rows()).isEqualTo(ref.rows());
        assertThat(csv.header().get(0)).isEqualTo("id");
    }

    /**
     * Values that trip CSV writers: a lone LF or CR (not the CRLF record separator), a leading '#' in the first column
     * (comment marker for some readers), spaces at either end, every separator, quotes. Each reads back as it is, with
     * each separator; and a one-column file with an empty value keeps that record instead of writing a blank line.
     */
    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t'})
    void awkwardValuesReadBackExactlyWithEverySeparator(char delimiter) throws IOException {
        String[] awkward = {"#1 fan", "lone\nLF", "lone\rCR", "  spaced  ", "a,b;c\td", "\"quoted\"", "", " "};
        source.leads.clear();
        for (int i = 0; i < awkward.length; i++) {
            source.leads.add(Fixtures.stored(Fixtures.lead("#" + (2000 + i), "f1", T - i, a("коментар", awkward[i]))));
        }
        CustomProfile profile = new CustomProfile("Two", List.of(new CustomProfile.CustomColumn("id", null),
                new CustomProfile.CustomColumn("field:коментар", "c")));
        Path file = out("awkward.csv");
        run(ExportOptions.defaults().withProfile(profile).withDelimiter(delimiter), file);
        CsvReadBack csv = CsvReadBack.read(file, delimiter);
        assertThat(csv.rows()).hasSize(awkward.length);
        for (int i = 0; i < awkward.length; i++) {
            assertThat(csv.rows().get(i)).containsExactly("#" + (2000 + i), awkward[i]);
        }

        CustomProfile one = new CustomProfile("One", List.of(new CustomProfile.CustomColumn("field:коментар", "c")));
        Path single = out("single.csv");
        run(ExportOptions.defaults().withProfile(one).withDelimiter(delimiter), single);
        CsvReadBack oneCol = CsvReadBack.read(single, delimiter);
        assertThat(oneCol.rows()).extracting(r -> r.get(0)).containsExactly(awkward);
        // many readers (and CRM importers) drop blank lines: the empty answer must be a record of its own
        assertThat(Files.readString(single)).doesNotContain("\r\n\r\n").contains("\r\n\"\"\r\n");
    }

    /** A lead without ad, campaign or platform (an organic or hand-made lead): empty cells, every other column in place. */
    @Test
    void missingFieldsAreEmptyCellsAndTheOtherColumnsStayInPlace() throws IOException {
        source.leads.clear();
        source.leads.add(Fixtures.stored(new io.leaddesk.model.Lead("3001", Fixtures.iso(T), T, "f1", null, null, null,
                null, null, null, null, null, null, null, List.of(a("коментар", "після порожніх")), List.of(), null)));
        Path file = out("nulls.csv");
        run(ExportOptions.defaults(), file);
        CsvReadBack csv = CsvReadBack.read(file, ',');
        assertThat(csv.rows()).hasSize(1);
        assertThat(csv.rows().get(0)).hasSameSizeAs(csv.header());
        for (String column : List.of("ad_id", "ad_name", "adset_id", "adset_name", "campaign_id", "campaign_name",
                "is_organic", "platform")) {
            assertThat(csv.cell(0, column)).as(column).isEmpty();
        }
        assertThat(csv.cell(0, "id")).isEqualTo("3001");
        assertThat(csv.cell(0, "form_id")).isEqualTo("f1");
        assertThat(csv.cell(0, "коментар")).isEqualTo("після порожніх");
        assertThat(csv.cell(0, "lead_status")).isEqualTo("new");
    }

    @Test
    void excelPresetIsUtf8WithBomAndComma() throws IOException {
        Path file = out("excel.csv");
        run(ExportOptions.excel(), file);
        CsvReadBack csv = CsvReadBack.read(file, ',');
        assertThat(csv.bom()).isTrue();
        assertThat(csv.header().get(0)).isEqualTo("id");
        assertThat(csv.cell(0, "full_name")).isEqualTo("Олена Петренко-Шевчук");
    }

    @Test
    void formulaGuardNeutralisesDangerousCellsAndKeepsPhonesAndNumbers() throws IOException {
        String[] dangerous = {"=1+1", "@SUM(A1)", "\tcmd", "\rcmd", "\ncmd", "+cmd|' /C calc'!A0", "-2+3", "-SUM(A1)", "+", "-", "=-1"};
        String[] safe = {"+380501234567", "-12.5", "+380 (50) 123-45-67", "-3,75", "+49 30 901820", "12", "a=b", "", "text"};
        List<String> values = new ArrayList<>(List.of(dangerous));
        values.addAll(List.of(safe));
        LeadForm f = form("fg", "Guard", List.of(q("v", "CUSTOM")));
        InMemorySource s = new InMemorySource().form(f);
        for (int i = 0; i < values.size(); i++) {
            s.lead(stored(lead("g" + (100 + i), "fg", T - i, a("v", values.get(i)))));
        }
        Path on = out("guard-on.csv");
        exporter.export(s, ExportOptions.defaults(), on, null, null);
        CsvReadBack csv = CsvReadBack.read(on, ',');
        for (int i = 0; i < values.size(); i++) {
            String cell = csv.rowWhere("id", "g" + (100 + i)).get(csv.col("v"));
            if (i < dangerous.length) {
                assertThat(cell).as("dangerous %s", values.get(i)).isEqualTo("'" + values.get(i));
            } else {
                assertThat(cell).as("safe %s", values.get(i)).isEqualTo(values.get(i));
            }
        }

        Path off = out("guard-off.csv");
        ExportResult r = exporter.export(s, ExportOptions.defaults().withFormulaGuard(false), off, null, null);
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("Formula guard is off"));
        CsvReadBack raw = CsvReadBack.read(off, ',');
        for (int i = 0; i < values.size(); i++) {
            assertThat(raw.rowWhere("id", "g" + (100 + i)).get(raw.col("v"))).isEqualTo(values.get(i));
        }
    }

    @Test
    void crmProfilesFindNameEmailPhoneThroughQuestionTypes() throws IOException {
        Path hub = out("hubspot.csv");
        run(ExportOptions.defaults().withProfile(BuiltInProfile.HUBSPOT), hub);
        CsvReadBack h = CsvReadBack.read(hub, ',');
        assertThat(h.header()).containsExactly("First Name", "Last Name", "Email", "Phone Number", "Country/Region",
                "Lead ID", "Form Name", "Campaign Name", "Ad Name", "Created Time", "Platform", "Review Status", "Note");
        assertThat(h.rowWhere("Lead ID", "1001")).containsExactly("Олена", "Петренко-Шевчук", "Olena@Example.com",
                "+380501234567", "UA", "1001", f1.name(), "Кампанія, 2025", "Ад, \"осінь\" / 1001", "2025-10-09T08:53:20Z",
                "Facebook", "new", "");
        assertThat(h.rowWhere("Lead ID", "1002").subList(0, 4)).containsExactly("محمد", "علي", "", "050 123 45 67");
        assertThat(h.rowWhere("Lead ID", "1003").subList(0, 4)).containsExactly("Anna", "Müller", "anna@example.de", "+49 30 901820");
        assertThat(h.rowWhere("Lead ID", "1004").subList(0, 4)).containsExactly("Solo", "", "", "");

        Path zoho = out("zoho.csv");
        run(ExportOptions.defaults().withProfile(BuiltInProfile.ZOHO), zoho);
        CsvReadBack z = CsvReadBack.read(zoho, ',');
        assertThat(z.header().subList(0, 6)).containsExactly("First Name", "Last Name", "Email", "Phone", "Country", "Lead Source");
        assertThat(z.rowWhere("Lead ID", "1003").subList(0, 6)).containsExactly("Anna", "Müller", "anna@example.de", "+49 30 901820", "", "Facebook");

        Path sf = out("salesforce.csv");
        run(ExportOptions.defaults().withProfile(BuiltInProfile.SALESFORCE), sf);
        CsvReadBack s = CsvReadBack.read(sf, ',');
        assertThat(s.header().subList(0, 7)).containsExactly("First Name", "Last Name", "Email", "Phone", "Company", "Country", "Lead Source");
        assertThat(s.rowWhere("Lead ID", "1003").subList(0, 7)).containsExactly("Anna", "Müller", "anna@example.de", "+49 30 901820",
                "ACME; GmbH", "", "Facebook Lead Ads");
        assertThat(s.rowWhere("Lead ID", "1004").subList(0, 5)).containsExactly("Solo", "[not provided]", "", "", "[not provided]");
        assertThat(s.rowWhere("Lead ID", "1001").get(s.col("Email"))).isEqualTo("Olena@Example.com");

        Path pd = out("pipedrive.csv");
        run(ExportOptions.defaults().withProfile(BuiltInProfile.PIPEDRIVE), pd);
        CsvReadBack p = CsvReadBack.read(pd, ',');
        assertThat(p.header().subList(0, 6)).containsExactly("Person - Name", "Person - First name", "Person - Last name",
                "Person - Email", "Person - Phone", "Lead - Title");
        assertThat(p.rowWhere("Lead ID", "1001").subList(0, 6)).containsExactly("Олена Петренко-Шевчук", "Олена", "Петренко-Шевчук",
                "Olena@Example.com", "+380501234567", "Олена Петренко-Шевчук - " + f1.name());
        assertThat(p.rowWhere("Lead ID", "1003").get(0)).isEqualTo("Anna Müller");
    }

    @Test
    void customProfilePicksOrdersAndRenamesColumns() throws IOException {
        CustomProfile custom = new CustomProfile("Agency sheet", List.of(
                new CustomProfile.CustomColumn("email", "E-mail"),
                new CustomProfile.CustomColumn("field:коментар", "Коментар"),
                new CustomProfile.CustomColumn("type:COMPANY_NAME", "Firma"),
                new CustomProfile.CustomColumn("disclaimer:marketing", "Marketing OK"),
                new CustomProfile.CustomColumn("id", null)));
        Path file = out("custom.csv");
        ExportResult r = run(ExportOptions.defaults().withProfile(custom), file);
        CsvReadBack csv = CsvReadBack.read(file, ',');
        assertThat(csv.header()).containsExactly("E-mail", "Коментар", "Firma", "Marketing OK", "id");
        assertThat(csv.rowWhere("id", "1003")).containsExactly("anna@example.de", "'@SUM(1)", "ACME; GmbH", "", "1003");
        assertThat(csv.rowWhere("id", "1001")).containsExactly("Olena@Example.com", "Line1\nLine2, with \"quotes\" and emoji 😀\r\nend", "", "true", "1001");
        assertThat(source.exports.get(0).profile()).isEqualTo("Agency sheet");
        assertThat(r.exportId()).isEqualTo(1);
    }

    @Test
    void e164ColumnUsesCountryAnswerOrDefaultRegion() throws IOException {
        Path file = out("e164.csv");
        run(ExportOptions.defaults().withE164(true, "DE"), file);
        CsvReadBack csv = CsvReadBack.read(file, ',');
        assertThat(csv.header().get(csv.header().size() - 1)).isEqualTo("phone_e164");
        assertThat(csv.rowWhere("id", "1001").get(csv.col("phone_e164"))).isEqualTo("+380501234567");
        // national number, country answered in Ukrainian
        assertThat(csv.rowWhere("id", "1002").get(csv.col("phone_e164"))).isEqualTo("+380501234567");
        assertThat(csv.rowWhere("id", "1003").get(csv.col("phone_e164"))).isEqualTo("+4930901820");
        assertThat(csv.rowWhere("id", "1004").get(csv.col("phone_e164"))).isEmpty();
        // the original phone answer is untouched
        assertThat(csv.rowWhere("id", "1002").get(csv.col("phone_number"))).isEqualTo("050 123 45 67");

        InMemorySource s = new InMemorySource().form(f2)
                .lead(stored(lead("2001", "f2", T, a("first_name", "X"), a("phone_number", "030 901820"))))
                .lead(stored(lead("2002", "f2", T - 1, a("first_name", "Y"), a("phone_number", "not a phone"))));
        // a CRM profile writes its own phone column in E.164 (no extra column); a number that cannot be converted
        // stays as typed, so the import does not lose it
        Path hub = out("e164-hub.csv");
        exporter.export(s, ExportOptions.defaults().withProfile(BuiltInProfile.HUBSPOT).withE164(true, "de"), hub, null, null);
        CsvReadBack h = CsvReadBack.read(hub, ',');
        assertThat(h.header()).doesNotContain("Phone (E.164)");
        assertThat(h.rowWhere("Lead ID", "2001").get(h.col("Phone Number"))).isEqualTo("+4930901820");
        assertThat(h.rowWhere("Lead ID", "2002").get(h.col("Phone Number"))).isEqualTo("not a phone");
        Path typed = out("typed-hub.csv");
        exporter.export(s, ExportOptions.defaults().withProfile(BuiltInProfile.HUBSPOT), typed, null, null);
        assertThat(CsvReadBack.read(typed, ',').rowWhere("Lead ID", "2001").get(h.col("Phone Number"))).isEqualTo("030 901820");
    }

    @Test
    void dedupeMergesTheSamePersonAcrossFormsIntoTheNewestSubmission() throws IOException {
        InMemorySource s = new InMemorySource().form(f1).form(f2)
                // person A: same email (case and spaces differ) across forms, then the same phone written nationally
                .lead(stored(lead("a1", "f1", T - 50, a("full_name", "Ann Old"), a("эл._адрес", " ANN@x.com "), a("phone_number", "+380501112233"))))
                .lead(stored(lead("a2", "f2", T - 10, a("first_name", "Ann"), a("last_name", "New"), a("e_mail", "ann@x.com"))))
                .lead(stored(lead("a3", "f1", T - 30, a("full_name", "Ann Phone"), a("phone_number", "050 111 22 33"), a("country", "UA"))))
                // person B: one submission
                .lead(stored(lead("b1", "f1", T - 20, a("full_name", "Bob"), a("эл._адрес", "bob@x.com"))))
                // two anonymous submissions stay separate
                .lead(stored(lead("n1", "f1", T - 5, a("full_name", "No Contact"))))
                .lead(stored(lead("n2", "f1", T - 6, a("full_name", "No Contact"))));
        Path file = out("dedupe.csv");
        ExportResult r = exporter.export(s, ExportOptions.defaults().withDedupe(true), file, null, null);
        CsvReadBack csv = CsvReadBack.read(file, ',');
        assertThat(csv.header().get(csv.header().size() - 1)).isEqualTo("submissions");
        assertThat(csv.rows()).extracting(row -> row.get(0)).containsExactly("n1", "n2", "a2", "b1");
        assertThat(csv.rowWhere("id", "a2").get(csv.col("submissions"))).isEqualTo("3");
        assertThat(csv.rowWhere("id", "a2").get(csv.col("last_name"))).isEqualTo("New");
        assertThat(csv.rowWhere("id", "b1").get(csv.col("submissions"))).isEqualTo("1");
        assertThat(csv.rowWhere("id", "n1").get(csv.col("submissions"))).isEqualTo("1");
        assertThat(r.rowsWritten()).isEqualTo(4);
        assertThat(r.leadsCovered()).isEqualTo(6);
        assertThat(s.exports.get(0).leadIds()).containsExactlyInAnyOrder("a1", "a2", "a3", "b1", "n1", "n2");

        Path hub = out("dedupe-hub.csv");
        exporter.export(s, ExportOptions.defaults().withDedupe(true).withProfile(BuiltInProfile.HUBSPOT), hub, null, null);
        CsvReadBack h = CsvReadBack.read(hub, ',');
        assertThat(h.rowWhere("Lead ID", "a2").get(h.col("Submissions"))).isEqualTo("3");
    }

    @Test
    void historyIsRecordedAndNewOnlySkipsLeadsExportedBefore() throws IOException {
        Path first = out("first.csv");
        ExportResult r1 = run(ExportOptions.defaults().withQuery(LeadQuery.forms(List.of("f1"))), first);
        assertThat(source.exports).hasSize(1);
        assertThat(source.exports.get(0).file()).isEqualTo(first.toAbsolutePath().toString());
        assertThat(source.exports.get(0).profile()).isEqualTo("META");
        assertThat(source.exports.get(0).at()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(source.exports.get(0).leadIds()).containsExactly("1001", "1002");
        assertThat(r1.exportId()).isEqualTo(1);

        source.lead(stored(lead("1005", "f1", T + 10, a("full_name", "Later Person"))));
        Path second = out("second.csv");
        ExportResult r2 = run(ExportOptions.defaults().withQuery(LeadQuery.all().withNotExportedBefore(true)), second);
        CsvReadBack csv = CsvReadBack.read(second, ',');
        assertThat(csv.rows()).extracting(row -> row.get(0)).containsExactly("1005", "1003", "1004");
        assertThat(r2.rowsWritten()).isEqualTo(3);
        assertThat(source.exports.get(1).leadIds()).containsExactly("1005", "1003", "1004");
    }

    @Test
    void queryFiltersFormsDatesAndStatuses() throws IOException {
        Path file = out("filtered.csv");
        run(ExportOptions.defaults().withQuery(LeadQuery.all().withCreated(T - 250, T).withStatuses(List.of(ReviewStatus.NEW))), file);
        CsvReadBack csv = CsvReadBack.read(file, ',');
        assertThat(csv.rows()).extracting(row -> row.get(0)).containsExactly("1002", "1003");
        // only forms of the query give columns
        Path one = out("one-form.csv");
        run(ExportOptions.defaults().withQuery(LeadQuery.forms(List.of("f2"))), one);
        assertThat(CsvReadBack.read(one, ',').header()).doesNotContain("full_name", "disclaimer:privacy").contains("company", "disclaimer:sms");
    }

    @Test
    void localTimeZoneWritesTimesWithThatOffset() throws IOException {
        Path file = out("kyiv.csv");
        run(ExportOptions.defaults().withTimeZone(ZoneId.of("Europe/Kyiv")), file);
        assertThat(CsvReadBack.read(file, ',').cell(0, "created_time")).isEqualTo("2025-10-09T11:53:20+03:00");
    }

    @Test
    void existingFileIsOnlyReplacedWhenAllowed() throws IOException {
        Path file = out("exists.csv");
        Files.writeString(file, "precious");
        assertThatThrownBy(() -> run(ExportOptions.defaults(), file))
                .isInstanceOf(ExportException.class)
                .hasMessage("The file " + file.toAbsolutePath() + " already exists; choose another name or allow replacing it (--force).");
        assertThat(Files.readString(file)).isEqualTo("precious");
        assertThat(source.exports).isEmpty();

        run(ExportOptions.defaults().withOverwrite(true), file);
        assertThat(CsvReadBack.read(file, ',').rows()).hasSize(4);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    InMemorySource many(int n) {
        LeadForm f = form("fm", "Many", List.of(q("full_name", "FULL_NAME"), q("email", "EMAIL")));
        InMemorySource s = new InMemorySource().form(f);
        for (int i = 0; i < n; i++) {
            s.lead(stored(lead("m" + i, "fm", T - i, a("full_name", "Person " + i), a("email", "p" + i + "@x.com"))));
        }
        return s;
    }

    @Test
    void progressIsReportedAboutEveryThousandLeadsWithTheTotal() {
        InMemorySource s = many(2500);
        List<ExportProgress> seen = new ArrayList<>();
        exporter.export(s, ExportOptions.defaults().withProfile(BuiltInProfile.HUBSPOT), out("p.csv"), seen::add, () -> false);
        assertThat(seen).containsExactly(
                new ExportProgress(ExportProgress.Phase.WRITING, 1000, 2500, 1000),
                new ExportProgress(ExportProgress.Phase.WRITING, 2000, 2500, 2000),
                new ExportProgress(ExportProgress.Phase.WRITING, 2500, 2500, 2500));
        assertThat(seen.get(2).fraction()).isEqualTo(1.0);
    }

    @Test
    void cancelLeavesNoFileAndTheTargetUntouched() throws IOException {
        InMemorySource s = many(5000);
        Path file = out("cancel.csv");
        Files.writeString(file, "old export");
        boolean[] cancel = {false};
        ExportResult r = exporter.export(s, ExportOptions.defaults().withOverwrite(true), file,
                p -> cancel[0] |= p.phase() == ExportProgress.Phase.WRITING && p.done() >= 2000, () -> cancel[0]);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.summary()).isEqualTo("Export cancelled; nothing was written under cancel.csv.");
        assertThat(Files.readString(file)).isEqualTo("old export");
        assertThat(s.exports).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cancel.csv");
        }
    }

    @Test
    void cancelDuringTheScanningPassAlsoLeavesNothing() throws IOException {
        InMemorySource s = many(5000);
        boolean[] cancel = {false};
        List<ExportProgress.Phase> phases = new ArrayList<>();
        ExportResult r = exporter.export(s, ExportOptions.defaults().withDedupe(true), out("scan.csv"),
                p -> {
                    phases.add(p.phase());
                    cancel[0] |= p.done() >= 1000;
                }, () -> cancel[0]);
        assertThat(r.cancelled()).isTrue();
        assertThat(phases).containsExactly(ExportProgress.Phase.SCANNING);
        assertThat(s.passes).isEqualTo(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void fullDiskLeavesNoHalfFileAndSaysSo() throws IOException {
        InMemorySource s = many(5000);
        Path file = out("full.csv");
        Files.writeString(file, "old export");
        Exporter failing = new Exporter(Clock.systemUTC(), p -> new java.io.FilterOutputStream(Files.newOutputStream(p)) {
            long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 100_000) {
                    throw new IOException("No space left on device");
                }
                out.write(b, off, len);
            }
        });
        assertThatThrownBy(() -> failing.export(s, ExportOptions.defaults().withOverwrite(true), file, null, null))
                .isInstanceOf(ExportException.class)
                .hasMessage("Could not write " + file.toAbsolutePath() + ": No space left on device. Nothing was written under"
                        + " that name; free space or choose another folder.");
        assertThat(Files.readString(file)).isEqualTo("old export");
        assertThat(s.exports).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("full.csv");
        }
    }

    @Test
    void missingFolderIsReportedPlainly() {
        Path file = dir.resolve("nope").resolve("x.csv");
        assertThatThrownBy(() -> run(ExportOptions.defaults(), file))
                .isInstanceOf(ExportException.class)
                .hasMessage("The folder " + file.getParent().toAbsolutePath() + " does not exist; choose an existing folder.");
    }

    @Test
    void storeFailureMidwayLeavesNoFile() throws IOException {
        InMemorySource s = new InMemorySource() {
            @Override
            public void forEachLead(LeadQuery query, java.util.function.Consumer<StoredLead> consumer) {
                consumer.accept(leads.get(0));
                throw new io.leaddesk.store.StoreException("The lead cache is damaged; restore a backup.");
            }
        };
        s.form(f1).lead(source.leads.get(0));
        Path file = out("broken.csv");
        assertThatThrownBy(() -> exporter.export(s, ExportOptions.defaults().withProfile(BuiltInProfile.ZOHO), file, null, null))
                .isInstanceOf(ExportException.class)
                .hasMessage("Could not read the leads: The lead cache is damaged; restore a backup. Nothing was written under broken.csv.");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void otherEncodingsWorkUntilACharacterCannotBeHeld() throws IOException {
        Charset cp1251 = Charset.forName("windows-1251");
        InMemorySource s = new InMemorySource().form(f1)
                .lead(stored(lead("c1", "f1", T, a("full_name", "Олена Петренко"))));
        Path ok = out("cp1251.csv");
        exporter.export(s, ExportOptions.defaults().withCharset(cp1251).withDelimiter(';'), ok, null, null);
        assertThat(CsvReadBack.read(ok, ';', cp1251).cell(0, "full_name")).isEqualTo("Олена Петренко");

        s.lead(stored(lead("c2", "f1", T - 1, a("full_name", "Emoji 😀"))));
        Path bad = out("cp1251-emoji.csv");
        assertThatThrownBy(() -> exporter.export(s, ExportOptions.defaults().withCharset(cp1251), bad, null, null))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("characters the chosen encoding cannot hold");
        assertThat(bad).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("cp1251.csv");
        }
    }

    @Test
    void previewShowsTheHeaderAndFirstRowsExactlyAsWritten() throws IOException {
        ExportOptions o = ExportOptions.defaults().withE164(true, "UA");
        List<List<String>> preview = exporter.preview(source, o, 2);
        Path file = out("preview.csv");
        run(o, file);
        CsvReadBack csv = CsvReadBack.read(file, ',');
        assertThat(preview).hasSize(3);
        assertThat(preview.get(0)).isEqualTo(csv.header());
        assertThat(preview.subList(1, 3)).isEqualTo(csv.rows().subList(0, 2));
        assertThat(exporter.preview(source, o, 100)).hasSize(5);
        assertThat(source.exports).hasSize(1);
    }

    @Test
    void metaExportReadsTheCacheOnceUnlessLeadsHaveKeysNoQuestionDescribes() throws IOException {
        InMemorySource plain = many(10);
        exporter.export(plain, ExportOptions.defaults(), out("once.csv"), null, null);
        assertThat(plain.passes).isEqualTo(1);
        assertThat(CsvReadBack.read(out("once.csv"), ',').header()).containsSequence("full_name", "email", "lead_status", "note");

        // the sample has utm_source, in no question: the file is written again with that column, same result
        source.passes = 0;
        run(ExportOptions.defaults(), out("twice.csv"));
        assertThat(source.passes).isEqualTo(2);
        assertThat(CsvReadBack.read(out("twice.csv"), ',').header()).containsSequence("company", "utm_source", "disclaimer:marketing");
        assertThat(source.exports).hasSize(1);
        assertThat(source.exports.get(0).leadIds()).hasSize(4);
    }

    @Test
    void nameSplitTakesTheFirstWordAsFirstNameAndTheRestAsLastName() {
        // particles stay with the family name
        assertThat(LeadRowData.splitName("Inês de Demonstração")).containsExactly("Inês", "de Demonstração");
        assertThat(LeadRowData.splitName("Jan van der Berg")).containsExactly("Jan", "van der Berg");
        assertThat(LeadRowData.splitName("Ludwig  van   Beethoven ")).containsExactly("Ludwig", "van   Beethoven");
        // Cyrillic: name, patronymic, surname
        assertThat(LeadRowData.splitName("Олена Петрівна Коваленко")).containsExactly("Олена", "Петрівна Коваленко");
        // Arabic (right to left in display, first word first in the text)
        assertThat(LeadRowData.splitName("محمد بن سلمان")).containsExactly("محمد", "بن سلمان");
        assertThat(LeadRowData.splitName("ليلى\u00a0تجربة")).containsExactly("ليلى", "تجربة");
        // single words and nothing
        assertThat(LeadRowData.splitName("  Cher  ")).containsExactly("Cher", "");
        assertThat(LeadRowData.splitName("Олена")).containsExactly("Олена", "");
        assertThat(LeadRowData.splitName("")).containsExactly("", "");
    }

    @Test
    void hubSpotUsesFirstAndLastNameAnswersWhenTheFormHasThem() throws IOException {
        InMemorySource s = new InMemorySource().form(f1).form(f2)
                .lead(stored(lead("3001", "f2", T, a("first_name", "Inês Maria"), a("last_name", "de Demonstração"))))
                .lead(stored(lead("3002", "f1", T - 1, a("full_name", "Inês de Demonstração"))))
                .lead(stored(lead("3003", "f1", T - 2, a("full_name", "Олена Петрівна Коваленко"))))
                .lead(stored(lead("3004", "f1", T - 3, a("full_name", "Madonna"))));
        Path hub = out("names-hub.csv");
        exporter.export(s, ExportOptions.defaults().withProfile(BuiltInProfile.HUBSPOT), hub, null, null);
        CsvReadBack h = CsvReadBack.read(hub, ',');
        assertThat(h.rowWhere("Lead ID", "3001").subList(0, 2)).containsExactly("Inês Maria", "de Demonstração");
        assertThat(h.rowWhere("Lead ID", "3002").subList(0, 2)).containsExactly("Inês", "de Demonstração");
        assertThat(h.rowWhere("Lead ID", "3003").subList(0, 2)).containsExactly("Олена", "Петрівна Коваленко");
        assertThat(h.rowWhere("Lead ID", "3004").subList(0, 2)).containsExactly("Madonna", "");
    }
}
