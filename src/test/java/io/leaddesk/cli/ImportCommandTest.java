package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leaddesk import}: what it prints, what it writes, and its exit codes (0, 2, 5). */
class ImportCommandTest {
    /** Every member a Graph lead may have: an imported lead's --json line has no other. */
    static final Set<String> GRAPH_FIELDS = Set.of("id", "created_time", "ad_id", "ad_name", "adset_id", "adset_name",
            "campaign_id", "campaign_name", "form_id", "is_organic", "platform", "partner_name", "retailer_item_id",
            "field_data", "custom_disclaimer_responses");

    @TempDir
    Path home;
    @TempDir
    Path files;

    private CliRunner.Result run(String... args) {
        return CliRunner.run(Map.of("LEADDESK_HOME", home.toString()), args);
    }

    private Path fixture(String name) throws IOException {
        Path target = files.resolve(name);
        try (InputStream in = ImportCommandTest.class.getResourceAsStream("/io/leaddesk/imports/" + name)) {
            Files.copy(in, target);
        }
        return target;
    }

    @Test
    void importsADownloadAndSaysWhatItDid() throws Exception {
        Path csv = fixture("leads-2025-03.csv");
        CliRunner.Result r = run("import", csv.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(
                "leads-2025-03.csv: UTF-8 with BOM, comma-separated, 6 rows",
                "  form 900000000000101 \"Форма Німецька-новий_04\" (not in the cache: created from the file's columns,"
                        + " questions typed CUSTOM until a sync brings Meta's): 6 rows, 5 new",
                "    columns mapped to questions: full_name, phone_number, эл._адрес, quais_serviços_te_interessam?, ملاحظات",
                "  columns not recognised (not imported): lead_status, inbox_url",
                "Imported leads-2025-03.csv: 5 new, 0 already cached, 1 malformed row skipped.");
        assertThat(r.errLines()).containsExactly("leads-2025-03.csv line 7: created_time \"yesterday\" is not a date and"
                + " time with an offset (row skipped).");

        CliRunner.Result again = run("import", csv.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Imported leads-2025-03.csv: 0 new, 5 already cached, 1 malformed row skipped.");

        // leads --json stays Graph-shaped: no prefix, no import metadata, no Leads Center column
        List<String> lines = run("leads", "--json").out().lines().toList();
        assertThat(lines).hasSize(5);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                assertThat(GRAPH_FIELDS).contains(it.next());
            }
            assertThat(n.get("id").asText()).matches("\\d+");
            assertThat(n.get("form_id").asText()).isEqualTo("900000000000101");
            assertThat(n.get("created_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
        }
        assertThat(run("leads", "--search", "Тестенко").out()).contains("2490000000000101");
    }

    @Test
    void aDryRunPreviewsAndWritesNothing() throws Exception {
        Path tsv = fixture("export_csv-900000000000202.tsv");
        CliRunner.Result r = run("import", "--dry-run", tsv.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("export_csv-900000000000202.tsv: UTF-16LE with BOM, tab-separated, 4 rows",
                "Dry run, nothing written: export_csv-900000000000202.tsv would give 3 new, 0 already cached,"
                        + " 1 malformed row skipped.");
        assertThat(r.err()).contains("export_csv-900000000000202.tsv line 5: has 5 cells where the header has 18 (row skipped).");
        assertThat(run("leads", "--json").out()).isEmpty();
    }

    @Test
    void aFileThatCannotBeImportedExits2AndTheOthersAreStillImported() throws Exception {
        Path other = Files.writeString(files.resolve("contacts.csv"), "name,email\nOlena,o@example.com\n");
        Path noForm = Files.writeString(files.resolve("no-form.csv"), "id,created_time,full_name\nl:1,2025-01-01T10:00:00Z,A\n");
        Path csv = fixture("leads-2025-03.csv");
        CliRunner.Result r = run("import", other.toString(), files.resolve("missing.csv").toString(), noForm.toString(),
                csv.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("The file contacts.csv is not a Meta lead download",
                "The file " + files.resolve("missing.csv") + " does not exist: check the name and import again.",
                "The file no-form.csv does not say which form its leads belong to: give the form with --form ID");
        assertThat(r.out()).contains("Imported leads-2025-03.csv: 5 new");
        assertThat(run("leads", "--json").out().lines()).hasSize(5);

        CliRunner.Result withForm = run("import", "--form", "f:900000000000101", noForm.toString());
        assertThat(withForm.code()).as(withForm.err()).isZero();
        assertThat(withForm.out()).contains("Imported no-form.csv: 1 new, 0 already cached.");
    }

    @Test
    void strictRefusesAFileWithMalformedRowsWithExit2() throws Exception {
        Path csv = fixture("leads-2025-03.csv");
        CliRunner.Result r = run("import", "--strict", csv.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--strict refuses a file with malformed rows: nothing of it was imported");
        assertThat(run("leads", "--json").out()).isEmpty();
    }

    @Test
    void aCacheThatCannotBeWrittenExits5() throws Exception {
        Path csv = fixture("leads-2025-03.csv");
        Path notAFolder = Files.writeString(files.resolve("not-a-folder"), "x");
        CliRunner.Result r = CliRunner.run(Map.of("LEADDESK_HOME", notAFolder.toString()), "import", csv.toString());
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.errLines()).hasSize(1);
    }

    @Test
    void textFromTheFileCannotDriveTheTerminal() throws Exception {
        Path evil = Files.writeString(files.resolve("evil.csv"), "id,created_time,form_id,form_name,full_name,\"bad\u001b]0;x\u0007\"\n"
                + "l:1,2025-01-01T10:00:00Z,f:5,\"Form \u001b[31mred\",A,B\n"
                + "l:2,\u001b[2J,f:5,Form,A,B\n", StandardCharsets.UTF_8);
        CliRunner.Result r = run("import", evil.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("\u001b").contains("Form \\e[31mred", "bad\\e]0;x\\x07");
        assertThat(r.err()).doesNotContain("\u001b").contains("created_time \"\\e[2J\"");
    }

    @Test
    void helpNamesTheOptions() {
        CliRunner.Result help = run("import", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: leaddesk import", "--form=ID", "--dry-run", "--strict", "FILE...");
    }
}
