package io.leaddesk.sample;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * New leads that arrive over time ({@link SampleOptions#trickle()} a minute), as people submit forms while the demo
 * runs: lead k (from 0) arrives {@code (k + 1) / trickle} minutes after the server started, in the ACTIVE forms in
 * turn, created at that moment. Nothing runs in the background: before every request the leads due by then are
 * added ({@link #catchUp()}), so the clock can be a test's, moved by hand, and a request sees exactly the leads that
 * arrived by its time. Thread-safe.
 */
final class SampleTrickle {
    /** At most this many leads are added by one request (a clock moved by years would ask for billions). */
    static final int MAX_PER_REQUEST = 1_000_000;

    private final SampleDataset dataset;
    private final double perMinute;
    private final Clock clock;
    private final long startMillis;
    private final List<SampleForm> targets;
    private long added;

    SampleTrickle(SampleDataset dataset, double perMinute, Clock clock) {
        this.dataset = dataset;
        this.perMinute = perMinute;
        this.clock = clock;
        this.startMillis = clock.millis();
        this.targets = dataset.allForms().stream().filter(f -> "ACTIVE".equals(f.status())).toList();
    }

    /** Adds the leads due by now; returns how many. */
    synchronized int catchUp() {
        if (perMinute <= 0 || targets.isEmpty()) {
            return 0;
        }
        long elapsed = clock.millis() - startMillis;
        if (elapsed <= 0) {
            return 0;
        }
        long due = (long) Math.floor(elapsed * perMinute / 60_000.0);
        int n = 0;
        while (added < due && n < MAX_PER_REQUEST) {
            long at = startMillis + (long) Math.floor((added + 1) * 60_000.0 / perMinute);
            dataset.arriveAt(targets.get((int) (added % targets.size())), Math.floorDiv(at, 1000L));
            added++;
            n++;
        }
        return n;
    }

    /** Leads added so far. */
    synchronized long added() {
        return added;
    }

    /** When the trickle started (the server's start on its clock). */
    Instant started() {
        return Instant.ofEpochMilli(startMillis);
    }
}
