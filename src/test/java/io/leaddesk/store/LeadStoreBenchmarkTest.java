package io.leaddesk.store;

import io.leaddesk.model.LeadBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.graph.PageInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run with {@code mvn -o test -Pbenchmark -Dtest='io.leaddesk.store.**'}; prints its figures. */
@Tag("benchmark")
class LeadStoreBenchmarkTest {

    static final int TOTAL = Integer.getInteger("leaddesk.bench.leads", 1_000_000);
    static final int PAGE = 500;
    static final String[] FIRST = {"Иван", "Олена", "Ольга", "Alice", "Bob", "María", "José", "Chloé", "Дмитрий", "Анна", "Mohammed",
            "Wei", "Sven", "Zoë", "Ярослава", "Liam", "Emma"};
    static final String[] LAST = {"Петров", "Smith", "García", "Müller", "Коваленко", "Nguyen", "Rossi", "Іваненко",
            "Dubois", "Kowalski", "Johnson", "Смирнова"};
    static final String[] INTEREST = {"Электроника", "Кредит", "Insurance", "Mortgage", "Solar panels", "Ипотека",
            "Car leasing", "Home loan"};
    static final String[] CITY = {"Київ", "Львів", "Одеса", "Харків", "Москва", "Berlin", "Warszawa", "Madrid",
            "Paris", "London", "Dnipro", "Praha"};
    static final String[] CAMPAIGN = {"Spring Sale", "Весна 2025", "Black Friday", "Retargeting EU", "Lookalike 3%"};

    @TempDir
    Path dir;

