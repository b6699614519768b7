package io.leaddesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit of result pages: pages that several writer threads hand in at the same moment are written in one
 * transaction instead of one each, the way a database's log groups the commits that arrive while it is busy.
 *
 * <p>Nothing waits for company: the first caller becomes the leader and writes every page queued at that moment (its
 * own included, at most {@link #MAX_PAGES}); a page that arrives alone is committed alone, at once. Each call returns
 * only once its own page is committed, so what a caller is told is exactly as durable as before, and each page is
 * still written whole, with its slice's progress, in a transaction of its own or shared: a crash loses no page a caller
 * was told about and never commits part of a page. If a shared transaction fails, each of its pages is tried again
 * alone, so one bad page fails only its own caller.
 *
 * <p>Why: with several slices in flight the cache is the bottleneck of a sync, and most of a commit's cost is the
 * index pages it rewrites (the name, e-mail and id indexes have random keys, so a 500-lead page dirties ~500 pages of
 * each). Pages committed together rewrite each such index page once. See docs/decisions/0010-group-commit.md.
 */
final class GroupCommit<P> {

    /** Writes one page inside an open transaction; returns how many of its leads were new. */
    interface PageWriter<P> {
        int write(Connection c, P page) throws SQLException;
    }

    /** Pages per shared transaction at most: bounds the transaction (about 4,000 leads at 500 a page). */
    static final int MAX_PAGES = 8;

    private final Database db;
    private final PageWriter<P> writer;
    private final ConcurrentLinkedQueue<Entry<P>> queue = new ConcurrentLinkedQueue<>();
    /** Held by the thread writing a group; the others wait on it and then find their page done. */
    private final ReentrantLock leader = new ReentrantLock();
    /** Runs after a page is queued, before its caller waits (tests use it to know a page is waiting). */
    private final Runnable afterQueued;
    /** Transactions committed; guarded by {@link #leader}. */
    private long transactions;

    GroupCommit(Database db, PageWriter<P> writer) {
        this(db, writer, () -> { });
    }

    GroupCommit(Database db, PageWriter<P> writer, Runnable afterQueued) {
        this.db = db;
        this.writer = writer;
        this.afterQueued = afterQueued;
    }

    /** Commits {@code page} (alone or with the pages queued beside it); returns the writer's count for it. */
    int commit(P page) {
        Entry<P> mine = new Entry<>(page);
        queue.add(mine);
        afterQueued.run();
        leader.lock();
        try {
            while (!mine.done) {
                writeGroup(drain());
            }
        } catch (Error fatal) {
            queue.remove(mine); // not written: nobody writes it later either
            throw fatal;
        } finally {
            leader.unlock();
        }
        return mine.result();
    }

    /** The queued pages in arrival order, at most MAX_PAGES. Called by the leader. */
    private List<Entry<P>> drain() {
        List<Entry<P>> group = new ArrayList<>(MAX_PAGES);
        Entry<P> e;
        while (group.size() < MAX_PAGES && (e = queue.poll()) != null) {
            group.add(e);
        }
        return group;
    }

    private void writeGroup(List<Entry<P>> group) {
        if (group.isEmpty()) {
            return;
        }
        try {
            int[] counts = db.write(c -> {
                int[] out = new int[group.size()];
                for (int i = 0; i < group.size(); i++) {
                    out[i] = writer.write(c, group.get(i).page);
                }
                return out;
            });
            transactions++;
            for (int i = 0; i < group.size(); i++) {
                group.get(i).complete(counts[i], null);
            }
        } catch (RuntimeException failure) {
            if (group.size() == 1) {
                group.get(0).complete(0, failure);
                return;
            }
            for (Entry<P> e : group) { // rolled back: each page alone, so one bad page fails only its own caller
                try {
                    e.complete(db.write(c -> writer.write(c, e.page)), null);
                    transactions++;
                } catch (RuntimeException alone) {
                    e.complete(0, alone);
                }
            }
        } catch (Error fatal) {
            for (Entry<P> e : group) {
                e.complete(0, fatal);
            }
            throw fatal;
        }
    }

    /** How many transactions have committed pages so far. */
    long transactions() {
        leader.lock();
        try {
            return transactions;
        } finally {
            leader.unlock();
        }
    }

    /** One caller's page and, once written, its outcome; fields guarded by {@link #leader}. */
    private static final class Entry<P> {
        final P page;
        boolean done;
        int count;
        Throwable failure;

        Entry(P page) {
            this.page = page;
        }

        void complete(int count, Throwable failure) {
            this.count = count;
            this.failure = failure;
            this.done = true;
        }

        int result() {
            if (failure instanceof RuntimeException r) {
                throw r;
            }
            if (failure instanceof Error err) {
                throw err;
            }
            return count;
        }
    }
}
