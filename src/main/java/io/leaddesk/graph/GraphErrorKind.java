package io.leaddesk.graph;

/** The typed outcomes a Graph failure is sorted into; the rest of the code acts on these, not on codes. */
public enum GraphErrorKind {
    /** 190 (463 expired, 460 password changed, 467 invalid), 102, 2500: sign in again. */
    TOKEN,
    /** 10, 200-299: a permission is missing (leads_retrieval, Lead Access Manager...). */
    PERMISSION,
    /** 100 / subcode 33: the object does not exist or is not visible. */
    NOT_FOUND,
    /** 4, 17, 32, 341, 613, 80000-80014: rate limited; retried, and reported only when retries ran out. */
    RATE_LIMIT,
    /** 1, 2, HTTP 5xx, is_transient, timeouts, truncated or malformed bodies: retried, then reported. */
    TRANSIENT,
    /** 2642: the paging cursor is no longer valid. */
    INVALID_CURSOR,
    /** The network could not be reached at all (DNS, connection refused). */
    NETWORK,
    /** Anything else Graph refused (bad parameter...). */
    OTHER
}
