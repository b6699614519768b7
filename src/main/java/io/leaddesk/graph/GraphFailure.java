package io.leaddesk.graph;

import java.time.Instant;
import java.util.List;

/**
 * The {@link GraphException} the client throws; additionally keeps Graph's own (scrubbed) message text so that
 * callers inside this package can look at it (e.g. the whoami fallback on "(accounts) on node type (Page)"), and the
 * two halves of its sentence (what happened, what to do) so that a purpose with its own way on, such as the sign-in
 * check, can say what to do differently ({@link #rephrased}).
 */
final class GraphFailure extends GraphException {
    private final String graphMessage;
    private final String head;
    private final String todo;

    GraphFailure(GraphErrorKind kind, String head, String todo, int code, int subcode, int httpStatus,
                 String missingPermission, String fbtraceId, String graphMessage, Throwable cause,
                 TokenProblem tokenProblem, Instant expiredAt, String messageKey, List<?> messageArgs) {
        super(kind, head + ": " + todo + ".", code, subcode, httpStatus, missingPermission, fbtraceId, cause,
                tokenProblem, expiredAt, messageKey, messageArgs);
        this.graphMessage = graphMessage;
        this.head = head;
        this.todo = todo;
    }

    /** Graph's own message, scrubbed of the token and secret; may be null. */
    String graphMessage() {
        return graphMessage;
    }

    /** The same failure with another way on ({@code todo}, without the final period) and message key. */
    GraphFailure rephrased(String newTodo, String key, List<?> args) {
        GraphFailure f = new GraphFailure(kind(), head, newTodo, code(), subcode(), httpStatus(), missingPermission(),
                fbtraceId(), graphMessage, getCause(), tokenProblem(), expiredAt(), key, args);
        f.setStackTrace(getStackTrace());
        return f;
    }
}
