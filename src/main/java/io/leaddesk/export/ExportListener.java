package io.leaddesk.export;

/** Receives export progress on the exporting thread; must return quickly. */
@FunctionalInterface
public interface ExportListener {
    ExportListener NONE = p -> { };

    void progress(ExportProgress progress);
}
