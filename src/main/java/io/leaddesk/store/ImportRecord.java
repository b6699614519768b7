package io.leaddesk.store;

import java.time.Instant;

/** One import in the history: which file (its name), when, and how many leads it brought that the cache lacked. */
public record ImportRecord(long id, String fileName, Instant at, long newLeads) {
}
