package io.leaddesk.sync;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.model.LeadForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Syncs 100,000 leads from the sample server and compares with merely downloading and parsing the same pages.
 * Run: {@code mvn -B verify -Pbenchmark -Dtest=SyncBenchmark}. Prints figures; asserts nothing about time.
 */
@Tag("benchmark")
class SyncBenchmark {
    /** Each run writes about a gigabyte of caches: JUnit removes them afterwards. */
    @TempDir
    Path tmp;

    static final int LEADS = Integer.getInteger("bench.leads", 100_000);

    @Test
    void syncVersusDownloadAndParse() throws Exception {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(LEADS));
             GraphClient graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl()).withPageSize(500))) {
            SyncService warm = null;
            Path dir = Files.createTempDirectory(tmp, "leaddesk-bench");
            // Warm-up: one download pass and one sync into a throwaway database (JIT).
            downloadAndParse(graph);
            try (LeadStore store = LeadStore.open(dir.resolve("warm.db"))) {
                warm = new SyncService(graph, store);
                warm.sync(warm.signIn(new AccessToken(SampleTokens.USER)), SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
            }
            double[] download = new double[3];
            double[] sync = new double[3];
            double[] downloadCpu = new double[3];
            double[] syncCpu = new double[3];
            double[] floor = new double[3];
            double[] floorCpu = new double[3];
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                long n = downloadAndParse(graph);
                download[round] = n / ((System.nanoTime() - t0) / 1e9);
                downloadCpu[round] = (cpuNanos() - c0) / 1e3 / n;

                long tf = System.nanoTime();
                long cf = cpuNanos();
                long stored = downloadAndStoreRawOnly(graph, dir.resolve("floor-" + round + ".db"));
                floor[round] = stored / ((System.nanoTime() - tf) / 1e9);
                floorCpu[round] = (cpuNanos() - cf) / 1e3 / stored;

                try (LeadStore store = LeadStore.open(dir.resolve("bench-" + round + ".db"))) {
                    SyncService service = new SyncService(graph, store);
                    Session session = service.signIn(new AccessToken(SampleTokens.USER));
                    long t1 = System.nanoTime();
                    long c1 = cpuNanos();
                    SyncReport r = service.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
                    double secs = (System.nanoTime() - t1) / 1e9;
                    syncCpu[round] = (cpuNanos() - c1) / 1e3 / LEADS;
                    if (r.fetched() != LEADS || store.countLeads(LeadQuery.all()) != LEADS) {
                        throw new AssertionError("sync incomplete: " + r.summary());
                    }
                    sync[round] = LEADS / secs;
                }
            }
            double d = median(download);
            double s = median(sync);
            System.out.printf(Locale.ROOT, "BENCHMARK sync: %d leads, %d cores, load %.2f, download+parse %.0f leads/s, sync %.0f leads/s (%s), ratio %.2fx%n",
                    LEADS, Runtime.getRuntime().availableProcessors(), loadAverage(), d, s,
                    java.util.Arrays.toString(java.util.Arrays.stream(sync).mapToLong(Math::round).toArray()), d / s);
            System.out.printf(Locale.ROOT, "BENCHMARK sync CPU per lead (whole process, server included): download+parse %.1f µs, sync %.1f µs%n",
                    median(downloadCpu), median(syncCpu));
            System.out.printf(Locale.ROOT, "BENCHMARK floor (download+parse, then only id + raw JSON into a bare SQLite table, a transaction per page):"
                    + " %.0f leads/s, ratio %.2fx, CPU %.1f µs per lead%n", median(floor), d / median(floor), median(floorCpu));
        }
    }

    /**
     * Latency mode (issue 15): 100,000 leads in the sample's 12 forms, one of them holding half, 200 ms added to every
     * request (the sample server's {@code --latency-ms}), the default concurrency and 500 leads per page. Prints the
     * sync's wall time next to two references measured in the same run: a plain client that pages each form one after
     * the other (what a script or an SDK does), and the floor, total requests x latency / concurrency. Also the way the
     * sync read before issue 15, without the writes: four forms at a time, each page after page; and the same sync of the
     * same leads from a server without latency, what writing the cache alone allows on this machine at this moment.
     */
    @Test
    void latencyMode() throws Exception {
        int latency = Integer.getInteger("bench.latencyMs", 200);
        int concurrency = Integer.getInteger("bench.concurrency", GraphSettings.DEFAULT_CONCURRENCY);
        SampleOptions options = SampleOptions.defaults().withLeads(LEADS).withLatencyMs(latency)
                .withFormWeights(11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        try (SampleGraphServer server = SampleGraphServer.start(options);
             GraphClient graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl()).withPageSize(500)
                     .withConcurrency(concurrency))) {
            Path dir = Files.createTempDirectory(tmp, "leaddesk-bench-latency");
            AccessToken user = new AccessToken(SampleTokens.USER);

            // -Dbench.syncOnly=true: only the two sync rounds (a quick A/B of a change); the references are skipped
            boolean syncOnly = Boolean.getBoolean("bench.syncOnly");
            // the plain client: sign in, then every form of every page, one after the other, page after page
            int r0 = server.requestCount();
            long t0 = System.nanoTime();
            long plainLeads = 0;
            for (PageInfo p : syncOnly ? List.<PageInfo>of() : graph.pages(user, graph.whoami(user))) {
                for (LeadForm f : graph.forms(p)) {
                    plainLeads += graph.leads(p, f.id(), null, leads -> { }, () -> false,
                            io.leaddesk.graph.RetryListener.NONE).delivered();
                }
            }
            double plain = (System.nanoTime() - t0) / 1e9;
            int plainRequests = server.requestCount() - r0;

            // before issue 15: forms four at a time (its default), each read page after page; nothing written
            long tb = System.nanoTime();
            long beforeLeads = syncOnly ? LEADS : pullEveryForm(graph, 4, leads -> { });
            double before = (System.nanoTime() - tb) / 1e9;

            // -Dbench.rounds=N (default 3): the first round runs in a JVM whose JIT is still compiling the sync's code
            int rounds = Math.max(2, Integer.getInteger("bench.rounds", 3));
            double[] sync = new double[rounds];
            double[] signIn = new double[rounds];
            int[] syncRequests = new int[rounds];
            int[] most = new int[rounds];
            for (int round = 0; round < rounds; round++) {
                try (LeadStore store = LeadStore.open(dir.resolve("bench-" + round + ".db"))) {
                    SyncService service = new SyncService(graph, store);
                    int r1 = server.requestCount();
                    long t1 = System.nanoTime();
                    Session session = service.signIn(user);
                    long t2 = System.nanoTime();
                    server.resetMostRequestsInFlight();
                    SyncReport r = service.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
                    long t3 = System.nanoTime();
                    signIn[round] = (t2 - t1) / 1e9;
                    sync[round] = (t3 - t2) / 1e9;
                    syncRequests[round] = server.requestCount() - r1;
                    most[round] = server.mostRequestsInFlight();
                    if (!r.ok() || store.countLeads(LeadQuery.all()) != LEADS || !syncOnly && plainLeads != LEADS
                            || beforeLeads != LEADS) {
                        throw new AssertionError("sync incomplete: " + r.summary());
                    }
                }
            }
            double loopback = Double.NaN;
            if (!syncOnly) try (SampleGraphServer quick = SampleGraphServer.start(options.withLatencyMs(0));
                 GraphClient quickGraph = new GraphClient(GraphSettings.defaults().withBaseUrl(quick.baseUrl())
                         .withPageSize(500).withConcurrency(concurrency));
                 LeadStore store = LeadStore.open(dir.resolve("loopback.db"))) {
                SyncService service = new SyncService(quickGraph, store);
                Session session = service.signIn(user);
                long t4 = System.nanoTime();
                SyncReport r = service.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
                loopback = (System.nanoTime() - t4) / 1e9;
                if (!r.ok() || store.countLeads(LeadQuery.all()) != LEADS) {
                    throw new AssertionError("sync incomplete: " + r.summary());
                }
            }
            int bestRound = 0;
            for (int i = 1; i < rounds; i++) {
                bestRound = sync[i] < sync[bestRound] ? i : bestRound;
            }
            double best = sync[bestRound];
            double[] warm = java.util.Arrays.copyOfRange(sync, 1, rounds);
            double floorPlain = plainRequests * latency / 1000.0 / concurrency;
            double floorSync = syncRequests[bestRound] * latency / 1000.0 / concurrency;
            System.out.printf(Locale.ROOT, "BENCHMARK latency: %d leads, 12 forms (one with half), %d ms per request,"
                            + " concurrency %d, pages from 500 up to %d, %d cores, load %.2f%n", LEADS, latency, concurrency,
                    io.leaddesk.graph.PageSize.growthCeiling(500), Runtime.getRuntime().availableProcessors(), loadAverage());
            StringBuilder each = new StringBuilder();
            for (double v : sync) {
                each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", v));
            }
            System.out.printf(Locale.ROOT, "BENCHMARK latency: sync %.2f s best, %.2f s median of the warm rounds (rounds: %s;"
                            + " the first in a cold JVM) + sign-in %.2f s, %d requests, at most %d in flight%n", best,
                    median(warm), each, signIn[bestRound], syncRequests[bestRound], most[bestRound]);
            System.out.printf(Locale.ROOT, "BENCHMARK latency: one form after the other %.2f s (%d requests, sign-in included):"
                    + " sync %.1fx faster%n", plain, plainRequests, plain / best);
            System.out.printf(Locale.ROOT, "BENCHMARK latency: forms four at a time, each page after page (the sync before"
                    + " issue 15, without writing) %.2f s: sync %.1fx faster%n", before, before / best);
            System.out.printf(Locale.ROOT, "BENCHMARK latency: floor %d requests x %d ms / %d = %.2f s (the sync's own %d"
                            + " requests: %.2f s)%n", plainRequests, latency, concurrency, floorPlain,
                    syncRequests[bestRound], floorSync);
            System.out.printf(Locale.ROOT, "BENCHMARK latency: the same sync without latency %.2f s (what writing the cache"
                    + " allows here now)%n", loopback);
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long downloadAndParse(GraphClient graph) {
        return pullEveryForm(graph, leads -> { });
    }

    private static long pullEveryForm(GraphClient graph, java.util.function.Consumer<List<io.leaddesk.model.Lead>> perPage) {
        return pullEveryForm(graph, SyncService.DEFAULT_CONCURRENCY, perPage);
    }

    /**
     * Pulls every form's leads with the same client, {@code threads} forms at a time, each page after page, hands each
     * parsed result page to {@code perPage}, and returns how many leads came.
     */
    private static long pullEveryForm(GraphClient graph, int threads,
                                      java.util.function.Consumer<List<io.leaddesk.model.Lead>> perPage) {
        AtomicLong count = new AtomicLong();
        List<PageInfo> pages = graph.pages(new AccessToken(SampleTokens.USER), graph.whoami(new AccessToken(SampleTokens.USER)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> fs = new java.util.ArrayList<>();
            for (PageInfo p : pages) {
                for (LeadForm f : graph.forms(p)) {
                    fs.add(pool.submit(() -> graph.leads(p, f.id(), null, leads -> {
                        perPage.accept(leads);
                        count.addAndGet(leads.size());
                    }, () -> false, io.leaddesk.graph.RetryListener.NONE)));
                }
            }
            for (var f : fs) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return count.get();
    }

    /**
     * The least any lossless cache has to do: the same download and parse, then each result page's lead ids and raw
     * JSON inserted into a bare SQLite table (no other columns, no indexes but the key, no search index) in one
     * transaction per page through the same driver, one writer at a time. If this alone exceeds 1.3x, no cache
     * that keeps the leads as received can meet it on this machine.
     */
    private static long downloadAndStoreRawOnly(GraphClient graph, Path file) throws Exception {
        org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
        cfg.setJournalMode(org.sqlite.SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(org.sqlite.SQLiteConfig.SynchronousMode.NORMAL);
        try (java.sql.Connection c = cfg.createConnection("jdbc:sqlite:" + file)) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_autocheckpoint = 10000"); // as LeadStore
                st.execute("CREATE TABLE raw(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, json TEXT NOT NULL)");
            }
            c.setAutoCommit(false);
            return pullEveryForm(graph, leads -> {
                synchronized (c) {
                    try (java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO raw(id, json) VALUES (?,?)")) {
                        for (io.leaddesk.model.Lead l : leads) {
                            ps.setString(1, l.id());
                            ps.setString(2, l.rawJson());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                        c.commit();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
    }

    /** CPU time of the whole JVM (the sample server runs in it too). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        java.util.Arrays.sort(c);
        return c[c.length / 2];
    }
}
