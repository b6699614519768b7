package io.leaddesk.sync;

import io.leaddesk.graph.PageSize;
import io.leaddesk.store.SyncState;

/**
 * The page size a form is read with, and what is remembered of it. When Meta refuses pages as too large the size is
 * halved during the pull (down to 25, {@link PageSize}); the size that worked is remembered in the cache and used by
 * the next syncs. After {@value #PROBE_AFTER} syncs in a row without a refusal the next one tries half as much again
 * (never above the configured size); if that is refused, the size known to work is kept.
 *
 * <p>A form with no refusal on record may grow past the configured size during a pull, up to
 * {@link PageSize#growthCeiling} (see {@link PageSize}). When Meta refuses or caps a grown page, the largest size that
 * worked is remembered (at or above the configured size) and later pulls grow no further than that.
 */
final class PageSizeMemory {
    /** Pulls without a refusal before a larger page is tried again. */
    static final int PROBE_AFTER = 3;

    private final int configured;
    private final Integer known;
    private final int cleanPulls;
    private final int start;
    private final int ceiling;

    PageSizeMemory(int configured, SyncState.Form remembered) {
        this.configured = Math.max(1, configured);
        Integer r = remembered.pageSize();
        this.known = r == null || r >= this.configured ? null : Math.max(1, r);
        this.cleanPulls = remembered.cleanPulls();
        if (known == null) {
            start = this.configured;
        } else if (cleanPulls >= PROBE_AFTER) {
            start = (int) Math.min(this.configured, known + Math.max(1L, known / 2));
        } else {
            start = known;
        }
        if (known != null) {
            ceiling = start; // refused below the configured size: no growth until the probes climb back
        } else if (r != null) {
            ceiling = Math.min(r, PageSize.growthCeiling(this.configured)); // larger than r was refused or capped
        } else {
            ceiling = PageSize.growthCeiling(this.configured);
        }
    }

    /** The size for this pull: starts at {@link #start()}, may grow up to the ceiling. */
    PageSize newSize() {
        return PageSize.growing(start, ceiling);
    }

    /** The size this pull starts with. */
    int start() {
        return start;
    }

    /** True when this pull tries a larger page than the one known to work. */
    boolean probing() {
        return known != null && start > known;
    }

    /** The size to remember after a pull that used {@code size} (null = the configured size). */
    Integer remember(PageSize size) {
        int worked;
        if (size.halvings() == 0) {
            worked = start;
        } else if (probing() && size.get() < known) {
            worked = known; // the probe was refused: keep what is known to work
        } else {
            worked = size.get();
        }
        if (worked >= configured) {
            // a grown page refused or capped: remember the largest that worked, so later pulls grow no further (and
            // keep remembering it while pulls stay within it)
            if (size.refusedLarger()) {
                return Math.max(configured, size.ceiling());
            }
            return known == null && ceiling < PageSize.growthCeiling(configured) ? Integer.valueOf(ceiling) : null;
        }
        return worked;
    }

    /** Clean pulls to remember with {@link #remember}. */
    int cleanPulls(PageSize size) {
        if (size.halvings() > 0 || probing()) {
            return 0;
        }
        return known == null ? 0 : cleanPulls + 1;
    }
}
