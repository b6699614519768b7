package io.leaddesk.imports;

/**
 * How to import a file.
 *
 * @param formId the form the file's leads belong to when the file does not say (its {@code form_id} column is absent
 *               or empty); with or without Meta's {@code f:} prefix; null to take the file's. Must be a form of the
 *               cache then. Rows whose own form id differs are malformed.
 * @param strict refuse the whole file when any row is malformed (by default such rows are skipped, counted and reported)
 */
public record ImportOptions(String formId, boolean strict) {

    public static ImportOptions defaults() {
        return new ImportOptions(null, false);
    }

    public ImportOptions withForm(String id) {
        return new ImportOptions(id, strict);
    }

    public ImportOptions withStrict(boolean s) {
        return new ImportOptions(formId, s);
    }
}
