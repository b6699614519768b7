package io.leaddesk.ui.imports;

/**
 * One answer to "which form?" for a file that names none: a form of the cache, or {@link #newForm()} (a new form made
 * from the file's columns, whose id the user types).
 *
 * @param formId the cached form's id; null for the new form
 * @param label  what the choice shows
 */
public record FormOption(String formId, String label) {
    public boolean newForm() {
        return formId == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
