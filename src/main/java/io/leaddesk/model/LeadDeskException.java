package io.leaddesk.model;

import java.util.List;
import java.util.Objects;

/**
 * The base of every failure LeadDesk raises on purpose. {@link #getMessage()} is one plain English sentence saying
 * what happened and what to do (the command line prints it); it never contains a token, an app secret or a Java
 * class name. {@link #failureKind()} says what sort of failure it is. When {@link #messageKey()} is set, the app renders the
 * sentence from its translated bundles with {@link #messageArgs()} instead of showing the English text.
 */
public class LeadDeskException extends RuntimeException {
    private final FailureKind kind;
    private final String messageKey;
    private final List<Object> messageArgs;

    public LeadDeskException(FailureKind kind, String message) {
        this(kind, message, null, null, List.of());
    }

    public LeadDeskException(FailureKind kind, String message, Throwable cause) {
        this(kind, message, cause, null, List.of());
    }

    /**
     * @param messageKey  key of the same sentence in the app's message bundles (may be null)
     * @param messageArgs the bundle message's arguments, in order
     */
    public LeadDeskException(FailureKind kind, String message, Throwable cause, String messageKey, List<?> messageArgs) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.messageKey = messageKey;
        this.messageArgs = messageArgs == null ? List.of() : List.copyOf(messageArgs);
    }

    public FailureKind failureKind() {
        return kind;
    }

    /** The message bundle key of this sentence, or null when only the English text exists. */
    public String messageKey() {
        return messageKey;
    }

    public List<Object> messageArgs() {
        return messageArgs;
    }
}
