package io.leaddesk.export;

import io.leaddesk.model.LeadBuilder;
import static io.leaddesk.export.Fixtures.a;
import static io.leaddesk.export.Fixtures.form;
import static io.leaddesk.export.Fixtures.q;
import static io.leaddesk.export.Fixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.model.FailureKind;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .xlsx export, read back with a second, independent library (fastexcel-reader, not the writer): what spreadsheets
 * damage in CSV (17-digit ids rounded to 15 digits, the {@code +} of phone numbers dropped, leading zeros, answers that
 * look like numbers or dates) arrives as text cells, created_time as a date cell, formula-like answers neutralised.
 */
class XlsxExportTest {

    static final long T = 1_760_000_000L; // 2025-10-09T08:53:20Z
    static final String LEAD_ID = "24905838062429176";

    @TempDir
    Path dir;

    final Exporter exporter = new Exporter(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    static final LeadForm FORM = form("1198274619283746", "Форма, осінь", List.of(q("full_name", "FULL_NAME"),
            q("phone_number", "PHONE"), q("zip", "ZIP"), q("budget", "CUSTOM"), q("when", "CUSTOM"), q("note", "CUSTOM")));

    static Lead lead(String id, long created, String phone, String zip, String budget, String when, String note) {
        return LeadBuilder.lead(id).created(Fixtures.iso(created), created).form(FORM.id())
                .ad("23849283749283746", "Ad 1").adset("23849283749283111", "Set 1").campaign("23849283749280000", "Campaign")
                .organic(false).platform("ig")
                .answers(List.of(a("full_name", "Олена Петренко"), a("phone_number", phone), a("zip", zip),
                        a("budget", budget), a("when", when), a("note", note))).build();
    }

    static InMemorySource troubles() {
        return new InMemorySource().form(FORM)
                .lead(stored(lead(LEAD_ID, T, "+380501234567", "01234", "1e5", "2025-01-02", "=1+1")))
                .lead(stored(lead("24905838062429177", T - 3600, "+49 30 901820", "00100", "12.50", "1/2", "  spaced  ")))
                .lead(stored(lead("24905838062429178", T - 7200, "", "", "", "", "-SUM(A1)")));
    }

    /** Every row of the first sheet, as the reader's cells. */
    static List<List<Cell>> read(Path file) throws IOException {
        List<List<Cell>> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            rows.forEach(r -> {
                List<Cell> cells = new ArrayList<>();
                for (int i = 0; i < r.getCellCount(); i++) {
                    cells.add(r.getCell(i));
                }
                out.add(cells);
            });
        }
        return out;
    }

    static Cell cell(List<List<Cell>> sheet, int row, String header) {
        List<Cell> head = sheet.get(0);
        for (int i = 0; i < head.size(); i++) {
            if (head.get(i) != null && header.equals(head.get(i).getText())) {
                List<Cell> r = sheet.get(row);
                return i < r.size() ? r.get(i) : null;
            }
        }
        throw new AssertionError("no column " + header);
    }

    static void assertText(Cell c, String expected) {
        assertThat(c).as("cell for %s", expected).isNotNull();
        assertThat(c.getType()).as("type of %s", expected).isEqualTo(CellType.STRING);
        assertThat(c.getText()).isEqualTo(expected);
    }

