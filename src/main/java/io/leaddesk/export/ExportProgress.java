package io.leaddesk.export;

/**
 * Progress of an export, reported about every 1,000 leads and once at the end of each phase.
 *
 * @param phase  {@link Phase#SCANNING} while a first pass looks at the leads (answer keys for the Meta profile's
 *               columns, persons for dedupe), then {@link Phase#WRITING}
 * @param done   leads read so far in this phase
 * @param total  leads the query matched when the export started
 * @param rowsWritten data rows written so far (fewer than {@code done} when deduplicating)
 */
public record ExportProgress(Phase phase, long done, long total, long rowsWritten) {
    public enum Phase { SCANNING, WRITING }

    /** 0..1, or 1 when there is nothing to do. */
    public double fraction() {
        return total <= 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }
}
