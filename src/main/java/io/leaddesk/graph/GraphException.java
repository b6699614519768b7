package io.leaddesk.graph;

import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;

/**
 * A Graph API failure sorted into a {@link GraphErrorKind}. {@link #getMessage()} is one plain sentence
 * saying what happened and what to do; it never contains the access token or the app secret.
 */
public class GraphException extends LeadDeskException {
    private final GraphErrorKind kind;
    private final int code;
    private final int subcode;
    private final int httpStatus;
    private final String missingPermission;
    private final String fbtraceId;

    public GraphException(GraphErrorKind kind, String message, int code, int subcode, int httpStatus,
                          String missingPermission, String fbtraceId, Throwable cause) {
        super(failureKind(kind), message, cause);
        this.kind = kind;
        this.code = code;
        this.subcode = subcode;
        this.httpStatus = httpStatus;
        this.missingPermission = missingPermission;
        this.fbtraceId = fbtraceId;
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

    /** True for failures worth retrying with backoff. */
    public boolean retryable() {
        return kind == GraphErrorKind.TRANSIENT || kind == GraphErrorKind.RATE_LIMIT || kind == GraphErrorKind.NETWORK;
    }
}
