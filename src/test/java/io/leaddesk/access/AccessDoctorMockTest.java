package io.leaddesk.access;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The doctor's cases the sample server does not show, against answers shaped like Meta's. */
@Timeout(20)
class AccessDoctorMockTest {
    private static final String USER = "EAAuserTOKEN0123456789abcdef";
    private MockWebServer server;
    private GraphClient graph;
    /** path (without version) -> answer; unknown paths answer an empty list. */
    private final Map<String, MockResponse> answers = new HashMap<>();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest r) {
                String path = r.getRequestUrl().encodedPath().replaceFirst("^/v25\\.0", "");
                MockResponse m = answers.get(path);
                return m != null ? m : json("{\"data\":[]}");
            }
        });
        server.start();
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.url("/").toString())
                .withMaxRetryTime(Duration.ZERO));
        long in30Days = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
        answer("/me", "{\"id\":\"U1\",\"name\":\"Olena\",\"metadata\":{\"type\":\"user\"}}");
        answer("/debug_token", "{\"data\":{\"type\":\"USER\",\"app_id\":\"1\",\"is_valid\":true,\"expires_at\":" + in30Days
                + ",\"data_access_expires_at\":" + in30Days + ",\"scopes\":[]}}");
        answer("/me/permissions", "{\"data\":[" + granted("leads_retrieval", "pages_show_list", "pages_read_engagement",
                "pages_manage_ads", "ads_read") + "]}");
        answer("/me/accounts", "{\"data\":[{\"id\":\"P1\",\"name\":\"Page One\",\"tasks\":[\"ADVERTISE\"],"
                + "\"access_token\":\"EAApageTOKENone123456\"}]}");
        answer("/P1", "{\"id\":\"P1\",\"has_lead_access\":{\"can_access_lead\":true},\"leadgen_tos_accepted\":true}");
        answer("/P1/leadgen_forms", "{\"data\":[{\"id\":\"F1\",\"name\":\"Form\",\"status\":\"ACTIVE\",\"leads_count\":3}]}");
        answer("/F1/leads", "{\"data\":[{\"id\":\"L1\",\"created_time\":\"2025-10-08T09:09:27+0000\"}]}");
    }

    @AfterEach
    void stop() throws Exception {
        graph.close();
        server.shutdown();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private void answer(String path, String body) {
        answers.put(path, json(body));
    }

    private void fail(String path, int code, int subcode, String message) {
        answers.put(path, json("{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_subcode\":" + subcode + ",\"fbtrace_id\":\"T\"}}").setResponseCode(400));
    }

    private static String granted(String... permissions) {
        StringBuilder sb = new StringBuilder();
        for (String p : permissions) {
            sb.append(sb.length() > 0 ? "," : "").append("{\"permission\":\"").append(p).append("\",\"status\":\"granted\"}");
        }
        return sb.toString();
    }

    private AccessReport examine() {
        return new AccessDoctor(graph, Clock.systemUTC()).examine(new AccessToken(USER), null, null);
    }

    private static List<FindingCode> codes(List<Finding> f) {
        return f.stream().map(Finding::code).toList();
    }

    @Test
    void theBaselineIsReadable() {
        AccessReport r = examine();
        assertThat(r.all()).isEmpty();
        assertThat(r.outcome()).isEqualTo(AccessReport.Outcome.READABLE);
    }

    @Test
    void termsNotAcceptedAreNamedForThePage() {
        answer("/P1", "{\"id\":\"P1\",\"has_lead_access\":{\"can_access_lead\":true},\"leadgen_tos_accepted\":false}");
        AccessReport r = examine();
        Finding f = r.pages().get(0).problems().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.TOS_NOT_ACCEPTED);
        assertThat(f.message()).contains("Page One");
        assertThat(f.fix()).contains("facebook.com/ads/leadgen/tos");
    }

    @Test
    void aPageWhoseFormsCannotBeReadIsUnreachable() {
        fail("/P1/leadgen_forms", 100, 33, "Unsupported get request. Object with ID 'P1' does not exist");
        AccessReport r = examine();
        PageReport p = r.pages().get(0);
        assertThat(p.canReadLeads()).isFalse();
        assertThat(p.forms()).isNull();
        assertThat(codes(p.problems())).containsExactly(FindingCode.PAGE_UNREACHABLE);
        assertThat(p.problems().get(0).message()).contains("Page One").contains("does not exist");
        assertThat(r.outcome()).isEqualTo(AccessReport.Outcome.BLOCKED);
    }

    @Test
    void aTokenThatReachesNoPageSaysSo() {
        answer("/me/accounts", "{\"data\":[]}");
        AccessReport r = examine();
        assertThat(codes(r.problems())).containsExactly(FindingCode.NO_PAGES);
        assertThat(r.outcome()).isEqualTo(AccessReport.Outcome.BLOCKED);
    }

    @Test
    void aMissingPermissionIsNamedAndExpiredDataAccessToo() {
        long past = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
        answer("/debug_token", "{\"data\":{\"type\":\"USER\",\"is_valid\":true,\"expires_at\":0,\"data_access_expires_at\":"
                + past + ",\"scopes\":[]}}");
        answer("/me/permissions", "{\"data\":[" + granted("leads_retrieval", "pages_show_list", "pages_read_engagement",
                "ads_management") + "]}");
        AccessReport r = examine();
        assertThat(codes(r.problems())).containsExactlyInAnyOrder(FindingCode.DATA_ACCESS_EXPIRED, FindingCode.PERMISSION_MISSING);
        Finding missing = r.problems().stream().filter(f -> f.code() == FindingCode.PERMISSION_MISSING).findFirst().orElseThrow();
        assertThat(missing.permission()).isEqualTo("pages_manage_ads");
        assertThat(missing.blocking()).isFalse();
        assertThat(missing.message()).contains("pages_manage_ads");
    }

    @Test
    void aRoleWithoutAPageTokenIsMissingATask() {
        answer("/me/accounts", "{\"data\":[{\"id\":\"P1\",\"name\":\"Page One\",\"tasks\":[\"ANALYZE\"]}]}");
        AccessReport r = examine();
        assertThat(codes(r.pages().get(0).problems())).containsExactly(FindingCode.MISSING_TASK);
        assertThat(r.pages().get(0).canReadLeads()).isFalse();
    }

    @Test
    void metaRefusingTheLeadsForItsOwnReasonIsTold() {
        answer("/P1", "{\"id\":\"P1\",\"has_lead_access\":{\"can_access_lead\":false,\"failure_reason\":\"The Page is restricted.\","
                + "\"failure_resolution\":\"Appeal in Page Quality.\",\"user_has_leads_permission\":true,"
                + "\"app_has_leads_permission\":true,\"enabled_lead_access_manager\":false},\"leadgen_tos_accepted\":true}");
        AccessReport r = examine();
        Finding f = r.pages().get(0).problems().get(0);
        assertThat(f.code()).isEqualTo(FindingCode.LEAD_ACCESS_DENIED);
        assertThat(f.message()).contains("The Page is restricted").doesNotContain("..");
        assertThat(f.fix()).startsWith("Meta suggests: Appeal in Page Quality.");
        assertThat(r.pages().get(0).canReadLeads()).isFalse();
    }
}
