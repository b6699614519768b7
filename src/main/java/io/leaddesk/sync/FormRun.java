package io.leaddesk.sync;

import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.graph.PageSize;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoreException;
import io.leaddesk.store.SyncState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pull of one form's leads in this sync: its plan (the time ranges to read, resumed from the cache when an earlier
 * pull was cut short), what its slices fetched and stored, and how it ended ({@link FormOutcome}). Thread-safe: its
 * slices run on the scheduler's threads and commit their pages on the writer threads.
 *
 * <p>Every lead is checked before its page goes to the store ({@link LeadCheck}); one that cannot be stored is
 * skipped and reported with its position, and the rest of the page is stored. Such a lead never becomes good (Meta
 * sends it the same way every time), so it does not hold the form back: the pull still counts as complete.
 *
 * <p>The watermark moves only when every slice read its range to the end (docs/decisions/0001), to the newest
 * created_time stored for the form; a slice that a loop guard stopped makes the form {@link FormOutcome.Status#INCOMPLETE}
 * and its range is read again by the next sync. A slice that fails or is cancelled keeps its progress, so the next
 * sync resumes it. If Meta refuses two filters in one request, the form's slices stop, the form is read again in one
 * sequential pull, and that is remembered.
 */
final class FormRun {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    /** One form to pull; {@code watermark} as cached when the sync started (null before the first complete pull). */
    record Job(PageInfo page, LeadForm form, long expected, Long watermark) {
    }

    /** How a slice ended. */
    enum End { DONE, INCOMPLETE, CANCELLED, ABORTED, FALLBACK, FAILED, STORAGE, UNEXPECTED }

    /** What the scheduler does after a slice ended: nothing yet, run these new slices, or report the outcome. */
    record Next(List<SliceRun> slices, FormOutcome outcome) {
        static final Next WAIT = new Next(List.of(), null);
    }

    final Job job;
    final SyncContext context;
    final PageSize size;
    private final PageSizeMemory sizes;
    /** The pull's lower end (inclusive), null for a full pull. */
    final Long from;
    final boolean incremental;
    /** What an earlier, unfinished pull of the form left to read (null: nothing). */
    private final SyncState.Pull rememberedPull;
    private final AtomicLong newestGood = new AtomicLong(Long.MIN_VALUE);
    private final AtomicInteger pages = new AtomicInteger();
    private volatile boolean aborted;
    private volatile boolean sequential;

    // guarded by this
    private long fetched;
    private long fresh;
    private final Map<String, SkippedLead> skipped = new LinkedHashMap<>();
    private int pending;
    private boolean started;
    private boolean fallback;
    private boolean cancelled;
    private String incompleteReason;
    private GraphException failure;
    private StoreException storeFailure;
    private RuntimeException unexpected;

    /** Reads what the cache remembers of the form (its page size, its way of reading). */
    FormRun(Job job, SyncContext context, boolean full) {
        this.job = job;
        this.context = context;
        SyncState.Form remembered = context.store().syncState().load(job.form().id());
        this.sequential = remembered.sequential();
        this.sizes = new PageSizeMemory(context.graph().settings().pageSize(), remembered);
        this.size = sizes.newSize();
        this.incremental = !full && job.watermark() != null;
        this.from = incremental ? job.watermark() - SyncService.OVERLAP.toSeconds() + 1 : null;
        this.rememberedPull = remembered.pull();
    }

    String formId() {
        return job.form().id();
    }

    /** Result pages the pull is expected to take at its page size. */
    long expectedPages() {
        return SlicePlan.pages(job.expected(), size.get());
    }

    boolean sequential() {
        return sequential;
    }

    /** True when the form's slices should stop: the sync was cancelled, or the form failed or falls back. */
    boolean stopped() {
        return aborted || context.cancel().isCancelled();
    }

    /**
     * The slices to read: the ranges an earlier, unfinished pull of the same or a wider span left (each where it had
     * got to), or a new cut of the pull ({@link SlicePlan}). Written to the cache before anything is read.
     */
    List<SliceRun> plan(long allPages, int concurrency) {
        List<SyncState.Range> ranges = resumable();
        boolean resumed = !ranges.isEmpty();
        if (!resumed) {
            int k = sequential ? 1 : SlicePlan.slices(expectedPages(), allPages, concurrency);
            ranges = SlicePlan.cut(from, context.now(), k);
        }
        List<SyncState.Range> saved = context.store().syncState().startPull(formId(), from, ranges);
        if (resumed) {
            LOG.info("Form {}: resuming an unfinished pull, {} range(s) left", formId(), saved.size());
        } else if (saved.size() > 1) {
            LOG.info("Form {}: about {} result pages, read as {} time slices", formId(), expectedPages(), saved.size());
        }
        long each = Math.max(1, expectedPages() / saved.size());
        List<SliceRun> out = new ArrayList<>(saved.size());
        synchronized (this) {
            for (SyncState.Range r : saved) {
                pending++;
                out.add(new SliceRun(this, r, each));
            }
        }
        return out;
    }

    /** The remembered ranges that this pull can resume, cut to its lower end; empty when there are none. */
    private List<SyncState.Range> resumable() {
        SyncState.Pull p = rememberedPull;
        if (p == null || p.ranges().isEmpty()) {
            return List.of();
        }
        boolean covers = p.from() == null || (from != null && from >= p.from());
        if (!covers) {
            return List.of();
        }
        List<SyncState.Range> out = new ArrayList<>();
        for (SyncState.Range r : p.ranges()) {
            Long lo = r.lo();
            if (from != null) {
                if (r.hi() != null && r.hi() <= from) {
                    continue;
                }
                if (lo == null || lo < from) {
                    lo = from;
                }
            }
            if (sequential && lo != null && r.hi() != null) {
                return List.of(); // this form takes one filter per request: read it in one piece again
            }
            out.add(new SyncState.Range(0, lo, r.hi()));
        }
        return out;
    }

    /** A running slice was cut in two: {@code range} is the new lower part. */
    SliceRun added(SyncState.Range range, long estimatedPages) {
        synchronized (this) {
            pending++;
        }
        return new SliceRun(this, range, estimatedPages);
    }

    /** A slice starts reading: the first one tells the listener the form started. */
    void sliceStarted() {
        synchronized (this) {
            if (started) {
                return;
            }
            started = true;
        }
        context.events().onEvent(new SyncEvent.FormStarted(job.page().id(), job.page().name(), formId(),
                job.form().name(), job.expected(), incremental));
    }

    /** The form-wide number of the next result page handed over, from 1 in the order pages arrive. */
    int nextPageNumber() {
        return pages.incrementAndGet();
    }

    /**
     * Stores one result page of a slice (on a writer thread): leads that cannot be stored are skipped and reported,
     * the rest go in one transaction together with the slice's progress.
     */
    void store(int pageNo, List<Lead> leads, int[] positions, SyncState.Progress progress) {
        List<Lead> good = new ArrayList<>(leads.size());
        long max = Long.MIN_VALUE;
        for (int i = 0; i < leads.size(); i++) {
            Lead l = leads.get(i);
            String why = LeadCheck.problem(l);
            if (why == null) {
                good.add(l);
                max = Math.max(max, l.createdEpochSecond());
            } else {
                skip(pageNo, positions[i], l, why);
            }
        }
        int added = good.isEmpty() && progress == null ? 0 : context.store().upsertLeads(job.page().id(), job.form(),
                good, context.clock().instant(), progress);
        newestGood.accumulateAndGet(max, Math::max);
        context.counted(leads.size(), added);
        synchronized (this) {
            fetched += leads.size();
            fresh += added;
            // under the lock, so that the counts a listener sees never go back
            context.events().onEvent(new SyncEvent.FormProgress(job.page().id(), formId(), fetched, job.expected(), fresh));
        }
    }

    private synchronized void skip(int pageNo, int at, Lead l, String why) {
        String key = l.rawJson() != null ? l.rawJson() : pageNo + ":" + at;
        if (skipped.putIfAbsent(key, new SkippedLead(pageNo, at, l.id(), why)) == null) {
            LOG.info("Form {}: lead {} of result page {} skipped: {}", formId(), at + 1, pageNo, why);
        }
    }

    /** A slice ended; when it was the last, the form's outcome (or, after a fallback, its one sequential slice). */
    synchronized Next sliceEnded(End end, String reason, Throwable cause) {
        pending--;
        switch (end) {
            case DONE, ABORTED -> { }
            case INCOMPLETE -> incompleteReason = incompleteReason == null ? reason : incompleteReason;
            case CANCELLED -> cancelled = true;
            case FALLBACK -> {
                fallback = true;
                aborted = true;
            }
            case FAILED -> {
                failure = failure == null ? (GraphException) cause : failure;
                aborted = true;
                if (failure.kind() == GraphErrorKind.TOKEN) {
                    context.cancel().cancel(); // every other form would fail the same way
                }
            }
            case STORAGE -> {
                storeFailure = storeFailure == null ? (StoreException) cause : storeFailure;
                aborted = true;
                context.cancel().cancel(); // a cache that cannot be written fails every form
            }
            case UNEXPECTED -> {
                unexpected = unexpected == null ? (RuntimeException) cause : unexpected;
                aborted = true;
            }
        }
        if (pending > 0) {
            return Next.WAIT;
        }
        if (fallback && failure == null && storeFailure == null && unexpected == null && !cancelled
                && !context.cancel().isCancelled()) {
            return fallBack();
        }
        return new Next(List.of(), outcome());
    }

    /** Meta refused two filters in one request: read the form again in one piece, and remember that. */
    private Next fallBack() {
        fallback = false;
        sequential = true;
        LOG.info("Form {}: Meta takes one filter per request; reading it in one piece from now on", formId());
        try {
            context.store().syncState().remember(formId(), sizes.remember(size), 0, true);
            List<SyncState.Range> one = context.store().syncState().startPull(formId(), from,
                    List.of(new SyncState.Range(0, from, null)));
            aborted = false;
            pending++;
            return new Next(List.of(new SliceRun(this, one.get(0), expectedPages())), null);
        } catch (StoreException e) {
            storeFailure = e;
            context.cancel().cancel();
            return new Next(List.of(), outcome());
        }
    }

    /** How the form ended, once every slice has; a complete pull moves the watermark here. */
    private FormOutcome outcome() {
        List<SkippedLead> skips = List.copyOf(skipped.values());
        if (storeFailure != null) {
            return new FormOutcome(job.page().id(), formId(), job.form().name(), FormOutcome.Status.FAILED, fetched, fresh,
                    storeFailure.getMessage(), null, true, skips);
        }
        if (failure == null && unexpected == null && !cancelled && incompleteReason == null) {
            return complete(skips);
        }
        rememberPageSize();
        if (failure != null) {
            FormOutcome.Status status = failure.kind() == GraphErrorKind.NOT_FOUND ? FormOutcome.Status.SKIPPED
                    : FormOutcome.Status.FAILED;
            return outcome(status, FormNotes.kept(failure.getMessage(), fetched), failure.kind(), skips);
        }
        if (unexpected != null) {
            return outcome(FormOutcome.Status.FAILED, FormNotes.kept("Unexpected error ("
                    + unexpected.getClass().getSimpleName() + "); see the log.", fetched), null, skips);
        }
        if (cancelled) {
            return outcome(FormOutcome.Status.CANCELLED, started ? "Cancelled; the " + fetched
                    + " leads fetched so far are kept." : "Cancelled before it started.", null, skips);
        }
        LOG.warn("Form {}: pull stopped early ({}); watermark kept", formId(), incompleteReason);
        return outcome(FormOutcome.Status.INCOMPLETE, FormNotes.incomplete(incompleteReason, fetched, skips), null, skips);
    }

    private FormOutcome complete(List<SkippedLead> skips) {
        try {
            long newest = newestGood.get();
            Long stored = context.store().syncState().newestStored(formId());
            if (stored != null) {
                newest = Math.max(newest, stored);
            }
            if (job.watermark() != null) {
                newest = Math.max(newest, job.watermark());
            }
            Long mark = newest == Long.MIN_VALUE ? null : newest;
            context.store().syncState().completePull(formId(), mark, context.clock().instant(), sizes.remember(size),
                    sizes.cleanPulls(size), sequential);
        } catch (StoreException e) {
            context.cancel().cancel();
            return new FormOutcome(job.page().id(), formId(), job.form().name(), FormOutcome.Status.FAILED, fetched, fresh,
                    e.getMessage(), null, true, skips);
        }
        return outcome(FormOutcome.Status.OK, FormNotes.skipped(skips), null, skips);
    }

    /** A pull that did not complete still remembers a page size Meta refused. */
    private void rememberPageSize() {
        if (size.halvings() == 0 && !size.refusedLarger()) {
            return;
        }
        try {
            context.store().syncState().remember(formId(), sizes.remember(size), 0, sequential);
        } catch (StoreException e) {
            LOG.warn("Form {}: could not remember its page size: {}", formId(), e.getMessage());
        }
    }

    /** The outcome when the form could not even be planned (the cache could not be read or written). */
    FormOutcome failedToStart(StoreException e) {
        context.cancel().cancel();
        return new FormOutcome(job.page().id(), formId(), job.form().name(), FormOutcome.Status.FAILED, 0, 0,
                e.getMessage(), null, true, List.of());
    }

    private FormOutcome outcome(FormOutcome.Status status, String message, GraphErrorKind kind, List<SkippedLead> skips) {
        return new FormOutcome(job.page().id(), formId(), job.form().name(), status, fetched, fresh, message, kind, false,
                skips);
    }
}
