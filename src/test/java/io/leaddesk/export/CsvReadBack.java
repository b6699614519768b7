package io.leaddesk.export;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads an export back with commons-csv, as a CRM would: BOM detected and removed, delimiter given. */
record CsvReadBack(boolean bom, List<String> header, List<List<String>> rows) {

    static CsvReadBack read(Path file, char delimiter) throws IOException {
        return read(file, delimiter, StandardCharsets.UTF_8);
    }

    static CsvReadBack read(Path file, char delimiter, Charset cs) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        String text = new String(bytes, cs);
        if (bom) {
            text = text.substring(1);
        }
        List<List<String>> all = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180.builder().setDelimiter(delimiter).get())) {
            for (CSVRecord r : p) {
                all.add(r.toList());
            }
        }
        return new CsvReadBack(bom, all.get(0), all.subList(1, all.size()));
    }

    int col(String header) {
        int i = this.header.indexOf(header);
        if (i < 0) {
            throw new AssertionError("no column " + header + " in " + this.header);
        }
        return i;
    }

    String cell(int row, String header) {
        return rows.get(row).get(col(header));
    }

    /** The row whose column {@code header} equals {@code value}. */
    List<String> rowWhere(String header, String value) {
        int c = col(header);
        return rows.stream().filter(r -> r.get(c).equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + header + "=" + value));
    }
}
