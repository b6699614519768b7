package io.leaddesk.sync;

import io.leaddesk.model.Lead;

/**
 * What a lead needs before the cache will take it: an id (the key of every row) and a created_time LeadDesk can
 * read (the watermark and every date filter rest on it). The parsers turn a created_time they cannot read into
 * second 0, which no lead of Meta's can carry.
 */
final class LeadCheck {
    private LeadCheck() {
    }

    /** Why the lead cannot be stored, or null when it can. */
    static String problem(Lead lead) {
        if (lead.id() == null) {
            return "it has no id";
        }
        if (lead.id().isBlank()) {
            return "its id is empty";
        }
        if (lead.createdTime() == null || lead.createdTime().isBlank()) {
            return "it has no created_time";
        }
        if (lead.createdEpochSecond() <= 0) {
            return "its created_time is not a date LeadDesk can read";
        }
        return null;
    }
}
