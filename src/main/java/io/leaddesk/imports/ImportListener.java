package io.leaddesk.imports;

/** Told how an import goes; called on the thread that runs it (a ViewModel passes it on to its own thread). */
@FunctionalInterface
public interface ImportListener {
    ImportListener NONE = p -> { };

    /** Every thousand rows or so, and once at the end of each phase. */
    void progress(ImportProgress progress);
}
