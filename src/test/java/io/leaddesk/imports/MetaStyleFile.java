package io.leaddesk.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes files the way Meta's downloads look, with commons-csv (a library independent of the reader under test):
 * Leads Center's UTF-8 CSV with BOM, or export_csv's UTF-16LE TSV with BOM.
 */
final class MetaStyleFile {
    enum Flavour { CSV_UTF8_BOM, TSV_UTF16LE_BOM }

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MetaStyleFile(List<String> header) {
        this.header = List.copyOf(header);
    }

    MetaStyleFile row(List<String> cells) {
        rows.add(new ArrayList<>(cells));
        return this;
    }

    MetaStyleFile row(String... cells) {
        return row(List.of(cells));
    }

    int size() {
        return rows.size();
    }

    Path write(Path file, Flavour flavour) throws IOException {
        boolean tsv = flavour == Flavour.TSV_UTF16LE_BOM;
        Charset cs = tsv ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_8;
        CSVFormat format = (tsv ? CSVFormat.TDF : CSVFormat.RFC4180).builder().setRecordSeparator(tsv ? "\n" : "\r\n").get();
        try (OutputStream out = Files.newOutputStream(file); Writer w = new OutputStreamWriter(out, cs)) {
            w.write('\uFEFF');
            try (CSVPrinter p = new CSVPrinter(w, format)) {
                p.printRecord(header);
                for (List<String> r : rows) {
                    p.printRecord(r);
                }
            }
        }
        return file;
    }
}
