package io.leaddesk.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What an export did.
 *
 * @param file         the file written (absent when cancelled)
 * @param rowsWritten  data rows in the file (header not counted)
 * @param leadsCovered leads the file stands for (with dedupe: every submission merged into a row); these went into the export history
 * @param cancelled    true when the user cancelled: nothing was written under {@code file}'s name
 * @param duration     wall time
 * @param warnings     plain sentences the user should see (e.g. formula guard off)
 * @param exportId     id of the export-history entry, or -1 when none was recorded
 */
public record ExportResult(Path file, long rowsWritten, long leadsCovered, boolean cancelled, Duration duration,
                           List<String> warnings, long exportId) {
    public ExportResult {
        warnings = List.copyOf(warnings);
    }

    /** One sentence for a status line or the CLI. */
    public String summary() {
        if (cancelled) {
            return "Export cancelled; nothing was written under " + file.getFileName() + ".";
        }
        return "Wrote " + rowsWritten + (rowsWritten == 1 ? " row" : " rows") + " (" + leadsCovered
                + (leadsCovered == 1 ? " lead" : " leads") + ") to " + file + ".";
    }
}