    @Test
    void millionLeads() {
        // -Dleaddesk.bench.dir=/some/folder keeps the database there (for looking at query plans afterwards)
        String keep = System.getProperty("leaddesk.bench.dir");
        Path file = (keep != null ? Path.of(keep) : dir.resolve("bench")).resolve("leaddesk.db");
        LeadForm ru = Fixtures.russianForm();
        LeadForm en = Fixtures.englishForm();
        Random rnd = new Random(42);
        try (LeadStore store = LeadStore.open(file)) {
            store.upsertPage(new PageInfo("p-1", "Bank", null, List.of()));
            store.upsertPage(new PageInfo("p-2", "Acme", null, List.of()));
            store.upsertForms("p-1", List.of(ru));
            store.upsertForms("p-2", List.of(en));

            long insertNanos = 0, windowNanos = 0;
            int n = 0;
            System.out.printf(Locale.ROOT, "%n=== LeadStore benchmark: %,d leads, %d per transaction ===%n", TOTAL, PAGE);
            while (n < TOTAL) {
                boolean russian = (n / PAGE) % 2 == 0;
                List<Lead> page = new ArrayList<>(PAGE);
                for (int i = 0; i < PAGE && n < TOTAL; i++, n++) {
                    page.add(generate(n, russian, rnd));
                }
                long t0 = System.nanoTime();
                int fresh = store.upsertLeads(russian ? "p-1" : "p-2", russian ? ru : en, page, Instant.now());
                long dt = System.nanoTime() - t0;
                insertNanos += dt;
                windowNanos += dt;
                assertThat(fresh).isEqualTo(page.size());
                if (n % 200_000 == 0) {
                    System.out.printf(Locale.ROOT, "  inserted %,9d   last 200k at %,.0f rows/s%n", n,
                            200_000 / (windowNanos / 1e9));
                    windowNanos = 0;
                }
            }
            System.out.printf(Locale.ROOT, "insert (upsert, new rows, FTS): %,.0f rows/s (%.1f s for %,d)%n",
                    TOTAL / (insertNanos / 1e9), insertNanos / 1e9, TOTAL);

            // a resync of pages that did not change: only last_seen moves
            long t0 = System.nanoTime();
            Random again = new Random(42);
            int resynced = 0;
            for (int p = 0; p < 40; p++) {
                boolean russian = p % 2 == 0;
                List<Lead> page = new ArrayList<>(PAGE);
                for (int i = 0; i < PAGE; i++) {
                    page.add(generate(resynced++, russian, again));
                }
                assertThat(store.upsertLeads(russian ? "p-1" : "p-2", russian ? ru : en, page, Instant.now())).isZero();
            }
            System.out.printf(Locale.ROOT, "resync of %,d unchanged leads: %,.0f rows/s%n", resynced,
                    resynced / ((System.nanoTime() - t0) / 1e9));

            long[] all = time("leadRowIds(all, newest first)", () -> store.leadRowIds(LeadQuery.all()));
            assertThat(all).hasSize(TOTAL);
            time("leadRowIds(all, by name)", () -> store.leadRowIds(LeadQuery.all().sortedBy(LeadSort.NAME, false)));
            time("leadRowIds(all, by status)", () -> store.leadRowIds(LeadQuery.all().sortedBy(LeadSort.STATUS, false)));
            time("leadRowIds(one form, newest first)", () -> store.leadRowIds(LeadQuery.all().withForms(List.of("f-en"))));
            time("countLeads(all)", () -> store.countLeads(LeadQuery.all()));
            time("totalLeads()", store::totalLeads);
            time("cachedCountsByForm()", store::cachedCountsByForm);
            time("pages()", store::pages);
            time("forms()", () -> store.forms(List.of()));
            // typical searches: first name (Cyrillic, prefix), campaign word, city, two words, phone prefix,
            // email fragment, a word in every lead, no match; each run twice (cold, then warm)
            for (String s : List.of("Олена", "ива", "Smith", "весна", "Львів", "Олена Коваленко", "+380 67 12", "38067",
                    "alice.smith", "example.com", "Электроника кредит", "zzzz")) {
                for (int run = 0; run < 2; run++) {
                    long[] hits = time("search \"" + s + "\" (row ids)", () -> store.leadRowIds(LeadQuery.all().withSearch(s)));
                    if (run == 1) {
                        System.out.printf(Locale.ROOT, "      -> %,d matches%n", hits.length);
                    }
                }
            }
            time("search \"Олена\" in one form, by name", () -> store.leadRowIds(LeadQuery.all().withSearch("Олена")
                    .withForms(List.of("f-ru")).sortedBy(LeadSort.NAME, false)));
            time("countLeads(search \"ива\")", () -> store.countLeads(LeadQuery.all().withSearch("ива")));
            time("rows(ids, 0, 60) first screen", () -> store.rows(all, 0, 60));
            time("rows(ids, middle, +60)", () -> store.rows(all, all.length / 2, all.length / 2 + 60));
            time("rows(query by name, 0, 60)", () -> store.rows(LeadQuery.all().sortedBy(LeadSort.NAME, false), 0, 60));
            time("lead(id)", () -> store.lead("L" + (TOTAL / 2)));
            time("notExportedBefore count", () -> store.countLeads(LeadQuery.all().withNotExportedBefore(true)));
            for (int run = 0; run < 2; run++) {
                long[] streamed = {0, 0};
                long r0 = System.nanoTime();
                store.forEachLead(LeadQuery.all(), l -> {
                    streamed[0]++;
                    streamed[1] += l.lead().fieldData().size();
                });
                double s = (System.nanoTime() - r0) / 1e9;
                assertThat(streamed[0]).isEqualTo(TOTAL);
                System.out.printf(Locale.ROOT, "forEachLead(all, newest first): %,.0f leads/s (%.2f s for %,d)%n",
                        streamed[0] / s, s, streamed[0]);
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            List<String> exported = new ArrayList<>(TOTAL);
            for (int i = 0; i < TOTAL; i++) {
                exported.add("L" + i);
            }
            System.gc();
            long heapBefore = rt.totalMemory() - rt.freeMemory();
            resetPeakHeap();
            long e0 = System.nanoTime();
            store.recordExport("bench.csv", "generic", Instant.now(), exported);
            double es = (System.nanoTime() - e0) / 1e9;
            System.out.printf(Locale.ROOT, "recordExport(%,d ids): %.2f s (%,.0f ids/s); peak heap %,d MB, of which"
                    + " %,d MB were live before (mostly the id list)%n", TOTAL, es, TOTAL / es, peakHeap() >> 20, heapBefore >> 20);
            time("notExportedBefore count after export", () -> store.countLeads(LeadQuery.all().withNotExportedBefore(true)));
            System.gc();
            System.out.printf(Locale.ROOT, "heap used %,d MB (max %,d MB); database %,d MB%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20, size(file) >> 20);
            System.out.println("=== end of LeadStore benchmark ===");
        }
    }

    static void resetPeakHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since {@link #resetPeakHeap} (an upper bound of the real peak). */
    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    static <T> T time(String what, Supplier<T> task) {
        long t0 = System.nanoTime();
        T result = task.get();
        System.out.printf(Locale.ROOT, "  %-40s %8.1f ms%n", what, (System.nanoTime() - t0) / 1e6);
        return result;
    }

    /** A ~600-byte lead, Graph-shaped. */
    static Lead generate(int n, boolean russian, Random rnd) {
        String first = FIRST[rnd.nextInt(FIRST.length)];
        String last = LAST[rnd.nextInt(LAST.length)];
        String email = ascii(first) + "." + ascii(last) + n + "@example.com";
        String phone = "+380 67 " + (1_000_000 + rnd.nextInt(9_000_000));
        String interest = INTEREST[rnd.nextInt(INTEREST.length)];
        String campaign = CAMPAIGN[rnd.nextInt(CAMPAIGN.length)];
        String city = CITY[rnd.nextInt(CITY.length)];
        boolean organic = rnd.nextInt(10) == 0;
        long epoch = 1_690_000_000L + n * 30L + rnd.nextInt(30);
        List<FieldAnswer> answers = russian
                ? List.of(new FieldAnswer("полное_имя", List.of(first + " " + last)),
                        new FieldAnswer("эл._адрес", List.of(email)),
                        new FieldAnswer("номер_телефона", List.of(phone)),
                        new FieldAnswer("интересы", List.of(interest)),
                        new FieldAnswer("город", List.of(city)))
                : List.of(new FieldAnswer("full_name", List.of(first + " " + last)),
                        new FieldAnswer("work_mail", List.of(email)),
                        new FieldAnswer("phone_number", List.of(phone)),
                        new FieldAnswer("budget", List.of(interest)),
                        new FieldAnswer("city", List.of(city)));
        String formId = russian ? "f-ru" : "f-en";
        String created = Fixtures.GRAPH_TIME.format(Instant.ofEpochSecond(epoch));
        StringBuilder raw = new StringBuilder(700);
        raw.append("{\"id\":\"L").append(n).append("\",\"created_time\":\"").append(created).append('"');
        if (!organic) {
            raw.append(",\"ad_id\":\"2385").append(n % 97).append("\",\"ad_name\":\"").append(campaign)
                    .append(" ad\",\"adset_id\":\"2384").append(n % 13).append("\",\"adset_name\":\"").append(campaign)
                    .append(" set\",\"campaign_id\":\"2383").append(n % 5).append("\",\"campaign_name\":\"")
                    .append(campaign).append('"');
        }
        raw.append(",\"form_id\":\"").append(formId).append("\",\"is_organic\":").append(organic)
                .append(",\"platform\":\"").append(n % 3 == 0 ? "ig" : "fb").append("\",\"field_data\":[");
        for (int i = 0; i < answers.size(); i++) {
            FieldAnswer a = answers.get(i);
            raw.append(i == 0 ? "" : ",").append("{\"name\":\"").append(a.name()).append("\",\"values\":[\"")
                    .append(a.first()).append("\"]}");
        }
        raw.append("],\"custom_disclaimer_responses\":[{\"checkbox_key\":\"consent\",\"is_checked\":\"1\"}]}");
        return LeadBuilder.lead("L" + n).created(created, epoch).form(formId)
                .ad(organic ? null : "2385" + (n % 97), organic ? null : campaign + " ad")
                .adset(organic ? null : "2384" + (n % 13), organic ? null : campaign + " set")
                .campaign(organic ? null : "2383" + (n % 5), organic ? null : campaign).organic(organic)
                .platform(n % 3 == 0 ? "ig" : "fb").answers(answers).raw(raw.toString()).build();
    }

    static String ascii(String s) {
        return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "")
                .toLowerCase(Locale.ROOT);
    }
}
