package io.leaddesk.sync;

import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.graph.LeadPageHandler;
import io.leaddesk.graph.LeadPull;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pull of one form's leads into the cache, page by page, and how it ended ({@link FormOutcome}).
 *
 * <p>Every lead is checked before its page goes to the store ({@link LeadCheck}); one that cannot be stored is
 * skipped and reported with its position, and the rest of the page is stored. Such a lead never becomes good (Meta
 * sends it the same way every time), so it does not hold the form back: the pull still counts as complete and the
 * watermark moves to the newest created_time among the leads <em>stored</em>. A skipped lead never moves the
 * watermark itself (it may have no readable time); one newer than every stored lead is met, and reported, again by
 * the next incremental sync, one older is reported again only by a full sync.
 *
 * <p>The watermark moves only when Graph's paging reached its end ({@link LeadPull#complete()}). A pull that a loop
 * guard stopped ends as {@link FormOutcome.Status#INCOMPLETE}: the leads fetched are kept, the watermark stays, and
 * the next sync reads the form again from it.
 */
final class FormPull {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    /** How many skipped leads a form's message lists by position. */
    private static final int LISTED_SKIPS = 3;

    private final GraphClient graph;
    private final LeadStore store;
    private final Clock clock;

    FormPull(GraphClient graph, LeadStore store, Clock clock) {
        this.graph = graph;
        this.store = store;
        this.clock = clock;
    }

    /** One form to pull; {@code watermark} as cached when the sync started (null before the first complete pull). */
    record Job(PageInfo page, LeadForm form, long expected, Long watermark) {
    }

    FormOutcome run(Job job, boolean full, SyncListener events, CancelSignal cancel, AtomicLong fetchedTotal,
                    AtomicLong newTotal) {
        PageInfo page = job.page();
        LeadForm form = job.form();
        if (cancel.isCancelled()) {
            return outcome(job, FormOutcome.Status.CANCELLED, 0, 0, "Cancelled before it started.", null, List.of());
        }
        Long watermark = job.watermark();
        boolean incremental = !full && watermark != null;
        Long createdAfter = incremental ? watermark - SyncService.OVERLAP.toSeconds() : null;
        long expected = job.expected();
        events.onEvent(new SyncEvent.FormStarted(page.id(), page.name(), form.id(), form.name(), expected, incremental));

        AtomicLong fetched = new AtomicLong();
        AtomicLong fresh = new AtomicLong();
        AtomicLong newest = new AtomicLong(watermark == null ? Long.MIN_VALUE : watermark);
        Map<String, SkippedLead> skipped = new LinkedHashMap<>();
        LeadPageHandler handler = new LeadPageHandler() {
            @Override
            public void onPage(List<Lead> leads) {
                onPage(0, leads, null);
            }

            @Override
            public void onPage(int pageNo, List<Lead> leads, int[] positions) {
                List<Lead> good = new ArrayList<>(leads.size());
                long max = Long.MIN_VALUE;
                for (int i = 0; i < leads.size(); i++) {
                    Lead l = leads.get(i);
                    String why = LeadCheck.problem(l);
                    if (why == null) {
                        good.add(l);
                        max = Math.max(max, l.createdEpochSecond());
                    } else {
                        int at = positions == null ? i : positions[i];
                        String key = l.rawJson() != null ? l.rawJson() : pageNo + ":" + at;
                        if (skipped.putIfAbsent(key, new SkippedLead(pageNo, at, l.id(), why)) == null) {
                            LOG.info("Form {}: lead {} of result page {} skipped: {}", form.id(), at + 1, pageNo, why);
                        }
                    }
                }
                int added = good.isEmpty() ? 0 : store.upsertLeads(page.id(), form, good, clock.instant());
                newest.accumulateAndGet(max, Math::max);
                long f = fetched.addAndGet(leads.size());
                long n = fresh.addAndGet(added);
                fetchedTotal.addAndGet(leads.size());
                newTotal.addAndGet(added);
                events.onEvent(new SyncEvent.FormProgress(page.id(), form.id(), f, expected, n));
            }
        };
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                LeadPull pull = graph.leads(page, form.id(), createdAfter, form.leadsCount(), handler, cancel,
                        (why, wait, attempt, message) -> events.onEvent(new SyncEvent.Waiting(form.id(), message, wait)));
                List<SkippedLead> skips = List.copyOf(skipped.values());
                if (!pull.complete()) {
                    LOG.warn("Form {}: pull stopped early ({}); watermark kept", form.id(), pull.stopReason());
                    return outcome(job, FormOutcome.Status.INCOMPLETE, fetched.get(), fresh.get(),
                            incompleteNote(pull.stopReason(), fetched.get(), skips), null, skips);
                }
                Long mark = newest.get() == Long.MIN_VALUE ? null : newest.get();
                store.markFormSynced(form.id(), mark, clock.instant());
                return outcome(job, FormOutcome.Status.OK, fetched.get(), fresh.get(), skippedNote(skips), null, skips);
            } catch (CancellationException e) {
                return outcome(job, FormOutcome.Status.CANCELLED, fetched.get(), fresh.get(),
                        "Cancelled; the " + fetched.get() + " leads fetched so far are kept.", null, skipped.values());
            } catch (GraphException e) {
                if (e.kind() == GraphErrorKind.INVALID_CURSOR && attempts < 2) {
                    LOG.warn("Paging cursor of form {} expired; restarting it from its watermark", form.id());
                    continue;
                }
                if (e.kind() == GraphErrorKind.TOKEN) {
                    cancel.cancel(); // every other form would fail the same way
                }
                FormOutcome.Status status = e.kind() == GraphErrorKind.NOT_FOUND ? FormOutcome.Status.SKIPPED : FormOutcome.Status.FAILED;
                return outcome(job, status, fetched.get(), fresh.get(), keptNote(e.getMessage(), fetched.get()), e.kind(),
                        skipped.values());
            } catch (StoreException e) {
                cancel.cancel(); // a cache that cannot be written fails every form
                return new FormOutcome(page.id(), form.id(), form.name(), FormOutcome.Status.FAILED, fetched.get(), fresh.get(),
                        e.getMessage(), null, true, List.copyOf(skipped.values()));
            } catch (RuntimeException e) {
                LOG.error("Unexpected failure syncing form {}", form.id(), e);
                return outcome(job, FormOutcome.Status.FAILED, fetched.get(), fresh.get(),
                        keptNote("Unexpected error (" + e.getClass().getSimpleName() + "); see the log.", fetched.get()), null,
                        skipped.values());
            }
        }
    }

    private static FormOutcome outcome(Job job, FormOutcome.Status status, long fetched, long fresh, String message,
                                       GraphErrorKind kind, java.util.Collection<SkippedLead> skipped) {
        return new FormOutcome(job.page().id(), job.form().id(), job.form().name(), status, fetched, fresh, message,
                kind, false, List.copyOf(skipped));
    }

    static String keptNote(String message, long fetched) {
        return fetched > 0 ? message + " The " + fetched + " leads fetched before that are kept." : message;
    }

    private static String incompleteNote(String reason, long fetched, List<SkippedLead> skips) {
        return "LeadDesk stopped reading this form before the end because " + reason + "; the " + fetched
                + (fetched == 1 ? " lead" : " leads") + " fetched are kept" + (skips.isEmpty() ? "" : " (" + skipCount(skips)
                + " skipped)") + ", and the next sync reads the form again from where its last complete sync ended.";
    }

    /** One sentence for a complete pull with skipped leads, null when none were skipped. */
    private static String skippedNote(List<SkippedLead> skips) {
        if (skips.isEmpty()) {
            return null;
        }
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < Math.min(LISTED_SKIPS, skips.size()); i++) {
            where.append(i == 0 ? "" : "; ").append(skips.get(i).describe());
        }
        if (skips.size() > LISTED_SKIPS) {
            where.append("; and ").append(skips.size() - LISTED_SKIPS).append(" more");
        }
        return skipCount(skips) + " that Meta sent incomplete could not be stored and " + (skips.size() == 1 ? "was" : "were")
                + " skipped (" + where + "); every other lead was stored, and syncing again will not change "
                + (skips.size() == 1 ? "it" : "them") + ".";
    }

    private static String skipCount(List<SkippedLead> skips) {
        return skips.size() + (skips.size() == 1 ? " lead" : " leads");
    }
}