    @Test
    void idsPhonesAndAnswersAreTextCellsAndCreatedTimeIsADateCell() throws IOException {
        Path file = dir.resolve("leads.xlsx");
        ExportResult r = exporter.export(troubles(), ExportOptions.defaults().withFormat(ExportFormat.XLSX), file, null, null);
        assertThat(r.rowsWritten()).isEqualTo(3);

        List<List<Cell>> sheet = read(file);
        assertThat(sheet).hasSize(4);
        List<String> header = sheet.get(0).stream().map(Cell::getText).toList();
        assertThat(header).startsWith("id", "created_time", "ad_id", "ad_name", "adset_id", "adset_name", "campaign_id");
        assertThat(header).contains("full_name", "phone_number", "zip", "budget", "when", "note", "lead_status");

        for (String column : List.of("id", "ad_id", "adset_id", "campaign_id", "form_id")) {
            assertThat(cell(sheet, 1, column).getType()).as(column).isEqualTo(CellType.STRING);
        }
        assertText(cell(sheet, 1, "id"), LEAD_ID);
        assertText(cell(sheet, 1, "ad_id"), "23849283749283746");
        assertText(cell(sheet, 1, "campaign_id"), "23849283749280000");
        assertText(cell(sheet, 1, "form_id"), "1198274619283746");
        assertText(cell(sheet, 1, "phone_number"), "+380501234567");
        assertText(cell(sheet, 2, "phone_number"), "+49 30 901820");
        assertText(cell(sheet, 1, "zip"), "01234");
        assertText(cell(sheet, 1, "budget"), "1e5");
        assertText(cell(sheet, 2, "budget"), "12.50");
        assertText(cell(sheet, 1, "when"), "2025-01-02");
        assertText(cell(sheet, 2, "when"), "1/2");
        assertText(cell(sheet, 1, "full_name"), "Олена Петренко");
        assertText(cell(sheet, 1, "is_organic"), "false");
        // the formula guard, as in CSV
        assertText(cell(sheet, 1, "note"), "'=1+1");
        assertText(cell(sheet, 3, "note"), "'-SUM(A1)");
        assertText(cell(sheet, 2, "note"), "  spaced  ");

        Cell created = cell(sheet, 1, "created_time");
        assertThat(created.getType()).isEqualTo(CellType.NUMBER);
        assertThat(created.getDataFormatString()).isEqualTo(XlsxRowWriter.DATE_FORMAT);
        assertThat(created.asDate()).isEqualTo(LocalDateTime.of(2025, 10, 9, 8, 53, 20));
        assertThat(cell(sheet, 2, "created_time").asDate()).isEqualTo(LocalDateTime.of(2025, 10, 9, 7, 53, 20));
        // empty answers are empty cells
        Cell empty = cell(sheet, 3, "phone_number");
        assertThat(empty == null || empty.getType() == CellType.EMPTY).isTrue();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("leads.xlsx");
        }
    }

    @Test
    void aChosenTimeZoneGivesDatesInThatZoneAndDedupeSubmissionsAreNumbers() throws IOException {
        InMemorySource s = troubles();
        s.lead(stored(lead("24905838062429179", T - 60, "+380501234567", "", "", "", "again")));
        Path file = dir.resolve("kyiv.xlsx");
        exporter.export(s, ExportOptions.defaults().withFormat(ExportFormat.XLSX).withTimeZone(ZoneId.of("Europe/Kyiv"))
                .withDedupe(true), file, null, null);
        List<List<Cell>> sheet = read(file);
        assertThat(cell(sheet, 1, "created_time").asDate()).isEqualTo(LocalDateTime.of(2025, 10, 9, 11, 53, 20));
        Cell submissions = cell(sheet, 1, "submissions");
        assertThat(submissions.getType()).isEqualTo(CellType.NUMBER);
        assertThat(submissions.asNumber().intValue()).isEqualTo(2);
    }

    @Test
    void everyProfileWritesTheSameCellsAsItsCsv() throws IOException {
        for (BuiltInProfile p : BuiltInProfile.values()) {
            Path csv = dir.resolve(p.cliName() + ".csv");
            Path xlsx = dir.resolve(p.cliName() + ".xlsx");
            exporter.export(Fixtures.sample(), ExportOptions.defaults().withProfile(p).withE164(true, "UA"), csv, null, null);
            exporter.export(Fixtures.sample(), ExportOptions.defaults().withProfile(p).withE164(true, "UA")
                    .withFormat(ExportFormat.XLSX), xlsx, null, null);
            CsvReadBack expected = CsvReadBack.read(csv, ',');
            List<List<Cell>> sheet = read(xlsx);
            assertThat(sheet.get(0).stream().map(Cell::getText).toList()).as(p.cliName()).isEqualTo(expected.header());
            assertThat(sheet).hasSize(expected.rows().size() + 1);
            for (int r = 0; r < expected.rows().size(); r++) {
                for (int c = 0; c < expected.header().size(); c++) {
                    String want = expected.rows().get(r).get(c);
                    List<Cell> row = sheet.get(r + 1);
                    Cell got = c < row.size() ? row.get(c) : null;
                    if (want.isEmpty()) {
                        assertThat(got == null || got.getType() == CellType.EMPTY).as("%s row %d col %d", p, r, c).isTrue();
                    } else if (!expected.header().get(c).equalsIgnoreCase("created_time")
                            && !expected.header().get(c).equals("Created Time")) {
                        assertThat(got.getType()).as("%s row %d col %d", p, r, c).isEqualTo(CellType.STRING);
                        assertThat(got.getText()).as("%s row %d col %d", p, r, c).isEqualTo(want);
                    }
                }
            }
        }
    }

    @Test
    void moreLeadsThanASheetHoldsIsRefusedBeforeWriting() {
        InMemorySource s = new InMemorySource() {
            @Override
            public long countLeads(io.leaddesk.store.LeadQuery query) {
                return XlsxRowWriter.MAX_DATA_ROWS + 1L;
            }
        };
        s.form(FORM);
        Path file = dir.resolve("huge.xlsx");
        assertThatThrownBy(() -> exporter.export(s, ExportOptions.defaults().withFormat(ExportFormat.XLSX), file, null, null))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.failureKind()).isEqualTo(FailureKind.INPUT))
                .hasMessage("A spreadsheet holds at most 1,048,575 rows of leads and this export has more; export as CSV,"
                        + " or choose fewer leads (forms, dates or only new leads).");
        assertThat(file).doesNotExist();
    }

    @Test
    void theFormatFollowsTheFileNameOnlyWhenAsked() {
        assertThat(ExportFormat.forFile(Path.of("a", "Leads.XLSX"))).isEqualTo(ExportFormat.XLSX);
        assertThat(ExportFormat.forFile(Path.of("leads.csv"))).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.forFile(Path.of("leads"))).isEqualTo(ExportFormat.CSV);
        assertThat(ExportFormat.byName("XLSX")).contains(ExportFormat.XLSX);
        assertThat(ExportFormat.byName("ods")).isEmpty();
        assertThat(ExportOptions.defaults().format()).isEqualTo(ExportFormat.CSV);
        assertThat(Exporter.warnings(ExportOptions.defaults().withFormat(ExportFormat.XLSX).withBom(true)
                .withCharset(java.nio.charset.Charset.forName("windows-1251")))).isEmpty();
    }
}
