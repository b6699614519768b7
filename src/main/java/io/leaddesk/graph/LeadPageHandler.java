package io.leaddesk.graph;

import io.leaddesk.model.Lead;

import java.util.List;

/** Receives the leads of one result page at a time; the sync commits each page in its own transaction. */
@FunctionalInterface
public interface LeadPageHandler {
    void onPage(List<Lead> leads);

    /**
     * The same, with where each lead stood: {@code page} counts the result pages of this pull from 1 and
     * {@code positions[i]} is the 0-based index of {@code leads.get(i)} in that result page as Graph sent it (leads
     * already delivered earlier in the pull are left out, so positions may skip). The client calls this method; by
     * default it hands the leads to {@link #onPage(List)}.
     */
    default void onPage(int page, List<Lead> leads, int[] positions) {
        onPage(leads);
    }

    /**
     * Asked after every result page: true when the caller has all it wants from this pull (a time slice that met a
     * lead older than its lower end). The pull then ends as complete without asking for more pages. By default the
     * pull goes on until Graph says there is nothing more.
     */
    default boolean reachedEnd() {
        return false;
    }
}
