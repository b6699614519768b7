package io.leaddesk.export;

import io.leaddesk.model.DisclaimerCheckbox;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The forms an export covers and the answer keys found in its leads, from which profiles build their columns.
 *
 * @param forms               the forms, in the store's order (page, then form name)
 * @param extraFieldKeys      field_data keys found in the leads that no form question describes, first-seen order
 * @param extraDisclaimerKeys disclaimer checkbox keys found in the leads' responses that no form describes, first-seen order
 */
public record FormSchema(List<LeadForm> forms, List<String> extraFieldKeys, List<String> extraDisclaimerKeys) {

    public FormSchema {
        forms = List.copyOf(forms);
        extraFieldKeys = List.copyOf(extraFieldKeys);
        extraDisclaimerKeys = List.copyOf(extraDisclaimerKeys);
    }

    public static FormSchema of(List<LeadForm> forms) {
        return new FormSchema(forms, List.of(), List.of());
    }

    /** Question keys of the forms in question order (each key once, first-seen across forms). */
    public List<String> questionKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (LeadForm f : forms) {
            for (Question q : f.questions()) {
                if (q.key() != null) {
                    keys.add(q.key());
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /** Question keys, then the extra field keys. */
    public List<String> fieldKeys() {
        Set<String> keys = new LinkedHashSet<>(questionKeys());
        keys.addAll(extraFieldKeys);
        return new ArrayList<>(keys);
    }

    /** Checkbox keys of the forms' disclaimers, then the extra ones. */
    public List<String> disclaimerKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (LeadForm f : forms) {
            if (f.disclaimer() != null) {
                for (DisclaimerCheckbox c : f.disclaimer().checkboxes()) {
                    if (c.key() != null) {
                        keys.add(c.key());
                    }
                }
            }
        }
        keys.addAll(extraDisclaimerKeys);
        return new ArrayList<>(keys);
    }
}
