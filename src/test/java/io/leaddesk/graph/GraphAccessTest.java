package io.leaddesk.graph;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The doctor's reads and the token exchange, as sent and as parsed. */
@Timeout(20)
class GraphAccessTest {
    private static final AccessToken SHORT = new AccessToken("EAAshortLIVEDtoken0123456789");
    private static final String SECRET = "app-secret-0123456789abcdef";
    private MockWebServer server;
    private GraphClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new GraphClient(GraphSettings.defaults().withBaseUrl(server.url("/").toString())
                .withMaxRetryTime(Duration.ofSeconds(2)).withInitialBackoff(Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    @Test
    void theExchangeSendsTheAppsCredentialsOnlyToMetaAndReadsTheExpiry() throws Exception {
        server.enqueue(json("{\"access_token\":\"EAAlongLIVEDtoken999\",\"token_type\":\"bearer\",\"expires_in\":5183944}"));
        GraphAccess.ExchangedToken t = client.access().exchange("100000000000001", SECRET, SHORT, null);
        assertThat(t.token().reveal()).isEqualTo("EAAlongLIVEDtoken999");
        assertThat(t.expiresInSeconds()).isEqualTo(5183944L);
        assertThat(t.toString()).doesNotContain("EAAlongLIVEDtoken999");
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/v25.0/oauth/access_token");
        assertThat(r.getRequestUrl().queryParameter("grant_type")).isEqualTo("fb_exchange_token");
        assertThat(r.getRequestUrl().queryParameter("client_id")).isEqualTo("100000000000001");
        assertThat(r.getRequestUrl().queryParameter("client_secret")).isEqualTo(SECRET);
        assertThat(r.getRequestUrl().queryParameter("fb_exchange_token")).isEqualTo(SHORT.reveal());
        assertThat(r.getHeader("Authorization")).isNull();
    }

    @Test
    void aWrongSecretIsATokenProblemNotRetriedAndNeverRepeated() {
        server.enqueue(json("{\"error\":{\"message\":\"Error validating client secret " + SECRET + ".\",\"type\":\"OAuthException\","
                + "\"code\":1,\"fbtrace_id\":\"T\"}}").setResponseCode(400));
        GraphException e = catchThrowableOfType(GraphException.class,
                () -> client.access().exchange("100000000000001", SECRET, SHORT, null));
        assertThat(e.tokenProblem()).isEqualTo(TokenProblem.APP_SECRET_WRONG);
        assertThat(server.getRequestCount()).isEqualTo(1);
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(SECRET).doesNotContain(SHORT.reveal());
    }

    @Test
    void debugTokenIsAskedWithTheAppTokenAndParsed() throws Exception {
        server.enqueue(json("{\"data\":{\"app_id\":\"100000000000001\",\"type\":\"SYSTEM_USER\",\"application\":\"App\","
                + "\"data_access_expires_at\":0,\"expires_at\":0,\"is_valid\":true,\"scopes\":[\"leads_retrieval\",\"pages_show_list\"],"
                + "\"user_id\":\"61550000000042\"}}"));
        GraphAccess.TokenDebug d = client.access().debugToken(SHORT, GraphAccess.appToken("100000000000001", SECRET), null);
        assertThat(d.valid()).isTrue();
        assertThat(d.type()).isEqualTo("SYSTEM_USER");
        assertThat(d.neverExpires()).isTrue();
        assertThat(d.expiresAt()).isNull();
        assertThat(d.dataAccessExpiresAt()).isNull();
        assertThat(d.scopes()).containsExactly("leads_retrieval", "pages_show_list");
        RecordedRequest r = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(r.getRequestUrl().queryParameter("input_token")).isEqualTo(SHORT.reveal());
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer 100000000000001|" + SECRET);

        server.enqueue(json("{\"data\":{\"type\":\"USER\",\"expires_at\":1800000000,\"data_access_expires_at\":1810000000,"
                + "\"is_valid\":true,\"scopes\":[]}}"));
        GraphAccess.TokenDebug user = client.access().debugToken(SHORT, SHORT, null);
        assertThat(user.expiresAt()).isEqualTo(Instant.ofEpochSecond(1800000000));
        assertThat(user.dataAccessExpiresAt()).isEqualTo(Instant.ofEpochSecond(1810000000));
        assertThat(user.neverExpires()).isFalse();
    }

    @Test
    void permissionsAccountsAndLeadAccessAreRead() {
        server.enqueue(json("{\"data\":[{\"permission\":\"leads_retrieval\",\"status\":\"declined\"},"
                + "{\"permission\":\"pages_show_list\",\"status\":\"granted\"},{\"permission\":\"ads_read\",\"status\":\"expired\"}]}"));
        GraphAccess.Permissions p = client.access().permissions(SHORT, null);
        assertThat(p.granted()).containsExactly("pages_show_list");
        assertThat(p.declined()).containsExactly("leads_retrieval");
        assertThat(p.expired()).containsExactly("ads_read");

        server.enqueue(json("{\"data\":[{\"id\":\"1\",\"name\":\"A\",\"tasks\":[\"ANALYZE\"]},"
                + "{\"id\":\"2\",\"name\":\"B\",\"tasks\":[\"ADVERTISE\"],\"access_token\":\"EAApageTOKEN2\"}]}"));
        var accounts = client.access().accounts(SHORT, null);
        assertThat(accounts).hasSize(2);
        assertThat(accounts.get(0).pageToken()).isNull(); // kept: the doctor names why
        assertThat(accounts.get(0).tasks()).containsExactly("ANALYZE");
        assertThat(accounts.get(1).pageToken().reveal()).isEqualTo("EAApageTOKEN2");

        server.enqueue(json("{\"id\":\"2\",\"has_lead_access\":{\"can_access_lead\":false,\"enabled_lead_access_manager\":true,"
                + "\"failure_reason\":\"not assigned\",\"user_has_leads_permission\":false,\"app_has_leads_permission\":true},"
                + "\"leadgen_tos_accepted\":false}"));
        GraphAccess.PageLeadAccess a = client.access().leadAccess("2", SHORT, null);
        assertThat(a.canAccessLead()).isFalse();
        assertThat(a.enabledLeadAccessManager()).isTrue();
        assertThat(a.userHasLeadsPermission()).isFalse();
        assertThat(a.appHasLeadsPermission()).isTrue();
        assertThat(a.failureReason()).isEqualTo("not assigned");
        assertThat(a.failureResolution()).isNull();
        assertThat(a.tosAccepted()).isFalse();

        server.enqueue(json("{\"data\":[{\"id\":\"L1\",\"created_time\":\"2025-10-08T09:09:27+0000\"}]}"));
        assertThat(client.access().trialRead("F1", SHORT, null)).isEqualTo(1);
    }
}
