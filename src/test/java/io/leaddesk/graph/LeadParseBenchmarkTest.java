package io.leaddesk.graph;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Parse speed of a synthetic 500-lead Graph page (streaming, byte-exact rawJson). Run with -Pbenchmark. */
@Tag("benchmark")
class LeadParseBenchmarkTest {

    static String syntheticPage(int leads) {
        List<String> items = new ArrayList<>(leads);
        for (int i = 0; i < leads; i++) {
            items.add("""
                    {"id":"%d","created_time":"2025-10-%02dT09:09:27+0000","ad_id":"120210000%d","ad_name":"Осінь / курс, англ",\
                    "adset_id":"120211000%d","adset_name":"Київ 25-45","campaign_id":"120212000%d","campaign_name":"Campaign \\u00e9 😀",\
                    "form_id":"987654321","field_data":[{"name":"full_name","values":["Олена Петренко %d"]},\
                    {"name":"phone_number","values":["+380501234%03d"]},{"name":"эл._адрес","values":["olena%d@example.ua"]},\
                    {"name":"куди_відправити_інформацію?","values":["viber"]},{"name":"level","values":["B1","B2"]}],\
                    "custom_disclaimer_responses":[{"checkbox_key":"consent","is_checked":"1"}],\
                    "is_organic":false,"platform":"ig"}""".formatted(100000 + i, 1 + i % 28, i, i, i, i, i % 1000, i));
        }
        return "{\"data\":[" + String.join(",", items)
                + "],\"paging\":{\"cursors\":{\"before\":\"QVFIUk\",\"after\":\"QVFIUl\"},\"next\":\"https://graph.facebook.com/v25.0/987654321/leads?after=QVFIUl\"}}";
    }

    /** A small lead (id, time, form, three ASCII answers), closer in size to the build-notes reference page. */
    static String smallPage(int leads) {
        List<String> items = new ArrayList<>(leads);
        for (int i = 0; i < leads; i++) {
            items.add(("{\"id\":\"%d\",\"created_time\":\"2025-10-08T09:09:27+0000\",\"form_id\":\"987654321\","
                    + "\"field_data\":[{\"name\":\"full_name\",\"values\":[\"Jane Doe %d\"]},"
                    + "{\"name\":\"email\",\"values\":[\"jane%d@example.com\"]},"
                    + "{\"name\":\"phone_number\",\"values\":[\"+15550100%03d\"]}]}").formatted(i, i, i, i % 1000));
        }
        return "{\"data\":[" + String.join(",", items) + "],\"paging\":{\"cursors\":{\"after\":\"QVFIUl\"}}}";
    }

    @Test
    void parseSmallLeadsPerSecond() throws Exception {
        measure("small leads", smallPage(500));
    }

    @Test
    void parseLeadsPerSecond() throws Exception {
        measure("realistic Ukrainian-form leads", syntheticPage(500));
    }

    private void measure(String what, String body) throws Exception {
        long sink = 0;
        for (int i = 0; i < 2_000; i++) { // warm-up
            sink += PageParsers.leads(body).leads().size();
        }
        int rounds = 4_000;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sink += PageParsers.leads(body).leads().get(499).createdEpochSecond() > 0 ? 500 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = rounds * 500 / seconds;
        // the bare token scan of the same page, as a yardstick that moves with the machine's load
        start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            char[] chars = body.toCharArray();
            try (com.fasterxml.jackson.core.JsonParser p = PageParsers.FACTORY.createParser(chars, 0, chars.length)) {
                while (p.nextToken() != null) {
                    sink++;
                }
            }
        }
        double scanPerSecond = rounds * 500 / ((System.nanoTime() - start) / 1e9);
        System.out.printf("Graph lead page parse (%s): %.0f leads/s (%d-char page of 500 leads, %.1f MB/s); "
                        + "bare Jackson token scan of the same page: %.0f leads/s (parse = %.0f%% of it)%n",
                what, perSecond, body.length(), body.length() * (double) rounds / seconds / 1e6, scanPerSecond,
                100 * perSecond / scanPerSecond);
        assertThat(sink).isPositive();
        assertThat(perSecond).isGreaterThan(20_000); // a floor that catches an accidental O(n^2) even on a busy machine, not a target
    }
}
