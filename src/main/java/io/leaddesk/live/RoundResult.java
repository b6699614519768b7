package io.leaddesk.live;

import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.store.Arrivals;
import io.leaddesk.sync.SyncReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How one auto-sync round (or one {@code sync --watch} round) ended.
 *
 * @param started      when it began (on the round's clock)
 * @param took         how long it took
 * @param outcome      how it ended
 * @param problem      one plain sentence for anything but {@link Outcome#OK} and {@link Outcome#CANCELLED}, else null
 * @param errorKind    the Graph failure behind the problem, null when none
 * @param pagesChecked Pages whose forms were asked for their leads_count (one request each)
 * @param formsPulled  forms whose leads were fetched (their count changed, or their last check is an hour old)
 * @param cached       per form pulled with leads new to the cache, in order of most first: what {@code sync --watch}
 *                     prints
 * @param news         the leads that count as new (unseen) stored by the round: what a notification tells
 * @param report       the pull's report, null when no form needed pulling or the round failed before
 */
public record RoundResult(Instant started, Duration took, Outcome outcome, String problem, GraphErrorKind errorKind,
                          int pagesChecked, List<String> formsPulled, List<FormCount> cached, Arrivals news,
                          SyncReport report) {

    /** How a round ended. */
    public enum Outcome {
        /** Every Page and form it looked at could be read (possibly some leads Meta sent incomplete were skipped). */
        OK,
        /** The network or Meta's servers failed (after the client's retries): the next rounds go on, with backoff. */
        NETWORK,
        /** Meta's rate limit stopped it (retries ran out, or Meta asked to wait): the next rounds wait. */
        RATE_LIMITED,
        /** The token or a permission: auto-sync stops until the user acts. */
        ACCESS,
        /** The local cache could not be written: auto-sync stops until the user acts. */
        STORAGE,
        /** Cancelled (a manual sync took over, or auto-sync was stopped): what was fetched is kept. */
        CANCELLED,
        /** Something else failed (a bug, or a refusal Meta gave no reason for): the next rounds go on. */
        FAILED
    }

    /** Leads new to the cache in one form. */
    public record FormCount(String formId, String formName, long count) {
    }

    public RoundResult {
        formsPulled = List.copyOf(formsPulled);
        cached = List.copyOf(cached);
    }

    /** Leads the round stored that the cache did not have. */
    public long newToCache() {
        return cached.stream().mapToLong(FormCount::count).sum();
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
