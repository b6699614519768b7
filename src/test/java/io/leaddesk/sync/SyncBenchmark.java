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

/**
 * Syncs 100,000 leads from the sample server and compares with merely downloading and parsing the same pages.
 * Run: {@code mvn -B verify -Pbenchmark -Dtest=SyncBenchmark}. Prints figures; asserts nothing about time.
 */
@Tag("benchmark")
class SyncBenchmark {
    static final int LEADS = Integer.getInteger("bench.leads", 100_000);

    @Test
    void syncVersusDownloadAndParse() throws Exception {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(LEADS));
             GraphClient graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl()).withPageSize(500))) {
            SyncService warm = null;
            Path dir = Files.createTempDirectory("leaddesk-bench");
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
            System.out.printf(Locale.ROOT, "BENCHMARK sync: %d leads, %d cores, download+parse %.0f leads/s, sync %.0f leads/s, ratio %.2fx%n",
                    LEADS, Runtime.getRuntime().availableProcessors(), d, s, d / s);
            System.out.printf(Locale.ROOT, "BENCHMARK sync CPU per lead (whole process, server included): download+parse %.1f µs, sync %.1f µs%n",
                    median(downloadCpu), median(syncCpu));
            System.out.printf(Locale.ROOT, "BENCHMARK floor (download+parse, then only id + raw JSON into a bare SQLite table, a transaction per page):"
                    + " %.0f leads/s, ratio %.2fx, CPU %.1f µs per lead%n", median(floor), d / median(floor), median(floorCpu));
        }
    }

    private static long downloadAndParse(GraphClient graph) {
        return pullEveryForm(graph, leads -> { });
    }

    /**
     * Pulls every form's leads with the same client and concurrency as the sync (4 forms at a time), hands each
     * parsed result page to {@code perPage}, and returns how many leads came.
     */
    private static long pullEveryForm(GraphClient graph, java.util.function.Consumer<List<io.leaddesk.model.Lead>> perPage) {
        AtomicLong count = new AtomicLong();
        List<PageInfo> pages = graph.pages(new AccessToken(SampleTokens.USER), graph.whoami(new AccessToken(SampleTokens.USER)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(SyncService.DEFAULT_CONCURRENCY);
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
