package io.leaddesk.store;

import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;

/**
 * A local storage problem (database cannot be opened, is corrupt, was written by a newer LeadDesk, disk full...).
 * {@link #getMessage()} is one plain sentence saying what happened and what to do.
 */
public class StoreException extends LeadDeskException {
    public StoreException(String message, Throwable cause) {
        super(FailureKind.STORAGE, message, cause);
    }

    public StoreException(String message) {
        super(FailureKind.STORAGE, message);
    }

    /** With the key and arguments of the same sentence in the app's message bundles. */
    public StoreException(String message, Throwable cause, String messageKey, Object... messageArgs) {
        super(FailureKind.STORAGE, message, cause, messageKey, java.util.List.of(messageArgs));
    }
}
