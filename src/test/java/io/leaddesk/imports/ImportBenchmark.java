package io.leaddesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import java.time.Instant;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports a 100,000-row Meta download (override with -Dheadless.argLine=-Dimport.benchmark.rows=N) into a fresh cache
 * and prints rows per second: the preview pass alone, the write pass, both (what {@code leaddesk import} does), and a
 * re-import of the same file (all already cached). Both flavours: UTF-8 CSV and UTF-16LE TSV.
 * Run with {@code mvn -B -o test -Pbenchmark -Dtest='io.leaddesk.imports.ImportBenchmark'}.
 */
@Tag("benchmark")
class ImportBenchmark {
    static final int ROWS = Integer.getInteger("import.benchmark.rows", 100_000);

    @TempDir
    Path dir;

    /** A Ukrainian language school's form, as in the field report: 8 questions, Cyrillic keys and answers. */
    static MetaStyleFile file(int rows) {
        MetaStyleFile f = new MetaStyleFile(List.of("id", "created_time", "ad_id", "ad_name", "adset_id", "adset_name",
                "campaign_id", "campaign_name", "form_id", "form_name", "is_organic", "platform", "full_name",
                "phone_number", "эл._адрес", "country", "куди_відправити_інформацію?",
                "коли_б_хотіли_спробувати_пробне_заняття?", "яку_мову_хочете_вивчати?", "який_рівень_у_вас_зараз?",
                "lead_status"));
        String[] channel = {"viber", "telegram", "whatsapp"};
        String[] level = {"початковий_рівень", "середній_рівень", "високий_рівень"};
        for (int i = 0; i < rows; i++) {
            boolean organic = i % 31 == 0;
            List<String> r = new ArrayList<>(21);
            r.add("l:" + (24_900_000_000_000_000L + i));
            long t = 1_730_000_000L + i * 97L;
            r.add(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    java.time.Instant.ofEpochSecond(t).atOffset(java.time.ZoneOffset.ofHours(2))));
            r.add(organic ? "" : "ag:12020000000" + (i % 7));
            r.add(organic ? "" : "3/статика/Індивідуальні уроки німецької від 299 грн");
            r.add(organic ? "" : "as:12020000001" + (i % 3));
            r.add(organic ? "" : "Україна/30-55/Ж/Advantage+");
            r.add(organic ? "" : "c:120200000020");
            r.add(organic ? "" : "Student/Анатолій/ЛФ/Україна,30-55,Ж,Advantage+/24.07.2025");
            r.add("f:900000000000101");
            r.add("Форма Німецька-новий_04,01");
            r.add(organic ? "true" : "false");
            r.add(i % 4 == 0 ? "ig" : "fb");
            r.add("Олена Тестенко " + i);
            r.add("p:+38063" + (1_000_000 + i % 9_000_000));
            r.add("olena.testenko" + i + "@example.com");
            r.add("UA");
            r.add(channel[i % 3]);
            r.add(i % 5 == 0 ? "Після 18:00, будь ласка,\nабо у вихідні" : "цього тижня");
            r.add("німецьку");
            r.add(level[i % 3]);
            r.add("CREATED");
            f.row(r);
        }
        return f;
    }

    @Test
    void importsAHundredThousandRows() throws Exception {
        MetaStyleFile f = file(ROWS);
        Path csv = f.write(dir.resolve("leads-100k.csv"), MetaStyleFile.Flavour.CSV_UTF8_BOM);
        Path tsv = f.write(dir.resolve("leads-100k.tsv"), MetaStyleFile.Flavour.TSV_UTF16LE_BOM);
        System.out.printf("import benchmark: %,d rows, CSV %,d bytes, TSV %,d bytes, load average %.2f, %d cores%n",
                ROWS, Files.size(csv), Files.size(tsv), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        // warm-up on a small file, own cache
        try (LeadStore warm = LeadStore.open(dir.resolve("warm").resolve("leaddesk.db"))) {
            Path small = file(5_000).write(dir.resolve("warm.csv"), MetaStyleFile.Flavour.CSV_UTF8_BOM);
            new ImportService(warm).importFile(small, ImportOptions.defaults(), null, null);
        }
        for (Path file : List.of(csv, tsv)) {
            try (LeadStore store = LeadStore.open(dir.resolve("cache-" + file.getFileName()).resolve("leaddesk.db"))) {
                ImportService imports = new ImportService(store);
                long t0 = System.nanoTime();
                ImportPreview p = imports.preview(file, ImportOptions.defaults(), null, null);
                long t1 = System.nanoTime();
                ImportResult r = imports.importFile(p, null, null);
                long t2 = System.nanoTime();
                assertThat(r.newLeads()).isEqualTo(ROWS);
                ImportResult again = imports.importFile(file, ImportOptions.defaults(), null, null);
                long t3 = System.nanoTime();
                assertThat(again.alreadyCached()).isEqualTo(ROWS);
                System.out.printf("%s: preview %,.0f rows/s, write pass %,.0f rows/s, preview + write %,.0f rows/s"
                                + " (%.2f s), re-import (all cached) %,.0f rows/s; load average %.2f%n",
                        file.getFileName(), rate(t0, t1), rate(t1, t2), rate(t0, t2), (t2 - t0) / 1e9, rate(t2, t3),
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                if (file == csv) {
                    baseline(store);
                }
            }
        }
    }

    /**
     * The same leads, already parsed, written the way a sync writes them (upsertLeads, 500 per transaction) into a fresh
     * cache: the store's own speed on this machine at this moment, to read the import's figures against.
     */
    private void baseline(LeadStore imported) {
        List<Lead> leads = new ArrayList<>(ROWS);
        imported.forEachLead(LeadQuery.all(), l -> leads.add(l.lead()));
        LeadForm form = imported.form("900000000000101").orElseThrow().form();
        try (LeadStore store = LeadStore.open(dir.resolve("baseline").resolve("leaddesk.db"))) {
            long t0 = System.nanoTime();
            for (int i = 0; i < leads.size(); i += 500) {
                store.upsertLeads("p", form, leads.subList(i, Math.min(leads.size(), i + 500)), Instant.now());
            }
            long t1 = System.nanoTime();
            System.out.printf("baseline: the same leads through upsertLeads (a sync's write, 500 per transaction)"
                    + " %,.0f rows/s; load average %.2f%n", rate(t0, t1),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double rate(long from, long to) {
        return ROWS / ((to - from) / 1e9);
    }
}
