package io.leaddesk.store;

import io.leaddesk.model.Lead;
import java.time.Instant;

/**
 * A lead as kept in the cache: the lead as received (parsed, with its byte-exact raw JSON in {@code lead.rawJson()}),
 * the page it came through, when it was first and last seen by a sync, and the agency's review.
 */
public record StoredLead(Lead lead, String pageId, Instant firstSeen, Instant lastSeen, ReviewStatus status, String note) {
    public String id() {
        return lead.id();
    }
}
