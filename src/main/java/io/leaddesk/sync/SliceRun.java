package io.leaddesk.sync;

import io.leaddesk.graph.FiltersRefusedException;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.graph.LeadPageHandler;
import io.leaddesk.graph.LeadPull;
import io.leaddesk.graph.LeadRange;
import io.leaddesk.model.Lead;
import io.leaddesk.store.StoreException;
import io.leaddesk.store.SyncState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * One time slice of a form's pull: the leads created in {@code [lo, hi)}, read newest first with the loop guards of
 * {@link io.leaddesk.graph.LeadPager}, each result page committed in its own transaction together with the slice's
 * progress (its range in the cache then ends at the oldest second read, so a killed sync resumes there).
 *
 * <p>Fetching while writing: a page is handed to a writer thread and the next page is asked for at once; before the
 * next page is handed over, the previous one must be committed, so at most one page per slice waits in memory.
 *
 * <p>A slice can be cut while it runs ({@link #split}): from then on it stops at the cut ({@code bound}), dropping
 * leads older than that (the new slice reads them) and ending as complete once it meets one. A lead created exactly
 * at the cut belongs to this slice, the newer one: the new slice asks for {@code LESS_THAN} the cut, and this one
 * stops only after a lead older than the cut, so every lead of the boundary second has been served to it.
 */
final class SliceRun implements LeadPageHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    private static final java.util.concurrent.atomic.AtomicLong SEQUENCE = new java.util.concurrent.atomic.AtomicLong();

    final FormRun form;
    private final long rangeId;
    /** The lower end asked of Graph, null = none. */
    private final Long lo;
    /** The upper end (exclusive) when the slice started, null = none; a stopped slice is read again up to it. */
    private final Long hiAtStart;
    private final long estimate;
    private final long sequence = SEQUENCE.incrementAndGet();
    private Runnable onPage = () -> { };

    // guarded by this
    private long bound;
    private long position = Long.MAX_VALUE;
    private long newest = Long.MIN_VALUE;
    private long seen;
    private boolean running;
    private boolean ended;
    private volatile boolean reached;

    /** Only the slice's own thread touches it. */
    private Future<?> pendingWrite;

    SliceRun(FormRun form, SyncState.Range range, long estimatedPages) {
        this.form = form;
        this.rangeId = range.id();
        this.lo = range.lo();
        this.hiAtStart = range.hi();
        this.bound = lo == null ? Long.MIN_VALUE : lo;
        this.estimate = estimatedPages;
    }

    /** Result pages this slice was expected to take before it ran (the scheduler starts the largest first). */
    long estimate() {
        return estimate;
    }

    /** Order of creation: among slices expected to take as long, the older one starts first. */
    long sequence() {
        return sequence;
    }

    /**
     * Reads the slice to its end (or until it is stopped), then records in the cache how it ended and tells its form.
     *
     * @param afterEachPage run after each page was handed over (the scheduler looks for slices worth cutting)
     */
    FormRun.Next run(Runnable afterEachPage) {
        this.onPage = afterEachPage;
        if (form.stopped()) {
            return ended(form.context.cancel().isCancelled() ? FormRun.End.CANCELLED : FormRun.End.ABORTED, null, null);
        }
        synchronized (this) {
            running = true;
        }
        form.sliceStarted();
        FormRun.End end;
        String reason = null;
        Throwable cause = null;
        try {
            LeadPull pull = pull();
            awaitWrite();
            if (pull.complete()) {
                end = FormRun.End.DONE;
            } else {
                end = FormRun.End.INCOMPLETE;
                reason = pull.stopReason();
            }
        } catch (CancellationException e) {
            end = form.context.cancel().isCancelled() ? FormRun.End.CANCELLED : FormRun.End.ABORTED;
        } catch (FiltersRefusedException e) {
            end = FormRun.End.FALLBACK;
        } catch (GraphException e) {
            end = FormRun.End.FAILED;
            cause = e;
        } catch (StoreException e) {
            end = FormRun.End.STORAGE;
            cause = e;
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure syncing form {}", form.formId(), e);
            end = FormRun.End.UNEXPECTED;
            cause = e;
        }
        StoreException lastWrite = drainWrite();
        if (lastWrite != null && end != FormRun.End.STORAGE) {
            end = FormRun.End.STORAGE;
            cause = lastWrite;
        }
        return ended(end, reason, cause);
    }

    /** The pull, started again once from where it had got to when Meta no longer accepts its paging cursor. */
    private LeadPull pull() {
        boolean restarted = false;
        while (true) {
            try {
                return form.context.graph().leads(form.job.page(), form.formId(), range(), form.size,
                        form.job.form().leadsCount(), this, form::stopped,
                        (why, wait, attempt, message) -> form.context.events().onEvent(
                                new SyncEvent.Waiting(form.formId(), message, wait)));
            } catch (GraphException e) {
                if (e.kind() != GraphErrorKind.INVALID_CURSOR || restarted || e instanceof FiltersRefusedException) {
                    throw e;
                }
                restarted = true;
                awaitWrite();
                LOG.warn("Paging cursor of form {} expired; restarting its slice from where it had got to", form.formId());
            }
        }
    }

    /** What to ask Graph for now: the slice's range, narrowed to what is left when it starts again. */
    private synchronized LeadRange range() {
        Long from = bound == Long.MIN_VALUE ? lo : Long.valueOf(bound);
        Long to = position == Long.MAX_VALUE || !progressKept() ? hiAtStart : Long.valueOf(position + 1);
        return new LeadRange(from, to);
    }

    /** A form read in one piece with a lower end cannot resume below an upper end: that would take two filters. */
    private boolean progressKept() {
        return lo == null || !form.sequential();
    }

    @Override
    public void onPage(List<Lead> leads) {
        int[] at = new int[leads.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = i;
        }
        onPage(0, leads, at);
    }

    @Override
    public void onPage(int page, List<Lead> leads, int[] positions) {
        List<Lead> keep = new ArrayList<>(leads.size());
        int[] keepAt = new int[leads.size()];
        SyncState.Progress progress;
        synchronized (this) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            boolean crossed = false;
            for (int i = 0; i < leads.size(); i++) {
                Lead l = leads.get(i);
                long t = l.createdEpochSecond();
                if (t > 0 && t < bound) {
                    crossed = true; // older than the cut: the slice below reads it
                    continue;
                }
                keepAt[keep.size()] = positions[i];
                keep.add(l);
                if (t > 0) {
                    min = Math.min(min, t);
                    max = Math.max(max, t);
                }
            }
            position = Math.min(position, min);
            newest = Math.max(newest, max);
            seen += keep.size();
            if (crossed) {
                reached = true;
            }
            // a page read down to second p: everything newer is stored once it commits; the range now ends at p + 1,
            // so the leads of second p that another page may still hold are read again, not lost
            progress = reached || position == Long.MAX_VALUE || !progressKept() ? null
                    : new SyncState.Progress(rangeId, position + 1);
        }
        int pageNo = form.nextPageNumber();
        int[] at = java.util.Arrays.copyOf(keepAt, keep.size());
        awaitWrite();
        if (!keep.isEmpty() || progress != null) {
            SyncState.Progress p = progress;
            pendingWrite = form.context.writers().submit(() -> {
                form.store(pageNo, keep, at, p);
                return null;
            });
        }
        onPage.run();
    }

    @Override
    public boolean reachedEnd() {
        return reached;
    }

    /** Waits for the previous page of this slice to be committed; its failure is thrown here. */
    private void awaitWrite() {
        Future<?> f = pendingWrite;
        pendingWrite = null;
        if (f == null) {
            return;
        }
        Throwable failed = waitFor(f);
        if (failed instanceof RuntimeException r) {
            throw r;
        }
        if (failed instanceof Error err) {
            throw err;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }

    /** Waits for a page still being committed after the slice stopped; a storage failure is returned. */
    private StoreException drainWrite() {
        Future<?> f = pendingWrite;
        pendingWrite = null;
        if (f == null) {
            return null;
        }
        Throwable failed = waitFor(f);
        if (failed instanceof StoreException s) {
            return s;
        }
        if (failed != null) {
            LOG.error("Unexpected failure storing a page of form {}", form.formId(), failed);
        }
        return null;
    }

    /** The failure of {@code f}, null when it succeeded; waits through interrupts (a commit takes milliseconds). */
    private static Throwable waitFor(Future<?> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return null;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Records how the slice ended in the cache (done: its range goes; stopped early: read again), tells the form. */
    private FormRun.Next ended(FormRun.End end, String reason, Throwable cause) {
        synchronized (this) {
            ended = true;
        }
        FormRun.End e = end;
        Throwable c = cause;
        try {
            if (end == FormRun.End.DONE) {
                form.context.store().syncState().rangeDone(rangeId);
            } else if (end == FormRun.End.INCOMPLETE) {
                form.context.store().syncState().resetRange(rangeId, hiAtStart);
            }
        } catch (StoreException x) {
            e = FormRun.End.STORAGE;
            c = x;
        }
        return form.sliceEnded(e, reason, c);
    }

    /** Result pages this running slice still has to read, by what it has read so far; 0 when unknown or none. */
    synchronized long remainingPages() {
        if (!running || ended || reached) {
            return 0;
        }
        long bottom = SlicePlan.bottom(bound == Long.MIN_VALUE ? null : bound, form.context.now(), position, newest);
        return SlicePlan.remainingPages(seen, newest, position, bottom, form.size.get());
    }

    /**
     * Cuts this running slice in two at the middle of what it has left, if that is worth it: it keeps the newer half
     * and the returned slice reads the older one. Null when it is not worth it (or the cut could not be recorded).
     */
    synchronized SliceRun split() {
        if (!running || ended || reached || form.sequential() || form.stopped()) {
            return null;
        }
        long pages = remainingPages();
        if (pages < SlicePlan.SPLIT_MIN_PAGES) {
            return null;
        }
        long bottom = SlicePlan.bottom(bound == Long.MIN_VALUE ? null : bound, form.context.now(), position, newest);
        long cut = bottom + (position - bottom) / 2;
        if (cut <= bottom || cut >= position) {
            return null;
        }
        SyncState.Range lower;
        try {
            lower = form.context.store().syncState().split(rangeId, cut);
        } catch (StoreException e) {
            LOG.warn("Form {}: could not record a cut of a slice; it goes on uncut: {}", form.formId(), e.getMessage());
            return null;
        }
        bound = cut;
        LOG.debug("Form {}: slice cut at {}, about {} result pages each", form.formId(), cut, pages / 2);
        return form.added(lower, Math.max(1, pages / 2));
    }
}
