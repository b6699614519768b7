package io.leaddesk.graph;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many leads to ask for per result page of one form, shared by every pull of the form (its time slices). It
 * starts at the size the caller chooses and is halved, not below {@link #SMALLEST} (or the start size when that is
 * smaller), each time Meta answers that a page asked for too much ("Please reduce the amount of data you're asking
 * for", or a body that timed out while it arrived). Thread-safe.
 */
public final class PageSize {
    /** Graph's default page size; a page is never made smaller than this by halving. */
    public static final int SMALLEST = 25;

    private final int start;
    private final int floor;
    private final AtomicInteger current;
    private final AtomicInteger halvings = new AtomicInteger();

    /** @param start the {@code limit} to ask for first (at least 1) */
    public PageSize(int start) {
        this.start = Math.max(1, start);
        this.floor = Math.min(SMALLEST, this.start);
        this.current = new AtomicInteger(this.start);
    }

    /** The size to ask for now. */
    public int get() {
        return current.get();
    }

    /** The size this started with. */
    public int start() {
        return start;
    }

    /** How many times a refusal halved the size. */
    public int halvings() {
        return halvings.get();
    }

    /** True when a page of {@code asked} leads can still be asked for smaller. */
    public boolean canShrink(int asked) {
        return asked > floor;
    }

    /**
     * A page of {@code asked} leads was refused as too much: from now on ask for at most half of it (not below the
     * smallest). Several pulls refused at once halve it once each for what they asked, never below what another
     * already set.
     */
    public void refused(int asked) {
        int half = Math.max(floor, asked / 2);
        int before = current.getAndAccumulate(half, Math::min);
        if (half < before) {
            halvings.incrementAndGet();
        }
    }

    @Override
    public String toString() {
        return "PageSize[" + current.get() + " of " + start + "]";
    }
}
