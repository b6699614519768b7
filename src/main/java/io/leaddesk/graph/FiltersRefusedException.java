package io.leaddesk.graph;

/**
 * Graph refused a request for leads that carried two time filters (a range with both ends) with an error naming
 * {@code filtering}: this server takes one filter per request, so the form has to be read in one piece, newest
 * first, with at most one filter. The sync does that by itself; the message is for a caller that cannot.
 */
public final class FiltersRefusedException extends GraphException {
    FiltersRefusedException(GraphException cause) {
        super(GraphErrorKind.OTHER, "Meta refused two time filters in one request for this form (Meta error "
                        + cause.code() + "); read the form without a time range.", cause.code(), cause.subcode(),
                cause.httpStatus(), null, cause.fbtraceId(), cause);
    }
}
