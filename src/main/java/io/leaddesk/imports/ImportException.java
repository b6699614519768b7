package io.leaddesk.imports;

import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;

/**
 * A lead download that cannot be imported as it is: unreadable, not a Meta lead download, not valid CSV from some line
 * on, a form id that does not fit, a malformed row under {@code --strict}. One sentence saying what and what to do; the
 * command line exits with 2.
 */
public class ImportException extends LeadDeskException {
    public ImportException(String message) {
        super(FailureKind.INPUT, message);
    }

    public ImportException(String message, Throwable cause) {
        super(FailureKind.INPUT, message, cause);
    }
}
