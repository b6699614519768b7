package io.leaddesk.export;

import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;

/** An export could not be done. {@link #getMessage()} is one plain sentence saying what happened and what to do. */
public class ExportException extends LeadDeskException {
    /** A storage failure (the file cannot be written); use the kind-taking constructors for anything else. */
    public ExportException(String message) {
        super(FailureKind.STORAGE, message);
    }

    public ExportException(String message, Throwable cause) {
        super(FailureKind.STORAGE, message, cause);
    }

    public ExportException(FailureKind kind, String message) {
        super(kind, message);
    }

    public ExportException(FailureKind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    /** With the key and arguments of the same sentence in the app's message bundles. */
    public ExportException(FailureKind kind, String message, Throwable cause, String messageKey, java.util.List<?> messageArgs) {
        super(kind, message, cause, messageKey, messageArgs);
    }
}
