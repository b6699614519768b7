package io.leaddesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a spreadsheet really makes of the exports: LibreOffice headless converts the .xlsx export to CSV, and the
 * 17-digit ids and the {@code +} of phone numbers survive; the same conversion of the CSV export damages them (which is
 * why the .xlsx export exists).
 *
 * <p>Needs LibreOffice ({@code soffice} on the PATH; Debian: {@code apt-get install libreoffice-calc-nogui}, which
 * {@code .ci/run} installs): where it is missing the test is reported as skipped, like the keyring test.
 */
class XlsxLibreOfficeTest {

    @BeforeAll
    static void needsLibreOffice() {
        boolean onPath = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "soffice")));
        assumeTrue(onPath, "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui");
    }

    @TempDir
    Path dir;

    final Exporter exporter = new Exporter(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    /** Converts {@code file} to UTF-8 CSV with LibreOffice headless; returns the CSV. */
    CsvReadBack convert(Path file) throws IOException, InterruptedException {
        Path out = Files.createDirectories(dir.resolve("converted-" + file.getFileName()));
        Process p = new ProcessBuilder("soffice", "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(), "--headless",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out.toString(), file.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(log).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        String name = file.getFileName().toString();
        Path csv = out.resolve(name.substring(0, name.lastIndexOf('.')) + ".csv");
        assertThat(csv).as(log).exists();
        return CsvReadBack.read(csv, ',');
    }

    @Test
    void idsAndPhonesSurviveASpreadsheetOnlyInTheXlsxExport() throws Exception {
        Path xlsx = dir.resolve("leads.xlsx");
        exporter.export(XlsxExportTest.troubles(), ExportOptions.defaults().withFormat(ExportFormat.XLSX), xlsx, null, null);
        CsvReadBack fromXlsx = convert(xlsx);
        assertThat(fromXlsx.header()).startsWith("id", "created_time", "ad_id");
        List<String> first = fromXlsx.rowWhere("id", XlsxExportTest.LEAD_ID);
        assertThat(first.get(fromXlsx.col("ad_id"))).isEqualTo("23849283749283746");
        assertThat(first.get(fromXlsx.col("campaign_id"))).isEqualTo("23849283749280000");
        assertThat(first.get(fromXlsx.col("form_id"))).isEqualTo("1198274619283746");
        assertThat(first.get(fromXlsx.col("phone_number"))).isEqualTo("+380501234567");
        assertThat(first.get(fromXlsx.col("zip"))).isEqualTo("01234");
        assertThat(first.get(fromXlsx.col("full_name"))).isEqualTo("Олена Петренко");
        assertThat(first.get(fromXlsx.col("note"))).isEqualTo("'=1+1");
        assertThat(first.get(fromXlsx.col("created_time"))).isEqualTo("2025-10-09 08:53:20");
        assertThat(fromXlsx.rowWhere("id", "24905838062429177").get(fromXlsx.col("phone_number"))).isEqualTo("+49 30 901820");
        assertThat(fromXlsx.rowWhere("id", "24905838062429177").get(fromXlsx.col("note"))).isEqualTo("  spaced  ");
        assertThat(fromXlsx.rowWhere("id", "24905838062429177").get(fromXlsx.col("budget"))).isEqualTo("12.50");

        // the contrast: the same leads as CSV lose their digits and their + in the same spreadsheet
        Path csv = dir.resolve("leads.csv");
        exporter.export(XlsxExportTest.troubles(), ExportOptions.defaults(), csv, null, null);
        CsvReadBack fromCsv = convert(csv);
        assertThat(fromCsv.rows().get(0).get(0)).isNotEqualTo(XlsxExportTest.LEAD_ID);
        assertThat(fromCsv.rows().get(0).get(fromCsv.col("phone_number"))).isNotEqualTo("+380501234567");
    }
}
