package io.leaddesk.ui.detail;

/** Puts text on the system clipboard; the view supplies the JavaFX one, tests record. */
@FunctionalInterface
public interface ClipboardPort {
    void copy(String text);
}
