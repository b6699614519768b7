package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} on the command line: special targets, the spreadsheet format, and every failure as one sentence with
 * its documented exit code (2 for the user's choices, 5 for disk and permission problems), never a stack trace.
 */
class ExportCommandTest {
    static SampleGraphServer server;

    /** One synced cache for the whole class: the tests only read it (each writes files of its own names). */
    @TempDir
    static Path home;

    @BeforeAll
    static void startServerAndSync() {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(300));
        Result sync = run(SampleTokens.USER, "sync");
        assertThat(sync.code()).as(sync.err()).isZero();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    record Result(int code, String out, String err) { }

    static Result run(String token, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("LEADDESK_GRAPH_URL", server.baseUrl());
        env.put("LEADDESK_HOME", home.toString());
        env.put("LEADDESK_PAGE_SIZE", "100");
        env.put("LEADDESK_MAX_RETRY_SECONDS", "2");
        if (token != null) {
            env.put("LEADDESK_TOKEN", token);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The one line a failed export prints: a sentence, no progress, no stack trace, no Java class name. */
    static String oneSentence(Result r) {
        List<String> lines = r.err().lines().filter(l -> !l.startsWith("  scanning") && !l.startsWith("  writing")).toList();
        assertThat(lines).as(r.err()).hasSize(1);
        assertThat(lines.get(0)).doesNotContain("Exception", "\tat ", "java.").endsWith(".");
        return lines.get(0);
    }

    @Test
    void aFolderIsRefusedWithExitCode2() throws IOException {
        Path folder = Files.createDirectory(home.resolve("exports"));
        Result r = run(null, "export", "--out", folder.toString(), "--force");
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(oneSentence(r)).isEqualTo(folder.toAbsolutePath() + " is a folder; choose a file name.");
        assertThat(Files.isDirectory(folder)).isTrue();
    }

    @Test
    void aFileNameTooLongIsExitCode2AndNotAdviceToFreeSpace() {
        Result r = run(null, "export", "--out", home.resolve("x".repeat(300) + ".csv").toString());
        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(oneSentence(r)).startsWith("The file name xxxx").contains("is too long for the file system of")
                .doesNotContain("free space");
    }

    @Test
    void aCharacterTheEncodingCannotHoldIsExitCode2() {
        Result r = run(null, "export", "--out", home.resolve("ascii.csv").toString(), "--encoding", "US-ASCII");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(oneSentence(r)).contains("characters the chosen encoding cannot hold").contains("UTF-8");
        assertThat(home.resolve("ascii.csv")).doesNotExist();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFolderNobodyMayWriteIsExitCode5WithThePathAndNoAdviceToFreeSpace() {
        Result r = run(null, "export", "--out", "/sys/leaddesk-cli-test.csv");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.STORAGE);
        assertThat(oneSentence(r)).contains("/sys").doesNotContain("free space")
                .satisfies(s -> assertThat(s).containsAnyOf("Permission denied", "read-only file system"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devNullWithForceStaysTheDevice() throws IOException {
        Result r = run(null, "export", "--out", "/dev/null", "--force");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("300 rows");
        assertThat((Integer) Files.getAttribute(Path.of("/dev/null"), "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000)
                .isEqualTo(0020000);
    }

    static List<List<Cell>> sheet(Path file) throws IOException {
        List<List<Cell>> out = new ArrayList<>();
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile()); Stream<Row> rows = wb.getFirstSheet().openStream()) {
            rows.forEach(row -> {
                List<Cell> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(row.getCell(i));
                }
                out.add(cells);
            });
        }
        return out;
    }

    @Test
    void formatXlsxWritesASpreadsheetWithTextIdsAndTheExtensionPicksItToo() throws IOException {
        Path chosen = home.resolve("leads.data");
        Result r = run(null, "export", "--out", chosen.toString(), "--format", "xlsx");
        assertThat(r.code()).as(r.err()).isZero();
        List<List<Cell>> rows = sheet(chosen);
        assertThat(rows).hasSize(301);
        assertThat(rows.get(0).get(0).getText()).isEqualTo("id");
        assertThat(rows.get(1).get(0).getType()).isEqualTo(CellType.STRING);
        assertThat(rows.get(1).get(1).getType()).isEqualTo(CellType.NUMBER); // created_time, a date

        Path byName = home.resolve("leads.xlsx");
        assertThat(run(null, "export", "--out", byName.toString()).code()).isZero();
        assertThat(sheet(byName)).hasSize(301);

        Path csvAnyway = home.resolve("other.xlsx");
        assertThat(run(null, "export", "--out", csvAnyway.toString(), "--format", "csv").code()).isZero();
        assertThat(Files.readString(csvAnyway)).startsWith("id,created_time,");

        Result bogus = run(null, "export", "--out", home.resolve("x.ods").toString(), "--format", "ods");
        assertThat(bogus.code()).isEqualTo(ExitCode.USAGE);
        assertThat(oneSentence(bogus)).isEqualTo("Unknown format 'ods': use csv (for CRM imports) or xlsx (for spreadsheets).");
    }
}
