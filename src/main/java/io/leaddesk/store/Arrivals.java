package io.leaddesk.store;

import java.util.List;
import java.util.Map;

/**
 * The new leads (see {@link LeadStore#isNew}) a sync stored after a mark ({@link LeadStore#newestRowId()} taken before
 * it): how many, per form (most first), and the row ids of the newest of them (for their names and ids, through
 * {@link LeadStore#rows(long[], int, int)}). Leads a sync stored that do not count as new (a first sync's backlog)
 * are not in it.
 *
 * @param afterRowId the mark
 * @param total      new leads stored after the mark
 * @param byForm     form id to its count of them, the form with most first
 * @param newest     row ids of the newest of them, newest first (at most as many as asked for)
 */
public record Arrivals(long afterRowId, long total, Map<String, Long> byForm, List<Long> newest) {
    public Arrivals {
        byForm = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byForm));
        newest = List.copyOf(newest);
    }

    public boolean isEmpty() {
        return total == 0;
    }

    /** {@link #newest} as the array {@link LeadStore#rows(long[], int, int)} takes. */
    public long[] newestRowIds() {
        return newest.stream().mapToLong(Long::longValue).toArray();
    }
}
