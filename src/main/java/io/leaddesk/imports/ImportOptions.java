package io.leaddesk.imports;

/**
 * How to import a file.
 *
 * @param formId      the form the file's leads belong to when the file does not say (its {@code form_id} column is
 *                    absent or empty); with or without Meta's {@code f:} prefix; null to take the file's. Must be a form
 *                    of the cache then, unless {@code newFormName} is given. Rows whose own form id differs are malformed.
 * @param strict      refuse the whole file when any row is malformed (by default such rows are skipped, counted and
 *                    reported)
 * @param newFormName when {@code formId} is not a form of the cache and the file does not name it: create that form from
 *                    the file's columns under this name (questions typed CUSTOM until a sync brings Meta's definitions),
 *                    as for a form the file names; null (the default) refuses a form the cache lacks
 */
public record ImportOptions(String formId, boolean strict, String newFormName) {

    public ImportOptions(String formId, boolean strict) {
        this(formId, strict, null);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(null, false, null);
    }

    /** The form the file's leads belong to, which must be a form of the cache when the file does not name it. */
    public ImportOptions withForm(String id) {
        return new ImportOptions(id, strict, null);
    }

    /** A form the cache lacks, created from the file's columns under {@code name} (blank: the file's form_name). */
    public ImportOptions withNewForm(String id, String name) {
        return new ImportOptions(id, strict, name == null ? "" : name.strip());
    }

    public ImportOptions withStrict(boolean s) {
        return new ImportOptions(formId, s, newFormName);
    }

    /** Whether a form the cache lacks may be created for the form given. */
    boolean mayCreateForm() {
        return newFormName != null;
    }
}
