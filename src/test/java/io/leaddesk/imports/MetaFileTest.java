package io.leaddesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.model.FailureKind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a download: encodings, separators, RFC 4180 records with their lines, and the files that are refused. */
class MetaFileTest {
    @TempDir
    Path dir;

    private static final String TEXT = "id;created_time;full_name;ملاحظات\r\n"
            + "l:1;2025-03-01T09:15:00+0200;\"Олена; \"\"Лена\"\"\";\"рядок один\nрядок два\"\r\n"
            + "\r\n"
            + "l:2;2025-03-02T09:15:00+0200;João;\r\n";

    @Test
    void utf8WithoutBomSemicolonSeparated() throws Exception {
        MetaFile f = open(write("a.csv", null, TEXT, StandardCharsets.UTF_8));
        assertThat(f.encoding().label()).isEqualTo("UTF-8");
        assertThat(f.separator()).isEqualTo(';');
        assertRows(f);
    }

    @Test
    void utf16BigEndianWithBomAndWithout() throws Exception {
        MetaFile be = open(write("be.csv", new byte[]{(byte) 0xFE, (byte) 0xFF}, TEXT, StandardCharsets.UTF_16BE));
        assertThat(be.encoding().label()).isEqualTo("UTF-16BE with BOM");
        assertRows(be);
        MetaFile beNoBom = open(write("be2.csv", null, TEXT, StandardCharsets.UTF_16BE));
        assertThat(beNoBom.encoding().label()).isEqualTo("UTF-16BE");
        assertRows(beNoBom);
        MetaFile leNoBom = open(write("le.tsv", null, TEXT.replace(';', '\t'), StandardCharsets.UTF_16LE));
        assertThat(leNoBom.encoding().label()).isEqualTo("UTF-16LE");
        assertThat(leNoBom.separator()).isEqualTo('\t');
    }

    @Test
    void excelsSeparatorLineIsHonouredAndLinesCountFromTheFileStart() throws Exception {
        MetaFile f = open(write("sep.csv", null, "sep=;\r\n" + TEXT, StandardCharsets.UTF_8));
        assertThat(f.separator()).isEqualTo(';');
        assertThat(f.header()).containsExactly("id", "created_time", "full_name", "ملاحظات");
        assertThat(f.next().line()).isEqualTo(3);
        assertThat(f.next().line()).isEqualTo(6);
    }

    @Test
    void aLegacyCodePageIsRefusedNotImportedGarbled() throws Exception {
        Path cp1251 = write("ansi.csv", null, "id,created_time,full_name\r\nl:1,2025-03-01T09:15:00Z,Олена\r\n",
                Charset.forName("windows-1251"));
        assertThatThrownBy(() -> drain(open(cp1251)))
                .isInstanceOf(ImportException.class)
                .hasMessage("The file ansi.csv is not UTF-8 or UTF-16 text: save it as \"CSV UTF-8\" (or"
                        + " download it from Meta again) and import it again.")
                .satisfies(e -> assertThat(((ImportException) e).failureKind()).isEqualTo(FailureKind.INPUT));
    }

    @Test
    void aQuoteNeverClosedRefusesTheFileAtTheLineItStarts() throws Exception {
        Path broken = write("broken.csv", null, "id,created_time,note\nl:1,2025-03-01T09:15:00Z,ok\n"
                + "l:2,2025-03-01T09:15:00Z,\"never closed\nl:3,2025-03-01T09:15:00Z,lost\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> drain(open(broken)))
                .isInstanceOf(ImportException.class)
                .hasMessage("Line 3 of broken.csv is not valid CSV (a quoted cell is never closed, or text follows a"
                        + " closing quote), so the rows from there on cannot be read: fix the line or download the file"
                        + " again; nothing of it was imported.");
        Path trailing = write("trailing.csv", null, "id,created_time,note\nl:1,2025-03-01T09:15:00Z,\"Лена\" Тестенко\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> drain(open(trailing))).hasMessageStartingWith("Line 2 of trailing.csv is not valid CSV");
    }

    @Test
    void aFileWithoutMetasColumnsIsNotALeadDownload() throws Exception {
        Path other = write("contacts.csv", null, "name,email\nOlena,o@example.com\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> open(other)).isInstanceOf(ImportException.class)
                .hasMessage("The file contacts.csv is not a Meta lead download: its first line has no id and"
                        + " created_time columns separated by commas, semicolons or tabs.");
        Path empty = write("empty.csv", null, "", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> open(empty)).hasMessageStartingWith("The file empty.csv is not a Meta lead download");
    }

    @Test
    void aMissingFileOrAFolderIsOneSentence() {
        assertThatThrownBy(() -> open(dir.resolve("nope.csv"))).isInstanceOf(ImportException.class)
                .hasMessage("The file " + dir.resolve("nope.csv") + " does not exist: check the name and import again.");
        assertThatThrownBy(() -> open(dir)).isInstanceOf(ImportException.class)
                .hasMessage(dir + " is a folder, not a lead download: give the CSV or TSV file itself.");
    }

    private void assertRows(MetaFile f) {
        assertThat(f.header()).containsExactly("id", "created_time", "full_name", "ملاحظات");
        MetaFile.Row first = f.next();
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.cells()).containsExactly("l:1", "2025-03-01T09:15:00+0200", "Олена; \"Лена\"",
                "рядок один\nрядок два");
        MetaFile.Row second = f.next(); // the blank line 4 is skipped
        assertThat(second.line()).isEqualTo(5);
        assertThat(second.cells()).containsExactly("l:2", "2025-03-02T09:15:00+0200", "João", "");
        assertThat(f.next()).isNull();
        f.close();
    }

    private List<MetaFile.Row> drain(MetaFile f) {
        List<MetaFile.Row> rows = new ArrayList<>();
        try (f) {
            MetaFile.Row r;
            while ((r = f.next()) != null) {
                rows.add(r);
            }
        }
        return rows;
    }

    private MetaFile open(Path p) {
        return MetaFile.open(p);
    }

    private Path write(String name, byte[] bom, String text, Charset cs) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (bom != null) {
            b.write(bom);
        }
        b.write(text.getBytes(cs));
        Path p = dir.resolve(name);
        Files.write(p, b.toByteArray());
        return p;
    }
}
