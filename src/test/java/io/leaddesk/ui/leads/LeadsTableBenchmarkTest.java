package io.leaddesk.ui.leads;

import io.leaddesk.model.LeadBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.model.Question;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadStore;
import io.leaddesk.ui.LeadCache;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leads table over 1,000,000 cached leads: time to open and show the first rows, search latency, heap used.
 * Targets: first rows < 1 s, search < 200 ms, heap < 400 MB. Run with {@code mvn -B verify -Pbenchmark}.
 */
@Tag("benchmark")
class LeadsTableBenchmarkTest {
    private static final int LEADS = 1_000_000;
    private static final int FORMS = 20;
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);
    private static final String[] FIRST = {"Олена", "Андрій", "Марія", "Taras", "Sofia", "João", "Élodie", "Ahmed", "Iryna", "Dmytro"};
    private static final String[] LAST = {"Коваленко", "Шевченко", "Бондар", "Silva", "Martin", "Petrenko", "Haddad", "Melnyk"};
    private static final String[] CAMPAIGNS = {"Осінь 2025 / Англійська", "Spring promo, Kyiv", "Leads | Retargeting", "Німецька B1"};

    @TempDir
    Path dir;

    private static LeadForm form(int i) {
        return new LeadForm("form" + i, "page" + (i % 4), "Форма " + i, "ACTIVE", "uk_UA", "2025-01-01T00:00:00+0000",
                LEADS / FORMS, 0, 0,
                List.of(new Question("q1", "full_name", "Повне ім'я", "FULL_NAME", null),
                        new Question("q2", "эл._адрес", "Эл. адрес", "EMAIL", null),
                        new Question("q3", "phone_number", "Телефон", "PHONE", null),
                        new Question("q4", "level", "Рівень", "CUSTOM", null)),
                null, null, "{\"id\":\"form" + i + "\"}");
    }

    private static Lead lead(Random r, int n, String formId, long epoch) {
        String name = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
        String email = "user" + n + "@" + (r.nextBoolean() ? "gmail.com" : "ukr.net");
        String phone = "+38050" + (1_000_000 + r.nextInt(8_999_999));
        String campaign = CAMPAIGNS[r.nextInt(CAMPAIGNS.length)];
        boolean organic = r.nextInt(5) == 0;
        String level = "B" + (1 + r.nextInt(2));
        String id = String.valueOf(100_000_000_000L + n);
        String created = GRAPH_TIME.format(Instant.ofEpochSecond(epoch));
        String raw = "{\"id\":\"" + id + "\",\"created_time\":\"" + created + "\",\"form_id\":\"" + formId
                + "\",\"campaign_name\":\"" + campaign + "\",\"is_organic\":" + organic + ",\"platform\":\"fb\",\"field_data\":["
                + "{\"name\":\"full_name\",\"values\":[\"" + name + "\"]},{\"name\":\"эл._адрес\",\"values\":[\"" + email + "\"]},"
                + "{\"name\":\"phone_number\",\"values\":[\"" + phone + "\"]},{\"name\":\"level\",\"values\":[\"" + level + "\"]}]}";
        return LeadBuilder.lead(id).created(created, epoch).form(formId)
                .ad(organic ? null : "ad" + n % 50, organic ? null : "Оголошення " + n % 50)
                .campaign(organic ? null : "c" + campaign.length(), organic ? null : campaign).organic(organic)
                .platform(r.nextInt(3) == 0 ? "ig" : "fb").answer("full_name", name).answer("эл._адрес", email)
                .answer("phone_number", phone).answer("level", level).raw(raw).build();
    }

    @Test
    void oneMillionCachedLeads() throws Exception {
        Path db = dir.resolve("leaddesk.db");
        long t0 = System.nanoTime();
        try (LeadStore store = LeadStore.open(db)) {
            Random r = new Random(7);
            AccessToken token = new AccessToken("benchmark-token-not-real");
            for (int p = 0; p < 4; p++) {
                store.upsertPage(new PageInfo("page" + p, "Сторінка " + p, token, List.of()));
            }
            List<LeadForm> forms = new ArrayList<>();
            for (int f = 0; f < FORMS; f++) {
                forms.add(form(f));
            }
            for (int p = 0; p < 4; p++) {
                int page = p;
                store.upsertForms("page" + p, forms.stream().filter(f -> f.pageId().equals("page" + page)).toList());
            }
            long start = 1_700_000_000L;
            int n = 0;
            Instant seen = Instant.now();
            while (n < LEADS) {
                LeadForm f = forms.get((n / 1000) % FORMS);
                List<Lead> batch = new ArrayList<>(1000);
                for (int i = 0; i < 1000; i++, n++) {
                    batch.add(lead(r, n, f.id(), start + n * 7L));
                }
                store.upsertLeads(f.pageId(), f, batch, seen);
            }
        }
        System.out.printf(Locale.ROOT, "BENCH populate %,d leads: %.1f s, database %,d MB%n", LEADS,
                (System.nanoTime() - t0) / 1e9, Files.size(db) / (1024 * 1024));

        Messages m = Messages.load(Locale.ENGLISH);
        System.gc();
        long heapBefore = usedHeap();
        long open0 = System.nanoTime();
        try (LeadStore store = LeadStore.open(db)) {
            LeadsTableViewModel vm = new LeadsTableViewModel(LeadCache.of(store), new SyncTaskExecutor(), m, Duration.ZERO, ZoneOffset.UTC);
            vm.refresh();
            List<LeadRow> visible = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                visible.add(vm.rowsProperty().get().get(i));
            }
            long firstRowsMs = (System.nanoTime() - open0) / 1_000_000;
            assertThat(vm.matchCountProperty().get()).isEqualTo(LEADS);
            assertThat(visible).allMatch(LeadRowList::isLoaded);
            assertThat(visible.get(0).id()).isEqualTo(String.valueOf(100_000_000_000L + LEADS - 1));
            System.out.printf(Locale.ROOT, "BENCH open workspace + first 40 rows of %,d: %d ms (target < 1000 ms)%n", LEADS, firstRowsMs);

            // scrolling far down reads one block
            long scroll0 = System.nanoTime();
            for (int i = 700_000; i < 700_040; i++) {
                vm.rowsProperty().get().get(i);
            }
            System.out.printf(Locale.ROOT, "BENCH jump to row 700,000: %d ms%n", (System.nanoTime() - scroll0) / 1_000_000);

            long worst = 0;
            for (String q : new String[] {"Олена", "user123456", "+380501234", "Коваленко B2", "retargeting", "Kyiv"}) {
                vm.searchProperty().set("");
                long s0 = System.nanoTime();
                vm.searchProperty().set(q);
                LeadRow first = vm.matchCountProperty().get() > 0 ? vm.rowsProperty().get().get(0) : null;
                long ms = (System.nanoTime() - s0) / 1_000_000;
                worst = Math.max(worst, ms);
                System.out.printf(Locale.ROOT, "BENCH search %-24s %,9d matches  %4d ms (query %d ms) first=%s%n", "\"" + q + "\"",
                        vm.matchCountProperty().get(), ms, vm.lastQueryMillis(), first == null ? "-" : first.name());
            }
            vm.searchProperty().set("");
            System.gc();
            long heap = usedHeap();
            System.out.printf(Locale.ROOT, "BENCH heap used with the table open: %,d MB (before open %,d MB; target < 400 MB)%n",
                    heap / (1024 * 1024), heapBefore / (1024 * 1024));
            // Figures, not a timed test: print whether each target was met (machine load moves them) and keep the
            // run going so every benchmark of -Pbenchmark reports.
            System.out.printf(Locale.ROOT, "BENCH targets: first rows %s, worst search %d ms %s, heap %s%n",
                    firstRowsMs < 1000 ? "met" : "MISSED", worst, worst < 200 ? "met" : "MISSED",
                    heap < 400L * 1024 * 1024 ? "met" : "MISSED");
            assertThat(vm.matchCountProperty().get()).as("all leads listed again after clearing the search").isEqualTo(LEADS);
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
