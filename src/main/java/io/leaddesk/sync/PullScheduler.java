package io.leaddesk.sync;

import io.leaddesk.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;

/**
 * Runs the slices of every form of a sync on {@code concurrency} threads: one slice per thread, one request in flight
 * per slice, so the sync never has more requests in flight than its concurrency, whatever the number of forms and
 * slices. The slices expected to take longest start first. A thread with nothing left to start cuts the running slice
 * with the most left to read in two ({@link SliceRun#split}) and reads the older half, so no thread sits idle while
 * one big form is read page after page. Each form's outcome passes {@code finish} (the sync names the access doctor's
 * finding there) before it is reported.
 */
final class PullScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    private final SyncContext context;
    private final int concurrency;
    private final BiFunction<FormRun.Job, FormOutcome, FormOutcome> finish;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<SliceRun> queue;
    private final List<SliceRun> running = new ArrayList<>();
    private final Map<FormRun, FormOutcome> outcomes = new LinkedHashMap<>();
    private int formsLeft;
    private int idle;

    PullScheduler(SyncContext context, int concurrency) {
        this(context, concurrency, (job, o) -> o);
    }

    /** @param finish what a form's outcome becomes before it is reported and returned (runs on a sync thread) */
    PullScheduler(SyncContext context, int concurrency, BiFunction<FormRun.Job, FormOutcome, FormOutcome> finish) {
        this.context = context;
        this.concurrency = Math.max(1, concurrency);
        this.finish = finish;
        this.queue = new PriorityQueue<>(Comparator.comparingLong(SliceRun::estimate).reversed()
                .thenComparingLong(SliceRun::sequence));
    }

    /** Pulls every job's form; returns their outcomes in the order of the jobs. Blocks until all have ended. */
    List<FormOutcome> run(List<FormRun.Job> jobs, boolean full) {
        FormOutcome[] result = new FormOutcome[jobs.size()];
        Map<FormRun, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            FormRun.Job job = jobs.get(i);
            try {
                index.put(new FormRun(job, context, full), i);
            } catch (StoreException e) {
                context.cancel().cancel();
                result[i] = report(new FormOutcome(job.page().id(), job.form().id(), job.form().name(),
                        FormOutcome.Status.FAILED, 0, 0, e.getMessage(), null, true));
            }
        }
        long allPages = index.keySet().stream().mapToLong(FormRun::expectedPages).sum();
        for (Map.Entry<FormRun, Integer> e : index.entrySet()) {
            try {
                queue.addAll(e.getKey().plan(allPages, concurrency));
                formsLeft++;
            } catch (StoreException x) {
                result[e.getValue()] = report(e.getKey().failedToStart(x));
            }
        }
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency && formsLeft > 0; i++) {
            Thread t = new Thread(this::work, "leaddesk-sync-" + (i + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException x) {
                Thread.currentThread().interrupt();
                context.cancel().cancel();
            }
        }
        lock.lock();
        try {
            for (Map.Entry<FormRun, Integer> e : index.entrySet()) {
                if (result[e.getValue()] == null) {
                    FormRun f = e.getKey();
                    FormOutcome o = outcomes.get(f);
                    result[e.getValue()] = o != null ? o : new FormOutcome(f.job.page().id(), f.formId(),
                            f.job.form().name(), FormOutcome.Status.CANCELLED, 0, 0, "Interrupted.", null);
                }
            }
        } finally {
            lock.unlock();
        }
        return List.of(result);
    }

    private FormOutcome finished(FormRun.Job job, FormOutcome o) {
        try {
            return finish.apply(job, o);
        } catch (RuntimeException e) {
            LOG.warn("Could not complete the outcome of form {} ({})", job.form().id(), e.getClass().getSimpleName());
            return o;
        }
    }

    private FormOutcome report(FormOutcome o) {
        context.events().onEvent(new SyncEvent.FormFinished(o));
        return o;
    }

    private void work() {
        while (true) {
            SliceRun slice = next();
            if (slice == null) {
                return;
            }
            FormRun.Next after;
            try {
                after = slice.run(this::progressed);
            } catch (RuntimeException | Error e) {
                LOG.error("Unexpected failure in a slice of form {}", slice.form.formId(), e);
                after = slice.form.sliceEnded(FormRun.End.UNEXPECTED, null,
                        e instanceof RuntimeException r ? r : new IllegalStateException(e));
            }
            FormOutcome outcome = after.outcome() == null ? null : finished(slice.form.job, after.outcome());
            if (outcome != null) {
                context.events().onEvent(new SyncEvent.FormFinished(outcome));
            }
            lock.lock();
            try {
                running.remove(slice);
                queue.addAll(after.slices());
                if (outcome != null) {
                    outcomes.put(slice.form, outcome);
                    formsLeft--;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The next slice to read: the largest not started yet, else the older half of the running slice with most left. */
    private SliceRun next() {
        lock.lock();
        try {
            while (true) {
                if (formsLeft <= 0) {
                    return null;
                }
                SliceRun s = queue.poll();
                if (s == null && !context.cancel().isCancelled()) {
                    s = cutLargest();
                }
                if (s != null) {
                    running.add(s);
                    return s;
                }
                idle++;
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    context.cancel().cancel();
                } finally {
                    idle--;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private SliceRun cutLargest() {
        SliceRun best = null;
        long most = SlicePlan.SPLIT_MIN_PAGES - 1;
        for (SliceRun r : running) {
            long left = r.remainingPages();
            if (left > most) {
                most = left;
                best = r;
            }
        }
        return best == null ? null : best.split();
    }

    /** A slice handed over a page: what it has left is better known, so a waiting thread may now cut it. */
    private void progressed() {
        lock.lock();
        try {
            if (idle > 0) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}
