package io.leaddesk.graph;

/**
 * How many leads to ask for per result page of one form, shared by every pull of the form (its time slices). It
 * starts at the size the caller chooses and is halved, not below {@link #SMALLEST} (or the start size when that is
 * smaller), each time Meta answers that a page asked for too much ("Please reduce the amount of data you're asking
 * for", or a body that timed out while it arrived).
 *
 * <p>It may also grow, up to a ceiling the caller sets ({@link #growing}): after {@value #GROW_AFTER} full pages in a
 * row at the current size (as many leads as asked for, and more to follow) it doubles, never above the ceiling. A
 * round trip to Graph costs hundreds of milliseconds whatever the page holds, so fewer, larger pages bring a big form
 * in sooner. Growth stops for good at the first sign that a larger page is not welcome: a refusal (the ceiling drops
 * below what was refused) or a short page that still has more to follow (a server capping {@code limit} silently; the
 * ceiling becomes what was asked). Thread-safe.
 */
public final class PageSize {
    /** Graph's default page size; a page is never made smaller than this by halving. */
    public static final int SMALLEST = 25;
    /** Full pages in a row at one size before the next is asked for at twice the size. */
    public static final int GROW_AFTER = 2;
    /**
     * The largest page a sync grows to by itself: public integrations read /leads in pages of hundreds to a thousand,
     * and report repeated HTTP 500s for thousands. A LEADDESK_PAGE_SIZE above it is used as it is, and never grown.
     */
    public static final int GROWTH_LIMIT = 1000;

    private final int start;
    private final int floor;
    private int current;
    private int ceiling;
    private int halvings;
    private int fullRun;
    private boolean refusedLarger;

    /** A size that never grows. @param start the {@code limit} to ask for first (at least 1) */
    public PageSize(int start) {
        this(start, start);
    }

    private PageSize(int start, int ceiling) {
        this.start = Math.max(1, start);
        this.floor = Math.min(SMALLEST, this.start);
        this.current = this.start;
        this.ceiling = Math.max(this.start, ceiling);
    }


    /**
     * A size that starts at {@code start} and may grow up to {@code ceiling} (never below {@code start}).
     * {@link #growthCeiling} gives the usual ceiling for a configured size.
     */
    public static PageSize growing(int start, int ceiling) {
        return new PageSize(start, ceiling);
    }

    /** The ceiling for a configured page size: twice it, at most {@link #GROWTH_LIMIT} (never below it). */
    public static int growthCeiling(int configured) {
        int c = Math.max(1, configured);
        return Math.max(c, Math.min(2 * c, GROWTH_LIMIT));
    }

    /** The size to ask for now. */
    public synchronized int get() {
        return current;
    }

    /** The size this started with. */
    public int start() {
        return start;
    }

    /** The largest size this may still grow to. */
    public synchronized int ceiling() {
        return ceiling;
    }

    /** How many times a refusal halved the size. */
    public synchronized int halvings() {
        return halvings;
    }

    /** True when Meta refused (or silently capped) a page larger than the start size. */
    public synchronized boolean refusedLarger() {
        return refusedLarger;
    }

    /** True when a page of {@code asked} leads can still be asked for smaller. */
    public boolean canShrink(int asked) {
        return asked > floor;
    }

    /**
     * A page of {@code asked} leads was refused as too much: from now on ask for at most half of it (not below the
     * smallest), and never grow back to it. Several pulls refused at once halve it once each for what they asked,
     * never below what another already set.
     */
    public synchronized void refused(int asked) {
        int half = Math.max(floor, asked / 2);
        if (asked > start) {
            refusedLarger = true;
        }
        ceiling = Math.min(ceiling, half);
        fullRun = 0;
        if (half < current) {
            current = half;
            if (half < start) {
                halvings++;
            }
        }
    }

    /**
     * A page asked for {@code asked} leads brought {@code got}, and {@code more} says whether a next page follows.
     * Full pages at the current size count towards growing; a short page with more to follow stops growth.
     */
    public synchronized void answered(int asked, int got, boolean more) {
        if (!more || asked != current) {
            return; // the last page of a range says nothing about the size; a page asked before a change is stale
        }
        if (got < asked) {
            if (asked > start) {
                refusedLarger = true; // capped silently (or a page thinned by Graph): larger is not worth asking for
            }
            ceiling = current;
            fullRun = 0;
            return;
        }
        if (++fullRun >= GROW_AFTER && current < ceiling) {
            current = (int) Math.min(ceiling, 2L * current);
            fullRun = 0;
        }
    }

    @Override
    public synchronized String toString() {
        return "PageSize[" + current + " of " + start + ", up to " + ceiling + "]";
    }
}
