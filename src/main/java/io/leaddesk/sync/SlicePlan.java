package io.leaddesk.sync;

import io.leaddesk.store.SyncState;

import java.util.ArrayList;
import java.util.List;

/**
 * How a form's pull is cut into time slices, and when a running slice is worth cutting again.
 *
 * <p>A pull covers creation times from its lower end up ({@code from}, none for a full pull). A form whose pull is
 * expected to take more than {@value #FEW_PAGES} result pages gets about one slice per fair share of the sync's work
 * (all forms' expected pages over the concurrency), at most one per request the sync may have in flight: the range
 * from {@code from} (or, without one, from {@link #RETENTION_SECONDS} ago, since Meta keeps leads 90 days) to now is
 * cut into equal spans. The oldest slice keeps the pull's own lower end (none: it catches anything older) and the
 * newest has no upper end (it catches what arrives meanwhile), so the slices touch without gaps or overlaps whatever
 * the clock says. Leads are rarely spread evenly; a slice that turns out large is cut again while it runs
 * ({@link #remainingPages}).
 */
final class SlicePlan {
    /** Meta keeps leads retrievable this long: where a full pull's slices start (the oldest slice has no lower end). */
    static final long RETENTION_SECONDS = 90L * 86_400;
    /** A pull expected to take at most this many result pages is read as one slice. */
    static final int FEW_PAGES = 4;
    /** A running slice is cut in two only when it still has at least this many result pages to read. */
    static final int SPLIT_MIN_PAGES = 3;

    private SlicePlan() {
    }

    /** How many slices a form gets: one per fair share of the sync's pages, 1 to {@code concurrency}. */
    static int slices(long expectedPages, long allPages, int concurrency) {
        if (expectedPages <= FEW_PAGES || concurrency <= 1) {
            return 1;
        }
        double share = Math.max(FEW_PAGES, (double) allPages / concurrency);
        long k = Math.round(expectedPages / share);
        return (int) Math.max(1, Math.min(concurrency, k));
    }

    /** Result pages a pull of {@code leads} takes at {@code pageSize}. */
    static long pages(long leads, int pageSize) {
        return leads <= 0 ? 1 : (leads + pageSize - 1) / Math.max(1, pageSize);
    }

    /** Where a range without a lower end is expected to start, for cutting a new pull. */
    static long bottom(Long lo, long now) {
        return lo != null ? lo : now - RETENTION_SECONDS;
    }

    /**
     * Where a running slice's range is expected to end below: its lower end, or without one {@link #RETENTION_SECONDS}
     * ago, or, when the slice already read leads older than that (a clock that is wrong, a Meta that keeps leads
     * longer), as far below its position as the span it has read so far.
     */
    static long bottom(Long lo, long now, long position, long newest) {
        if (lo != null) {
            return lo;
        }
        long guess = now - RETENTION_SECONDS;
        if (position == Long.MAX_VALUE || position > guess) {
            return guess;
        }
        return position - Math.max(1, newest - position + 1);
    }

    /** {@code k} ranges that cover {@code [from, +inf)} without gaps or overlaps, newest first. */
    static List<SyncState.Range> cut(Long from, long now, int k) {
        long bottom = bottom(from, now);
        long top = now + 1;
        int n = (int) Math.max(1, Math.min(k, top - bottom));
        List<SyncState.Range> out = new ArrayList<>(n);
        Long hi = null;
        for (int i = n - 1; i >= 1; i--) {
            long b = bottom + (top - bottom) * i / n;
            out.add(new SyncState.Range(0, b, hi));
            hi = b;
        }
        out.add(new SyncState.Range(0, from, hi));
        return out;
    }

    /**
     * Result pages a running slice still has to read, from what it read so far: {@code seen} leads between
     * {@code newest} and {@code position} (the oldest second read), and {@code position - bottom} seconds to go.
     * 0 when it has read nothing yet or nothing is left.
     */
    static long remainingPages(long seen, long newest, long position, long bottom, int pageSize) {
        if (seen <= 0 || position == Long.MAX_VALUE || position - bottom < 2) {
            return 0;
        }
        long spanSeen = Math.max(1, newest - position + 1);
        double leads = (double) seen * (position - bottom) / spanSeen;
        return (long) (leads / Math.max(1, pageSize));
    }
}
