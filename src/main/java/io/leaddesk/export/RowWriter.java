package io.leaddesk.export;

import io.leaddesk.store.StoredLead;
import java.io.IOException;
import java.io.OutputStream;

/** Writes an export's header and rows into a stream in one file format ({@link ExportFormat}). Not thread-safe. */
interface RowWriter {

    void header(String[] cells) throws IOException;

    /** One data row: the cells as the plan computed them (formula guard applied), and the lead they came from. */
    void row(String[] cells, StoredLead lead) throws IOException;

    /** Completes the file and flushes it into the stream, which stays open. */
    void finish() throws IOException;

    /** A writer of {@code options.format()} for the columns of {@code plan}. */
    static RowWriter open(OutputStream out, ExportOptions options, ExportPlan plan) throws IOException {
        return options.format() == ExportFormat.XLSX
                ? new XlsxRowWriter(out, options, plan)
                : CsvRowWriter.open(out, options, plan.columnCount());
    }
}
