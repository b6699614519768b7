package io.leaddesk.export;

import static io.leaddesk.export.Fixtures.a;
import static io.leaddesk.export.Fixtures.form;
import static io.leaddesk.export.Fixtures.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredLead;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports 1,000,000 leads (override with -Dheadless.argLine=-Dexport.benchmark.leads=N) and prints rows/s and heap:
 * once from generated leads (the engine alone), once from a real LeadStore filled in a temp folder (fill time budget
 * 4 minutes; the count reached is printed).
 * Run with {@code mvn -B -o test -Pbenchmark -Dtest='io.leaddesk.export.ExportBenchmark'}.
 */
@Tag("benchmark")
class ExportBenchmark {

    static final int LEADS = Integer.getInteger("export.benchmark.leads", 1_000_000);
    static final long FILL_BUDGET_NANOS = 240_000_000_000L;
    static final long T = 1_760_000_000L;

    @TempDir
    Path dir;

    static final LeadForm FORM = form("bench", "Benchmark form", List.of(q("full_name", "FULL_NAME"), q("phone_number", "PHONE"),
            q("эл._адрес", "EMAIL"), q("country", "COUNTRY"), q("куди_відправити_інформацію?", "CUSTOM"),
            q("рівень", "CUSTOM"), q("коментар", "CUSTOM")), "marketing");

    static Lead generated(int i) {
        List<FieldAnswer> answers = List.of(a("full_name", "Олена Петренко " + i), a("phone_number", "+38050" + (1_000_000 + i % 9_000_000)),
                a("эл._адрес", "person" + i + "@example.com"), a("country", "UA"), a("куди_відправити_інформацію?", "viber", "telegram"),
                a("рівень", i % 3 == 0 ? "B1" : "A2"), a("коментар", i % 10 == 0 ? "=1+1, \"quoted\"\nsecond line" : "ok"));
        return Fixtures.lead(Long.toString(100_000_000_000L + i), "bench", T - i, answers,
                List.of(Fixtures.consent("marketing", i % 2 == 0)));
    }

    /** Generates leads on the fly: measures the engine alone, without a database. */
    static final class GeneratedSource implements ExportSource {
        long recorded;

        @Override
        public List<LeadForm> forms(LeadQuery query) {
            return List.of(FORM);
        }

        @Override
        public long countLeads(LeadQuery query) {
            return LEADS;
        }

        @Override
        public void forEachLead(LeadQuery query, Consumer<StoredLead> consumer) {
            for (int i = 0; i < LEADS; i++) {
                consumer.accept(Fixtures.stored(generated(i)));
            }
        }

        @Override
        public long recordExport(String file, String profile, Instant at, Collection<String> leadIds) {
            for (String id : leadIds) {
                recorded += id.length() > 0 ? 1 : 0;
            }
            return 1;
        }
    }

    @Test
    void engineAloneExportsAMillionGeneratedLeads() throws IOException {
        GeneratedSource src = new GeneratedSource();
        long t0 = System.nanoTime();
        long[] n = {0};
        src.forEachLead(LeadQuery.all(), l -> n[0] += l.lead().fieldData().size());
        System.out.printf("generating %,d leads alone: %.2f s (included in the engine-only figures)%n",
                LEADS, (System.nanoTime() - t0) / 1e9);
        for (BuiltInProfile p : List.of(BuiltInProfile.META, BuiltInProfile.HUBSPOT)) {
            Path file = dir.resolve("gen-" + p.cliName() + ".csv");
            ExportResult r = measure("engine only, " + p.cliName(), l -> new Exporter().export(src,
                    ExportOptions.defaults().withProfile(p), file, l, null));
            assertThat(r.rowsWritten()).isEqualTo(LEADS);
            assertThat(countRecords(file)).isEqualTo(LEADS);
            Files.delete(file);
        }
        assertThat(src.recorded).isEqualTo(2L * LEADS);
    }

