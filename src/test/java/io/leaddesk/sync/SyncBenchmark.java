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
import io.leaddesk.graph.LeadForm;
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
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                long n = downloadAndParse(graph);
                download[round] = n / ((System.nanoTime() - t0) / 1e9);
                downloadCpu[round] = (cpuNanos() - c0) / 1e3 / n;

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
        }
    }

    private static long downloadAndParse(GraphClient graph) {
        AtomicLong count = new AtomicLong();
        List<PageInfo> pages = graph.pages(new AccessToken(SampleTokens.USER), graph.whoami(new AccessToken(SampleTokens.USER)));
        // Same concurrency as the sync (4 forms at a time) so the comparison is fair.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(SyncService.DEFAULT_CONCURRENCY);
        try {
            List<java.util.concurrent.Future<?>> fs = new java.util.ArrayList<>();
            for (PageInfo p : pages) {
                for (LeadForm f : graph.forms(p)) {
                    fs.add(pool.submit(() -> graph.leads(p, f.id(), null, leads -> count.addAndGet(leads.size()), () -> false,
                            io.leaddesk.graph.RetryListener.NONE)));
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
