package io.leaddesk.export;

/** Stops a stream of leads early: cancel, or enough rows for a preview. Stackless; never leaves the export package. */
final class Stop extends RuntimeException {
    static final Stop CANCELLED = new Stop();
    static final Stop ENOUGH = new Stop();
    /** Stops the reader thread because the writing side stopped. */
    static final Stop ABORTED = new Stop();

    private Stop() {
        super(null, null, false, false);
    }

    /** Whether {@code e} is a stop, or was caused by one. */
    static boolean in(Throwable e) {
        return ExportFailures.find(e, Stop.class) != null;
    }
}
