package io.leaddesk.export;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.leaddesk.store.StoredLead;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;

/**
 * RFC 4180 CSV through jackson-dataformat-csv: a value is quoted when it holds the separator, a quote (doubled
 * inside), CR or LF, or starts with '#' in the first column; records end with CRLF. A one-column file quotes every
 * value, so an empty one is {@code ""} and not a blank line, which readers skip. The text goes through an encoder that
 * REPORTs what the charset cannot hold (including a broken surrogate pair in UTF-8), so such a lead fails the export
 * with a clear message instead of writing '?'.
 */
final class CsvRowWriter implements RowWriter {

    /** Strict quoting: only values that need it are quoted. */
    private static final CsvFactory CSV = CsvFactory.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    /** A one-column file quotes every value: an empty one must not become a blank line (strict quoting leaves it bare). */
    private static final CsvFactory CSV_ONE_COLUMN = CSV.rebuild()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .build();

    private final JsonGenerator csv;

    private CsvRowWriter(JsonGenerator csv) {
        this.csv = csv;
    }

    static CsvRowWriter open(OutputStream raw, ExportOptions options, int columns) throws IOException {
        Charset cs = options.charset();
        Writer w = new OutputStreamWriter(raw, cs.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        if (options.bom() && isUnicode(cs)) {
            w.write('\uFEFF');
        }
        JsonGenerator g = (columns == 1 ? CSV_ONE_COLUMN : CSV).createGenerator(w);
        g.setSchema(CsvSchema.emptySchema().withColumnSeparator(options.delimiter()).withLineSeparator("\r\n").withComments());
        return new CsvRowWriter(g);
    }

    static boolean isUnicode(Charset cs) {
        return cs.name().toUpperCase(Locale.ROOT).startsWith("UTF");
    }

    @Override
    public void header(String[] cells) throws IOException {
        record(cells);
    }

    @Override
    public void row(String[] cells, StoredLead lead) throws IOException {
        record(cells);
    }

    private void record(String[] cells) throws IOException {
        csv.writeStartArray();
        for (String c : cells) {
            // never null (ExportColumn gives ""), and it must stay so: without a schema the generator drops a null
            // cell from a record instead of writing it empty, which would shift every later column
            csv.writeString(c == null ? "" : c);
        }
        csv.writeEndArray();
    }

    @Override
    public void finish() throws IOException {
        csv.flush();
    }
}
