package io.leaddesk.export;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The file format of an export, whatever the profile (the profile chooses the columns, the format how they are
 * stored).
 * <ul>
 *   <li>{@link #CSV}: for CRM imports and programs: text exactly as Meta sends it, in the chosen encoding and
 *       separator. Spreadsheets that open it guess the cells' types and so damage long ids (rounded to 15 digits)
 *       and phone numbers (the {@code +} dropped).</li>
 *   <li>{@link #XLSX}: for spreadsheets (Excel, LibreOffice Calc, Numbers, Google Sheets): ids, phones and every
 *       answer are text cells, {@code created_time} is a date cell; encoding, separator and byte order mark do not
 *       apply. At most {@value XlsxRowWriter#MAX_DATA_ROWS} data rows (the spreadsheet limit).</li>
 * </ul>
 */
public enum ExportFormat {
    CSV("csv"),
    XLSX("xlsx");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension, without the dot ("csv", "xlsx"); also the name the CLI spells ({@code --format}). */
    public String extension() {
        return extension;
    }

    /** The format named {@code name} as the CLI spells it ("csv", "xlsx", any case). */
    public static Optional<ExportFormat> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.extension.equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format a file name's extension suggests: XLSX for {@code .xlsx} (any case), else CSV. */
    public static ExportFormat forFile(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".xlsx") ? XLSX : CSV;
    }
}
