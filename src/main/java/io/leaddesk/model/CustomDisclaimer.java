package io.leaddesk.model;

import java.util.List;

/** The custom disclaimer of a form's legal content: title, body text, and the checkboxes a person may tick. */
public record CustomDisclaimer(String title, String body, List<DisclaimerCheckbox> checkboxes) {
    public CustomDisclaimer {
        checkboxes = checkboxes == null ? List.of() : List.copyOf(checkboxes);
    }
}