    /** The .xlsx writer on the same million leads: rows/s, and a live heap that stays flat (rows stream out in blocks). */
    @Test
    void engineAloneExportsAMillionGeneratedLeadsToXlsx() throws IOException {
        GeneratedSource src = new GeneratedSource();
        Path file = dir.resolve("gen-meta.xlsx");
        ExportResult r = measure("engine only, meta, xlsx", l -> new Exporter().export(src,
                ExportOptions.defaults().withFormat(ExportFormat.XLSX), file, l, null));
        assertThat(r.rowsWritten()).isEqualTo(LEADS);
        long rows;
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(file.toFile());
             java.util.stream.Stream<org.dhatim.fastexcel.reader.Row> s = wb.getFirstSheet().openStream()) {
            rows = s.count();
        }
        assertThat(rows).isEqualTo(LEADS + 1L);
    }

    @Test
    void realStoreExportOfAMillionLeads() throws IOException {
        int filled = 0;
        try (LeadStore store = LeadStore.open(dir.resolve("bench.db"))) {
            store.upsertPage(new PageInfo(Fixtures.PAGE, "Bench", null, List.of()));
            LeadForm form = GraphJson.withRaw(FORM);
            store.upsertForms(Fixtures.PAGE, List.of(form));
            long start = System.nanoTime();
            Instant seen = Instant.now();
            while (filled < LEADS && System.nanoTime() - start < FILL_BUDGET_NANOS) {
                List<Lead> page = new ArrayList<>(1000);
                for (int i = filled; i < Math.min(LEADS, filled + 1000); i++) {
                    page.add(GraphJson.withRaw(generated(i)));
                }
                store.upsertLeads(Fixtures.PAGE, form, page, seen);
                filled += page.size();
            }
            System.out.printf("filled %,d leads in %.1f s%n", filled, (System.nanoTime() - start) / 1e9);
            long t0 = System.nanoTime();
            long[] n = {0};
            store.forEachLead(LeadQuery.all(), l -> n[0]++);
            System.out.printf("store.forEachLead alone (no export): %,d leads in %.2f s = %,.0f leads/s%n", n[0],
                    (System.nanoTime() - t0) / 1e9, n[0] / ((System.nanoTime() - t0) / 1e9));
            long t1 = System.nanoTime();
            long[] rawN = {0};
            store.forEachRawLead(LeadQuery.all(), l -> rawN[0]++);
            System.out.printf("store.forEachRawLead alone (no parse, no export): %,d leads in %.2f s = %,.0f leads/s%n", rawN[0],
                    (System.nanoTime() - t1) / 1e9, rawN[0] / ((System.nanoTime() - t1) / 1e9));
            ExportSource timed = new ExportSource() {
                final ExportSource s = ExportSource.of(store);

                @Override
                public List<LeadForm> forms(LeadQuery q) {
                    return s.forms(q);
                }

                @Override
                public long countLeads(LeadQuery q) {
                    long t = System.nanoTime();
                    long n = s.countLeads(q);
                    System.out.printf("  store.countLeads: %.2f s%n", (System.nanoTime() - t) / 1e9);
                    return n;
                }

                @Override
                public void forEachLead(LeadQuery q, Consumer<StoredLead> c) {
                    s.forEachLead(q, c);
                }

                @Override
                public void forEachLeadDeferred(LeadQuery q, Consumer<java.util.function.Supplier<StoredLead>> c) {
                    s.forEachLeadDeferred(q, c);
                }

                @Override
                public long recordExport(String file, String profile, Instant at, Collection<String> ids) {
                    long t = System.nanoTime();
                    long id = s.recordExport(file, profile, at, ids);
                    System.out.printf("  store.recordExport of %,d ids: %.2f s%n", ids.size(), (System.nanoTime() - t) / 1e9);
                    return id;
                }
            };
            // first runs: the export code is cold (as in a fresh CLI process); second runs: warm (as in the app after
            // an export); the history of earlier runs is cleared before each so every run records 1M links afresh
            for (String run : List.of("cold", "warm")) {
                for (BuiltInProfile p : List.of(BuiltInProfile.META, BuiltInProfile.HUBSPOT)) {
                    clearHistory(dir.resolve("bench.db"));
                    Path file = dir.resolve("store-" + p.cliName() + ".csv");
                    ExportResult r = measure("real store, " + p.cliName() + ", " + run, l -> new Exporter().export(timed,
                            ExportOptions.defaults().withProfile(p), file, l, null));
                    assertThat(r.rowsWritten()).isEqualTo(filled);
                    assertThat(countRecords(file)).isEqualTo(filled);
                    Files.delete(file);
                }
                if (run.equals("cold")) {
                    // what every export does before it builds a single row: read the rows (reader thread) and parse
                    // their JSON (shared by both threads, as in an export); no rows, no CSV, no history
                    long cpu0 = processCpuNanos();
                    long w0 = System.nanoTime();
                    long[] parsed = {0};
                    ReadAhead.run(ExportSource.of(store), LeadQuery.all(), () -> false,
                            l -> parsed[0] += l.lead().fieldData().size() > 0 ? 1 : 0);
                    double secs = (System.nanoTime() - w0) / 1e9;
                    System.out.printf("BENCHMARK floor (read + parse on the export's two threads, nothing written): %,.0f leads/s,"
                            + " %.2f s process CPU per 1M leads%n", parsed[0] / secs, (processCpuNanos() - cpu0) / 1e9 * 1_000_000 / filled);
                }
            }
        }
    }

    /** Empties the export history (benchmark only), so each run's recordExport starts from the same table. */
    static void clearHistory(Path db) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            st.executeUpdate("DELETE FROM export_leads");
            st.executeUpdate("DELETE FROM exports");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    interface Run {
        ExportResult run(ExportListener listener) throws IOException;
    }

    static ExportResult measure(String label, Run run) throws IOException {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(b -> b.getType() == MemoryType.HEAP).toList();
        System.gc();
        long before = usedHeap();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        // live heap: what the last garbage collection left, sampled every 10,000 leads; flat memory = flat series
        List<Long> liveSamples = new ArrayList<>();
        Map<String, Long> threads0 = threadTicks();
        Map<String, Long> seen = new HashMap<>(); // threads that end before the export returns (the reader)
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        ExportResult r = run.run(p -> {
            if (p.done() % 10_000 == 0) {
                liveSamples.add(heap.stream().mapToLong(b -> b.getCollectionUsage() == null ? 0 : b.getCollectionUsage().getUsed()).sum());
            }
            if (p.done() % 100_000 == 0) {
                threadTicks().forEach((k, v) -> seen.merge(k, v, Math::max));
            }
        });
        long cpu = processCpuNanos() - cpu0;
        long wall = System.nanoTime() - wall0;
        Map<String, Long> threads1 = threadTicks();
        seen.forEach(threads1::putIfAbsent);
        if (!threads1.isEmpty() && r.rowsWritten() > 0) {
            // where the process CPU went, per thread kind (Linux /proc, 10 ms ticks; the reader's last 100k rows are missed)
            StringBuilder sb = new StringBuilder("  CPU s per 1M rows by thread:");
            threads1.forEach((k, v) -> {
                long d = v - threads0.getOrDefault(k, 0L);
                if (d > 2) {
                    sb.append(String.format(" %s %.2f;", k, d / 100.0 * 1_000_000 / r.rowsWritten()));
                }
            });
            System.out.println(sb);
        }
        long peak = heap.stream().mapToLong(b -> b.getPeakUsage().getUsed()).sum();
        // the export reads on one thread and writes on another: ~2 cores busy means both overlap; ~1 means they wait on
        // each other or the machine has no second core free (the load average says which)
        System.out.printf("  process CPU %.2f s over %.2f s wall = %.2f cores busy; system load average %.2f on %d cores%n",
                cpu / 1e9, wall / 1e9, (double) cpu / wall, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        long liveMax = liveSamples.stream().mapToLong(Long::longValue).max().orElse(0);
        int q = liveSamples.size() / 4;
        System.out.printf("  heap left by GC while exporting: max %,d MB; at 25%%/50%%/75%%/100%% of the run: %s MB%n", liveMax >> 20,
                liveSamples.isEmpty() ? "-" : List.of(liveSamples.get(q) >> 20, liveSamples.get(2 * q) >> 20,
                        liveSamples.get(Math.min(liveSamples.size() - 1, 3 * q)) >> 20, liveSamples.get(liveSamples.size() - 1) >> 20));
        System.gc();
        long after = usedHeap();
        double secs = r.duration().toNanos() / 1e9;
        System.out.printf("%s: %,d rows in %.2f s = %,.0f rows/s; heap used before %,d MB, peak %,d MB (sum of pool peaks,"
                        + " garbage included), after %,d MB; file %,d MB; max heap %,d MB%n",
                label, r.rowsWritten(), secs, r.rowsWritten() / secs, before >> 20, peak >> 20, after >> 20,
                Files.size(r.file()) >> 20, Runtime.getRuntime().maxMemory() >> 20);
        // CPU per row does not depend on what else the machine runs (rows/s does): at 200k rows/s on 2 cores an export
        // may cost at most 10 s of CPU per million rows
        System.out.printf("BENCHMARK %s: %,.0f rows/s, %.2f s process CPU per 1M rows, %.2f cores busy, live heap max %,d MB,"
                        + " load average %.2f%n", label, r.rowsWritten() / secs,
                r.rowsWritten() == 0 ? 0 : cpu / 1e9 * 1_000_000 / r.rowsWritten(), (double) cpu / wall, liveMax >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return r;
    }

    /** CPU ticks of this process's threads by kind (JIT, GC, the export reader, the caller...), empty off Linux. */
    static Map<String, Long> threadTicks() {
        Map<String, Long> m = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return m;
        }
        String caller = Thread.currentThread().getName();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
            for (Path t : ds) {
                String st;
                try {
                    st = Files.readString(t.resolve("stat"));
                } catch (IOException e) {
                    continue; // ended meanwhile
                }
                String name = st.substring(st.indexOf('(') + 1, st.lastIndexOf(')'));
                String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                String kind = name.startsWith("C1 Comp") || name.startsWith("C2 Comp") ? "JIT"
                        : name.startsWith("GC Thr") || name.startsWith("G1 ") ? "GC"
                        : name.startsWith("leaddesk-export") ? "reader"
                        : caller.startsWith(name) || name.equals("java") ? "caller" : "other";
                m.merge(kind, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
            }
        } catch (IOException e) {
            return new TreeMap<>();
        }
        return m;
    }

    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    static long countRecords(Path file) throws IOException {
        long n = 0;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.parse(in, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord ignored : p) {
                n++;
            }
        }
        return n;
    }
}
