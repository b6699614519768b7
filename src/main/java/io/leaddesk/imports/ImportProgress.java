package io.leaddesk.imports;

/**
 * How far the reading of a file has come, for a progress bar.
 *
 * @param phase      PREVIEW while the file is read to count what it holds, WRITING while its leads go into the cache
 * @param rows       rows read so far in this phase
 * @param bytesRead  bytes of the file read so far
 * @param totalBytes the file's size
 */
public record ImportProgress(Phase phase, long rows, long bytesRead, long totalBytes) {
    public enum Phase { PREVIEW, WRITING }

    /** Between 0 and 1. */
    public double fraction() {
        return totalBytes <= 0 ? 1.0 : Math.min(1.0, (double) bytesRead / totalBytes);
    }
}
