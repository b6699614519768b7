package io.leaddesk.graph;

import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;

import java.time.Instant;
import java.util.List;

/**
 * A Graph API failure sorted into a {@link GraphErrorKind}. {@link #getMessage()} is one plain sentence
 * saying what happened and what to do; it never contains the access token or the app secret. Token problems carry
 * what exactly is wrong ({@link #tokenProblem()}) and, like other failures the app translates, a message key
 * ({@link #messageKey()}, {@link #messageArgs()}).
 */
public class GraphException extends LeadDeskException {
    private final GraphErrorKind kind;
    private final int code;
    private final int subcode;
    private final int httpStatus;
    private final String missingPermission;
    private final String fbtraceId;
    private final TokenProblem tokenProblem;
    private final Instant expiredAt;

    public GraphException(GraphErrorKind kind, String message, int code, int subcode, int httpStatus,
                          String missingPermission, String fbtraceId, Throwable cause) {
        this(kind, message, code, subcode, httpStatus, missingPermission, fbtraceId, cause, null, null, null, List.of());
    }

    /**
     * @param tokenProblem what is wrong with the token (TOKEN failures; null otherwise or when unknown)
     * @param expiredAt    when an expired token expired, as Meta said (null when not said)
     * @param messageKey   the app's message bundle key of the sentence (null = the English sentence only)
     * @param messageArgs  its arguments
     */
    public GraphException(GraphErrorKind kind, String message, int code, int subcode, int httpStatus,
                          String missingPermission, String fbtraceId, Throwable cause, TokenProblem tokenProblem,
                          Instant expiredAt, String messageKey, List<?> messageArgs) {
        super(failureKind(kind), message, cause, messageKey, messageArgs);
        this.kind = kind;
        this.code = code;
        this.subcode = subcode;
        this.httpStatus = httpStatus;
        this.missingPermission = missingPermission;
        this.fbtraceId = fbtraceId;
        this.tokenProblem = tokenProblem;
        this.expiredAt = expiredAt;
    }

    public GraphException(GraphErrorKind kind, String message) {
        this(kind, message, 0, 0, 0, null, null, null);
    }

    /** What Graph's failure was; {@link #failureKind()} is the broader kind every part of LeadDesk acts on. */
    public GraphErrorKind kind() {
        return kind;
    }

    /** Token and permission problems are ACCESS; everything Meta or the network did otherwise is REMOTE. */
    public static FailureKind failureKind(GraphErrorKind kind) {
        if (kind == GraphErrorKind.TOKEN || kind == GraphErrorKind.PERMISSION) {
            return FailureKind.ACCESS;
        }
        return FailureKind.REMOTE;
    }

    /** Graph error code, 0 when the failure did not come with an error envelope. */
    public int code() {
        return code;
    }

    public int subcode() {
        return subcode;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The permission most likely missing (e.g. {@code leads_retrieval}) for {@link GraphErrorKind#PERMISSION}, else null. */
    public String missingPermission() {
        return missingPermission;
    }

    public String fbtraceId() {
        return fbtraceId;
    }

    /** What exactly is wrong with the token or the app credentials; null when this is not a token problem. */
    public TokenProblem tokenProblem() {
        return tokenProblem;
    }

    /** When an expired token expired, from Meta's message ("Session has expired on ..."); null when not known. */
    public Instant expiredAt() {
        return expiredAt;
    }

    /** True for failures worth retrying with backoff. */
    public boolean retryable() {
        return kind == GraphErrorKind.TRANSIENT || kind == GraphErrorKind.RATE_LIMIT || kind == GraphErrorKind.NETWORK;
    }
}
