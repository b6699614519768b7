package io.leaddesk.store;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@link LeadStore#forget} did.
 *
 * @param deletedIds   the requested ids that were in the cache and are deleted (in the order asked)
 * @param olderDeleted how many further leads were deleted for being older than the given time
 * @param filesErased  true when no copy of the deleted leads stays readable in the cache files; false when another
 *                     LeadDesk process kept reading the cache for the whole wait: the leads are deleted, their copies
 *                     are erased the next time the cache is opened
 */
public record ForgetResult(Set<String> deletedIds, int olderDeleted, boolean filesErased) {
    public ForgetResult {
        deletedIds = Collections.unmodifiableSet(new LinkedHashSet<>(deletedIds));
    }

    /** How many leads were deleted in all. */
    public int deleted() {
        return deletedIds.size() + olderDeleted;
    }
}
