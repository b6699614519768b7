package io.leaddesk.graph;

/**
 * The {@link GraphException} the client throws; additionally keeps Graph's own (scrubbed) message text so that
 * callers inside this package can look at it (e.g. the whoami fallback on "(accounts) on node type (Page)").
 */
final class GraphFailure extends GraphException {
    private final String graphMessage;
    private final boolean askedTooMuch;

    GraphFailure(GraphErrorKind kind, String message, int code, int subcode, int httpStatus, String missingPermission,
                 String fbtraceId, String graphMessage, Throwable cause) {
        this(kind, message, code, subcode, httpStatus, missingPermission, fbtraceId, graphMessage, cause, false);
    }

    GraphFailure(GraphErrorKind kind, String message, int code, int subcode, int httpStatus, String missingPermission,
                 String fbtraceId, String graphMessage, Throwable cause, boolean askedTooMuch) {
        super(kind, message, code, subcode, httpStatus, missingPermission, fbtraceId, cause);
        this.graphMessage = graphMessage;
        this.askedTooMuch = askedTooMuch;
    }

    /** The request asked for more than Meta sends at once ("reduce the amount of data", or a body that timed out). */
    boolean askedTooMuch() {
        return askedTooMuch;
    }

    /** Graph refused the request's {@code filtering} parameter (code 100 naming it). */
    boolean refusedFiltering() {
        return code() == 100 && graphMessage != null && graphMessage.toLowerCase(java.util.Locale.ROOT).contains("filtering");
    }

    /** Graph's own message, scrubbed of the token and secret; may be null. */
    String graphMessage() {
        return graphMessage;
    }
}
