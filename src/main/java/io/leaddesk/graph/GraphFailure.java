package io.leaddesk.graph;

/**
 * The {@link GraphException} the client throws; additionally keeps Graph's own (scrubbed) message text so that
 * callers inside this package can look at it (e.g. the whoami fallback on "(accounts) on node type (Page)").
 */
final class GraphFailure extends GraphException {
    private final String graphMessage;

    GraphFailure(GraphErrorKind kind, String message, int code, int subcode, int httpStatus, String missingPermission,
                 String fbtraceId, String graphMessage, Throwable cause) {
        super(kind, message, code, subcode, httpStatus, missingPermission, fbtraceId, cause);
        this.graphMessage = graphMessage;
    }

    /** Graph's own message, scrubbed of the token and secret; may be null. */
    String graphMessage() {
        return graphMessage;
    }
}
