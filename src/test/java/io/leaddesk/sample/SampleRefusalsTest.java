package io.leaddesk.sample;

import static io.leaddesk.sample.Http.enc;
import static io.leaddesk.sample.Http.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the sample Graph API refuses what Meta refuses (pages it finds too large, two filters in one request
 * where a server takes only one), shares its leads out as a benchmark asks, and counts the requests in flight.
 */
class SampleRefusalsTest {

    private static String leadsUrl(SampleGraphServer s, SampleForm f, String query) {
        return s.baseUrl() + "/v25.0/" + f.id() + "/leads?fields=id,created_time&" + query + "&access_token="
                + SampleTokens.pageToken(f.pageId());
    }

    private static String range(String lowOp, long low, String highOp, long high) {
        return enc("[{\"field\":\"time_created\",\"operator\":\"" + lowOp + "\",\"value\":" + low + "},"
                + "{\"field\":\"time_created\",\"operator\":\"" + highOp + "\",\"value\":" + high + "}]");
    }

    @Test
    void aPageAboveTheSizeIsRefusedAsGraphRefusesTooMuchDataAndSmallerPagesAreServed() {
        try (SampleGraphServer s = SampleGraphServer.start(SampleOptions.defaults().withLeads(2000)
                .withRefusePagesAbove(100))) {
            SampleForm f = s.dataset().pages().get(0).forms().get(0);
            assertThat(f.leadCount()).isGreaterThan(150);

            Http.Resp refused = get(leadsUrl(s, f, "limit=101"));
            assertThat(refused.status()).isEqualTo(500);
            JsonNode e = refused.json().path("error");
            assertThat(e.path("code").asInt()).isEqualTo(1);
            assertThat(e.path("type").asText()).isEqualTo("OAuthException");
            assertThat(e.path("message").asText())
                    .isEqualTo("Please reduce the amount of data you're asking for, then retry your request");
            assertThat(e.has("is_transient")).as("Graph sends this one without is_transient").isFalse();
            assertThat(e.path("fbtrace_id").asText()).isNotEmpty();

            Http.Resp served = get(leadsUrl(s, f, "limit=100"));
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.json().path("data").size()).isEqualTo(100);

            // what counts is the page as it would be served: the last, short page of a large limit passes
            long oldest = s.dataset().leadCreatedEpochSecond(f.id(), 49);
            String lastFifty = enc("[{\"field\":\"time_created\",\"operator\":\"LESS_THAN\",\"value\":" + (oldest + 1)
                    + "}]");
            Http.Resp tail = get(leadsUrl(s, f, "limit=500&filtering=" + lastFifty));
            assertThat(tail.status()).as(tail.body()).isEqualTo(200);
            assertThat(tail.json().path("data").size()).isBetween(1, 100);
        }
        try (SampleGraphServer plain = SampleGraphServer.start(SampleOptions.defaults().withLeads(2000))) {
            SampleForm f = plain.dataset().pages().get(0).forms().get(0);
            assertThat(get(leadsUrl(plain, f, "limit=500")).status()).as("no refusal unless asked for").isEqualTo(200);
        }
    }

    @Test
    void twoFiltersInOneRequestAreRefusedNamingFilteringWhileOneFilterIsServed() {
        try (SampleGraphServer s = SampleGraphServer.start(SampleOptions.defaults().withLeads(2000)
                .withRefuseCombinedFilters(true))) {
            SampleForm f = s.dataset().pages().get(0).forms().get(0);
            long low = s.dataset().leadCreatedEpochSecond(f.id(), 10);
            long high = s.dataset().leadCreatedEpochSecond(f.id(), 60);

            Http.Resp refused = get(leadsUrl(s, f, "limit=100&filtering="
                    + range("GREATER_THAN_OR_EQUAL", low, "LESS_THAN", high)));
            assertThat(refused.status()).isEqualTo(400);
            JsonNode e = refused.json().path("error");
            assertThat(e.path("code").asInt()).isEqualTo(100);
            assertThat(e.path("message").asText()).contains("filtering");

            String one = enc("[{\"field\":\"time_created\",\"operator\":\"LESS_THAN\",\"value\":" + high + "}]");
            Http.Resp served = get(leadsUrl(s, f, "limit=100&filtering=" + one));
            assertThat(served.status()).isEqualTo(200);
            assertThat(served.json().path("data").size()).isEqualTo(60);
        }
        try (SampleGraphServer plain = SampleGraphServer.start(SampleOptions.defaults().withLeads(2000))) {
            SampleForm f = plain.dataset().pages().get(0).forms().get(0);
            long low = plain.dataset().leadCreatedEpochSecond(f.id(), 10);
            long high = plain.dataset().leadCreatedEpochSecond(f.id(), 60);
            Http.Resp served = get(leadsUrl(plain, f, "limit=100&filtering="
                    + range("GREATER_THAN_OR_EQUAL", low, "LESS_THAN", high)));
            assertThat(served.status()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            served.json().path("data").forEach(l -> ids.add(l.path("id").asText()));
            assertThat(ids).as("[low, high): leads 10 to 59, newest first").hasSize(50)
                    .startsWith(plain.dataset().leadId(f.id(), 59)).endsWith(plain.dataset().leadId(f.id(), 10));
        }
    }

    @Test
    void formWeightsShareTheLeadsOutAmongAllTwelveForms() {
        List<Integer> weights = List.of(11, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        try (SampleGraphServer s = SampleGraphServer.start(SampleOptions.defaults().withLeads(10_000)
                .withFormWeights(weights))) {
            List<SampleForm> forms = s.dataset().allForms();
            assertThat(forms).hasSize(12);
            assertThat(forms.get(0).leadCount()).isEqualTo(5000);
            assertThat(forms).allSatisfy(f -> assertThat(f.leadCount()).isPositive());
            assertThat(s.dataset().totalLeadCount()).isEqualTo(10_000);
        }
        assertThatThrownBy(() -> SampleGraphServer.start(SampleOptions.defaults().withFormWeights(1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 forms");
        assertThatThrownBy(() -> SampleOptions.defaults().withFormWeights(0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleOptions.parseWeights("1,x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("form weights");
        assertThat(SampleOptions.parseWeights("11, 1,1")).containsExactly(11, 1, 1);
        assertThatThrownBy(() -> SampleOptions.defaults().withRefusePagesAbove(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requestsInFlightAreCountedUntilTheirAnswerIsWritten() {
        try (SampleGraphServer s = SampleGraphServer.start(SampleOptions.defaults().withLeads(100))) {
            assertThat(s.requestsInFlight()).isZero();
            assertThat(s.mostRequestsInFlight()).isZero();
            for (int i = 0; i < 3; i++) {
                assertThat(get(s.baseUrl() + "/v25.0/me?access_token=" + SampleTokens.USER).status()).isEqualTo(200);
            }
            assertThat(get(s.baseUrl() + "/v25.0/nothing-here?access_token=" + SampleTokens.USER).status())
                    .isEqualTo(400);
            assertThat(s.requestCount()).isEqualTo(4);
            assertThat(s.mostRequestsInFlight()).as("one request after the other").isEqualTo(1);
            assertThat(s.requestsInFlight()).as("answered requests, errors too, no longer count").isZero();
            s.resetMostRequestsInFlight();
            assertThat(s.mostRequestsInFlight()).isZero();
        }
    }
}
