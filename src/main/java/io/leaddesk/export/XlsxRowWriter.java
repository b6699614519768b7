package io.leaddesk.export;

import io.leaddesk.model.FailureKind;
import io.leaddesk.store.StoredLead;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An Office Open XML workbook (.xlsx) with one sheet, "Leads", written as it streams with fastexcel: rows go out in
 * blocks of {@value #BLOCK}, so memory stays flat whatever the export's size (no shared-strings table: every text is
 * an inline string).
 *
 * <p>Cell types are what spreadsheets damage in CSV: every value is a <b>text</b> cell (ids, phone numbers with their
 * {@code +}, every answer), never a number a spreadsheet could round; {@code created_time} is a <b>date</b> cell
 * (format {@value #DATE_FORMAT}) in the export's time zone (UTC unless a zone was chosen: spreadsheet dates carry no
 * offset); the dedupe {@code submissions} count is a number. Cells arrive with the formula guard already applied, as
 * in CSV; characters XML cannot hold (control characters other than tab, CR and LF) are left out of the cell.
 * The header row is bold and stays visible while scrolling.
 */
final class XlsxRowWriter implements RowWriter {

    /** Data rows a sheet can hold: the spreadsheet limit of 1,048,576 rows, less the header. */
    static final int MAX_DATA_ROWS = 1_048_575;
    static final int BLOCK = 256;
    static final String DATE_FORMAT = "yyyy-mm-dd hh:mm:ss";
    private static final double DATE_WIDTH = 20;

    private final Workbook workbook;
    private final Worksheet sheet;
    private final boolean[] date;
    private final boolean[] number;
    private final int[] dateColumns;
    private final ZoneRules zone;
    /** The next row to write (0 = header). */
    private int row;
    /** The first row of the block not flushed yet. */
    private int blockStart;

    XlsxRowWriter(OutputStream out, ExportOptions options, ExportPlan plan) {
        workbook = new Workbook(out, "LeadDesk", null);
        sheet = workbook.newWorksheet("Leads");
        int n = plan.columnCount();
        date = new boolean[n];
        number = new boolean[n];
        int dates = 0;
        for (int i = 0; i < n; i++) {
            date[i] = "created_time".equals(plan.source(i));
            number[i] = "submissions".equals(plan.source(i));
            if (date[i]) {
                dates++;
                sheet.width(i, DATE_WIDTH);
            }
        }
        dateColumns = new int[dates];
        for (int i = 0, d = 0; i < n; i++) {
            if (date[i]) {
                dateColumns[d++] = i;
            }
        }
        zone = (options.timeZone() == null ? ZoneOffset.UTC : options.timeZone()).getRules();
        sheet.freezePane(0, 1);
    }

    @Override
    public void header(String[] cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            sheet.inlineString(0, i, cells[i]);
        }
        if (cells.length > 0) {
            sheet.range(0, 0, 0, cells.length - 1).style().bold().set();
        }
        row = 1;
        blockStart = 1;
        sheet.flush();
    }

    @Override
    public void row(String[] cells, StoredLead lead) throws IOException {
        if (row > MAX_DATA_ROWS) {
            throw tooManyRows();
        }
        for (int i = 0; i < cells.length; i++) {
            String v = cells[i];
            if (date[i]) {
                long t = lead.lead().createdEpochSecond();
                sheet.value(row, i, LocalDateTime.ofEpochSecond(t, 0, zone.getOffset(Instant.ofEpochSecond(t))));
            } else if (number[i] && isSmallCount(v)) {
                sheet.value(row, i, Integer.parseInt(v));
            } else if (v != null && !v.isEmpty()) {
                sheet.inlineString(row, i, v);
            }
        }
        row++;
        if (row - blockStart >= BLOCK) {
            endBlock();
        }
    }

    private static boolean isSmallCount(String v) {
        if (v == null || v.isEmpty() || v.length() > 9) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Gives the block's date cells their format (one style call per column and block) and streams the block out. */
    private void endBlock() throws IOException {
        if (row > blockStart) {
            for (int c : dateColumns) {
                sheet.range(blockStart, c, row - 1, c).style().format(DATE_FORMAT).set();
            }
            sheet.flush();
        }
        blockStart = row;
    }

    @Override
    public void finish() throws IOException {
        endBlock();
        workbook.finish();
    }

    static ExportException tooManyRows() {
        return new ExportException(FailureKind.INPUT, "A spreadsheet holds at most 1,048,575 rows of leads and this export"
                + " has more; export as CSV, or choose fewer leads (forms, dates or only new leads).", null,
                "export.error.tooManyRows", java.util.List.of());
    }
}
