package io.leaddesk.store;

/**
 * Leads were deleted from the cache, but copies of their data stay in the cache files for now: another LeadDesk
 * window or command kept reading the cache, so its write-ahead log could not be emptied. The erase is finished the
 * next time the cache is opened.
 */
public final class EraseIncompleteException extends StoreException {
    private final int deleted;

    public EraseIncompleteException(int deleted) {
        super("Deleted " + deleted + (deleted == 1 ? " lead" : " leads") + " from the local cache, but copies of"
                + " their data remain in the cache files until LeadDesk is closed everywhere (another LeadDesk window"
                + " or command is still reading the cache); they are erased the next time the cache is opened.");
        this.deleted = deleted;
    }

    /** How many leads were deleted. */
    public int deleted() {
        return deleted;
    }
}
