package io.leaddesk.store;

/**
 * A local storage problem (database cannot be opened, is corrupt, was written by a newer LeadDesk, disk full...).
 * {@link #getMessage()} is one plain sentence saying what happened and what to do.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
