package io.leaddesk.imports;

import java.util.List;

/**
 * A form the leads of a file belong to, as the preview matched it.
 *
 * @param formId          the form's id (without Meta's {@code f:})
 * @param formName        its name as the cache holds it, else as the file's {@code form_name} gives it ("" when neither)
 * @param inCache         the cache holds the form (synced from Meta, or created by an earlier import)
 * @param provisional     its questions are an import's placeholders (typed CUSTOM): it is created from the file's columns
 *                        now, or was by an earlier import, and a sync of its page brings Meta's definitions
 * @param rows            the file's rows of this form (malformed ones included)
 * @param newLeads        of those, the leads the cache lacks that the import writes
 * @param questionColumns the file's columns mapped to the form's questions (or disclaimer checkboxes), in file order
 */
public record FormMatch(String formId, String formName, boolean inCache, boolean provisional, long rows, long newLeads,
                        List<String> questionColumns) {
    public FormMatch {
        questionColumns = List.copyOf(questionColumns);
    }
}
