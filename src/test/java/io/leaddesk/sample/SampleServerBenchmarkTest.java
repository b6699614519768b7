package io.leaddesk.sample;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Serving throughput: {@code mvn -B -o verify -Pbenchmark -Dtest=SampleServerBenchmarkTest}. */
@Tag("benchmark")
class SampleServerBenchmarkTest {
    private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

    @Test
    void generationAndServingThroughput() throws Exception {
        SampleDataset d = SampleDataset.generate(42, 1_000_000, Instant.now());
        SampleForm big = d.pages().get(0).forms().get(0);
        StringBuilder sb = new StringBuilder(1 << 20);
        int mask = SampleDataset.leadFieldMask(SampleDataset.ALL_LEAD_FIELDS);
        long t0 = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < big.leadCount(); i++) {
            sb.setLength(0);
            big.appendLead(sb, i, mask);
            bytes += sb.length();
        }
        double genSec = (System.nanoTime() - t0) / 1e9;
        System.out.printf("generate: %d leads in %.2f s = %.0f leads/s, %.0f bytes/lead%n", big.leadCount(), genSec,
                big.leadCount() / genSec, (double) bytes / big.leadCount());

        try (SampleGraphServer s = SampleGraphServer.start(SampleOptions.defaults().withLeads(1_000_000))) {
            SampleForm f = s.dataset().pages().get(0).forms().get(0);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String next = s.baseUrl() + "/v25.0/" + f.id() + "/leads?limit=1000&fields="
                    + URLEncoder.encode(SampleDataset.ALL_LEAD_FIELDS, StandardCharsets.UTF_8) + "&access_token="
                    + SampleTokens.pageToken(f.pageId());
            long leads = 0;
            long total = 0;
            long t1 = System.nanoTime();
            while (next != null) {
                byte[] body = client.send(HttpRequest.newBuilder(URI.create(next)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body();
                total += body.length;
                // keep the client cheap: count lead openings on the bytes, look for next only in the tail
                for (int i = 0; i + 6 < body.length; i++) {
                    if (body[i] == '{' && body[i + 1] == '"' && body[i + 2] == 'i' && body[i + 3] == 'd'
                            && body[i + 4] == '"' && body[i + 5] == ':') {
                        leads++;
                    }
                }
                String tail = new String(body, Math.max(0, body.length - 2000), Math.min(2000, body.length),
                        StandardCharsets.ISO_8859_1);
                Matcher m = NEXT.matcher(tail);
                next = m.find() ? m.group(1).replace("\\/", "/") : null;
            }
            double sec = (System.nanoTime() - t1) / 1e9;
            System.out.printf("serve over loopback: %d leads in %.2f s = %.0f leads/s (%.0f MB/s)%n", leads, sec,
                    leads / sec, total / sec / 1e6);
            assertThat(leads).isEqualTo(f.leadCount());
        }
    }

    @Test
    void aMillionLeadsBuildFastAndDeepPagesAreFast() {
        long t0 = System.nanoTime();
        try (SampleGraphServer big = SampleGraphServer.start(SampleOptions.defaults().withLeads(1_000_000))) {
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            SampleForm f = big.dataset().pages().get(0).forms().get(0);
            long deepTime = big.dataset().leadCreatedEpochSecond(f.id(), 1000);
            String filtering = "[{\"field\":\"time_created\",\"operator\":\"LESS_THAN\",\"value\":" + deepTime + "}]";
            String u = big.baseUrl() + "/v25.0/" + f.id() + "/leads?limit=1000&fields="
                    + URLEncoder.encode(SampleDataset.ALL_LEAD_FIELDS, StandardCharsets.UTF_8) + "&filtering="
                    + URLEncoder.encode(filtering, StandardCharsets.UTF_8) + "&access_token="
                    + SampleTokens.pageToken(f.pageId());
            Http.get(u); // warm up
            long t1 = System.nanoTime();
            Http.Resp r = Http.get(u);
            long pageMs = (System.nanoTime() - t1) / 1_000_000;
            System.out.printf("a million leads: server up in %d ms, a deep page of 1000 in %d ms%n", startMs, pageMs);
            assertThat(r.status()).isEqualTo(200);
            assertThat(startMs).isLessThan(2_000);
            assertThat(pageMs).isLessThan(1_000);
        }
    }
}
