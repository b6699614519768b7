package io.leaddesk.store;

import java.time.Instant;

/** A page as kept in the cache. {@code lastSynced} is null when none of its forms was ever synced. */
public record StoredPage(String id, String name, long cachedLeads, Instant lastSynced) {
}
