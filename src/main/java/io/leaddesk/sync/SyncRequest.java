package io.leaddesk.sync;

import java.util.Set;

/**
 * What to sync: forms of these pages and these forms (both empty = everything the session reaches).
 * {@code full} ignores the watermarks and pulls every lead again (still one row per lead).
 */
public record SyncRequest(Set<String> pageIds, Set<String> formIds, boolean full) {
    public SyncRequest {
        pageIds = pageIds == null ? Set.of() : Set.copyOf(pageIds);
        formIds = formIds == null ? Set.of() : Set.copyOf(formIds);
    }

    public static SyncRequest everything() {
        return new SyncRequest(Set.of(), Set.of(), false);
    }
}
