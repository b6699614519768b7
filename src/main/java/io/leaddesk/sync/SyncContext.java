package io.leaddesk.sync;

import io.leaddesk.graph.GraphClient;
import io.leaddesk.store.LeadStore;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every form and slice of one sync shares: the client, the cache, the clock, the listener, the cancel signal,
 * the threads that commit pages, and the sync's totals.
 */
final class SyncContext {
    private final GraphClient graph;
    private final LeadStore store;
    private final Clock clock;
    private final SyncListener events;
    private final CancelSignal cancel;
    private final ExecutorService writers;
    private final long now;
    private final AtomicLong fetched = new AtomicLong();
    private final AtomicLong added = new AtomicLong();

    SyncContext(GraphClient graph, LeadStore store, Clock clock, SyncListener events, CancelSignal cancel,
                ExecutorService writers) {
        this.graph = graph;
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.cancel = cancel;
        this.writers = writers;
        this.now = clock.instant().getEpochSecond();
    }

    GraphClient graph() {
        return graph;
    }

    LeadStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    SyncListener events() {
        return events;
    }

    CancelSignal cancel() {
        return cancel;
    }

    /** Where result pages are committed, one at a time per slice, while the slice fetches its next page. */
    ExecutorService writers() {
        return writers;
    }

    /** Unix seconds when the sync began (for cutting time ranges). */
    long now() {
        return now;
    }

    void counted(long fetchedLeads, long newLeads) {
        fetched.addAndGet(fetchedLeads);
        added.addAndGet(newLeads);
    }

    long fetched() {
        return fetched.get();
    }

    long added() {
        return added.get();
    }
}
