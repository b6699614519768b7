package io.leaddesk.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sample-server --trickle N/min}: leads arrive over time, on a clock the test moves (no waiting). */
class SampleTrickleTest {

    /** A clock moved by hand. */
    static final class HandClock extends Clock {
        volatile Instant now;

        HandClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void leadsArriveAtTheRateAskedInTheActiveFormsInTurnCreatedWhenTheyArrived() {
        HandClock clock = new HandClock(Instant.parse("2026-12-01T08:00:00Z"));
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(500).withTrickle(3),
                clock)) {
            SampleDataset data = server.dataset();
            List<SampleForm> active = data.allForms().stream().filter(f -> "ACTIVE".equals(f.status())).toList();
            assertThat(active).hasSizeGreaterThan(3);
            Map<String, Long> before = counts(data);

            assertThat(leadsCount(server, active.get(0))).isEqualTo(before.get(active.get(0).id()));
            assertThat(server.trickled()).isZero();

            clock.now = clock.now.plus(Duration.ofSeconds(59)); // 2.95 leads due: two have arrived
            leadsCount(server, active.get(0));
            assertThat(server.trickled()).isEqualTo(2);
            clock.now = clock.now.plus(Duration.ofSeconds(1));
            long first = leadsCount(server, active.get(0));
            assertThat(server.trickled()).isEqualTo(3);
            assertThat(first).isEqualTo(before.get(active.get(0).id()) + 1);
            Map<String, Long> after = counts(data);
            for (int i = 0; i < active.size(); i++) {
                long added = after.get(active.get(i).id()) - before.get(active.get(i).id());
                assertThat(added).as(active.get(i).name()).isEqualTo(i < 3 ? 1 : 0);
            }
            // the third lead arrived at 08:01:00, and the newest lead of its form is it
            SampleForm third = active.get(2);
            JsonNode newest = Http.get(server.baseUrl() + "/v25.0/" + third.id() + "/leads?limit=1&access_token="
                    + SampleTokens.pageToken(third.pageId())).json().path("data").get(0);
            assertThat(newest.path("created_time").asText()).isEqualTo("2026-12-01T08:01:00+0000");

            clock.now = clock.now.plus(Duration.ofMinutes(10));
            leadsCount(server, active.get(0));
            assertThat(server.trickled()).isEqualTo(33);
            assertThat(data.totalLeadCount()).isEqualTo(500 + 33);
        }
    }

    @Test
    void withoutATrickleNothingArrives() {
        HandClock clock = new HandClock(Instant.parse("2026-12-01T08:00:00Z"));
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(100), clock)) {
            clock.now = clock.now.plus(Duration.ofHours(5));
            leadsCount(server, server.dataset().allForms().get(0));
            assertThat(server.trickled()).isZero();
            assertThat(server.dataset().totalLeadCount()).isEqualTo(100);
        }
    }

    @Test
    void theOptionReadsPerMinuteOrPerHour() {
        assertThat(SampleOptions.parseTrickle("3/min")).isEqualTo(3.0);
        assertThat(SampleOptions.parseTrickle("0.5/min")).isEqualTo(0.5);
        assertThat(SampleOptions.parseTrickle("30/h")).isEqualTo(0.5);
        assertThat(SampleOptions.parseTrickle("2")).isEqualTo(2.0);
        assertThat(SampleOptions.parseTrickle(null)).isZero();
        assertThatThrownBy(() -> SampleOptions.parseTrickle("3/day")).hasMessageContaining("N/min or N/h");
        assertThatThrownBy(() -> SampleOptions.parseTrickle("many")).hasMessageContaining("N/min or N/h");
        assertThatThrownBy(() -> SampleOptions.defaults().withTrickle(-1)).hasMessageContaining("between 0 and");
    }

    private static Map<String, Long> counts(SampleDataset data) {
        Map<String, Long> out = new HashMap<>();
        for (SampleForm f : data.allForms()) {
            out.put(f.id(), f.leadCount());
        }
        return out;
    }

    /** The form's leads_count as /leadgen_forms answers it now. */
    private static long leadsCount(SampleGraphServer server, SampleForm form) {
        JsonNode forms = Http.get(server.baseUrl() + "/v25.0/" + form.pageId() + "/leadgen_forms?fields=id,leads_count"
                + "&access_token=" + SampleTokens.pageToken(form.pageId())).json().path("data");
        List<JsonNode> all = new ArrayList<>();
        forms.forEach(all::add);
        return all.stream().filter(n -> n.path("id").asText().equals(form.id())).findFirst().orElseThrow()
                .path("leads_count").asLong();
    }
}
