package io.leaddesk.export;

/** An export could not be done. {@link #getMessage()} is one plain sentence saying what happened and what to do. */
public class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
