package io.leaddesk.graph;

import io.leaddesk.model.Lead;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A loop guard that fails must fail the test, not hang it. */
@Timeout(20)
class GraphErrorsTest extends GraphTestSupport {
    static final String P = "/v25.0/F1/leads";

    private GraphException leadsFailure(GraphClient c) {
        return catchThrowableOfType(GraphException.class,
                () -> c.leads(pageInfo(), "F1", null, l -> { }, () -> false, recordingListener));
    }

    /** One plain sentence for a person; no token, secret, or URL anywhere in the exception. */
    private void assertUserSafe(GraphException e) {
        assertThat(e).isNotNull();
        String m = e.getMessage();
        assertThat(m).endsWith(".").contains(": ").doesNotContain("\n").doesNotContain("http://")
                .doesNotContain(server.getHostName() + ":" + server.getPort());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(PAGE_TOKEN).doesNotContain(USER_TOKEN).doesNotContain(SECRET);
        assertThat(e.toString()).doesNotContain(PAGE_TOKEN);
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({
            "190, 463, TOKEN, has expired",
            "190, 460, TOKEN, password of its account was changed",
            "190, 467, TOKEN, sign in again",
            "190, 458, TOKEN, sign in again",
            "102, 0, TOKEN, sign in again",
            "2500, 0, TOKEN, sign in again",
            "10, 0, PERMISSION, leads_retrieval",
            "200, 0, PERMISSION, leads_retrieval",
            "294, 0, PERMISSION, permission",
            "100, 33, NOT_FOUND, does not exist",
            "100, 0, OTHER, Meta refused the request",
            "2642, 0, INVALID_CURSOR, sync the form again",
            "803, 0, OTHER, Meta refused the request",
    })
    void envelopeCodesMapToKindsWithAPlainSentenceAndNoToken(int code, int subcode, GraphErrorKind kind, String phrase) {
        // Graph sometimes echoes the token back in its message: it must be scrubbed
        route(r -> error(400, code, subcode, "(#" + code + ") Something about " + PAGE_TOKEN + " happened"));
        GraphException e = leadsFailure(client());
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.subcode()).isEqualTo(subcode);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.fbtraceId()).isEqualTo("AbCdTrace");
        assertThat(e.getMessage()).contains(phrase).contains("Meta error " + code);
        assertUserSafe(e);
        assertThat(requests()).hasSize(1); // not retried
        assertThat(sleeps).isEmpty();
    }

    @Test
    void expiredTokenSentence() {
        route(r -> error(400, 190, 463, "Error validating access token: Session has expired"));
        GraphException e = leadsFailure(client());
        assertThat(e.getMessage()).isEqualTo("The access token has expired (Meta error 190/463): create a new token"
                + " and sign in again (a system-user token does not expire, and 'leaddesk token extend' makes a"
                + " short-lived user token last about 60 days).");
        assertThat(e.tokenProblem()).isEqualTo(TokenProblem.EXPIRED);
        assertThat(e.expiredAt()).isNull();
        assertThat(e.messageKey()).isEqualTo("error.token.expired");
    }

    @Test
    void leadsRetrievalPermissionIsNamed() {
        route(r -> error(403, 200, 0, "(#200) Requires pages_read_engagement? no: missing permission"));
        GraphException e = leadsFailure(client());
        assertThat(e.missingPermission()).isEqualTo("leads_retrieval");
        assertThat(e.getMessage()).isEqualTo("The token lacks the leads_retrieval permission for this Page "
                + "(Meta error 200): ask a Page admin to grant it, or check Lead Access Manager.");
    }

    @Test
    void mentionedPermissionIsNamedOutsideLeads() {
        route(r -> error(400, 200, 0, "(#200) Requires pages_manage_ads permission to manage the object"));
        GraphException e = catchThrowableOfType(GraphException.class, () -> client().forms(pageInfo()));
        assertThat(e.kind()).isEqualTo(GraphErrorKind.PERMISSION);
        assertThat(e.missingPermission()).isEqualTo("pages_manage_ads");
        assertThat(e.getMessage()).contains("pages_manage_ads");
        assertUserSafe(e);
    }

    @Test
    void serverErrorThenSuccessIsRetriedWithBackoff() {
        AtomicInteger n = new AtomicInteger();
        route(r -> n.incrementAndGet() == 1 ? new MockResponse().setResponseCode(502).setBody("<html>Bad gateway</html>")
                : json(page(null, null, lead("1"))));
        List<Lead> got = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, got::addAll, () -> false, recordingListener);
        assertThat(got).extracting(Lead::id).containsExactly("1");
        assertThat(sleeps).containsExactly(Duration.ofMillis(100));
        assertThat(retryEvents).hasSize(1);
        assertThat(retryEvents.get(0)).startsWith("TRANSIENT|100|1|").contains("HTTP 502");
    }

    @Test
    void backoffDoublesWithJitterAndGivesUpAfterMaxRetryTime() {
        route(r -> new MockResponse().setResponseCode(503));
        GraphException e = leadsFailure(client(s -> s.withMaxRetryTime(Duration.ofSeconds(1))));
        // 100 + 200 + 400 = 700 ms waited; the next 800 ms would pass the 1 s budget
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(requests()).hasSize(4);
        assertThat(e.kind()).isEqualTo(GraphErrorKind.TRANSIENT);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.getMessage()).isEqualTo("Meta's servers failed temporarily (HTTP 503); LeadDesk retried for "
                + "700 ms and gave up after 4 attempts: try again later.");
        assertUserSafe(e);
    }

    @Test
    void jitterKeepsEachWaitWithinTheCap() {
        route(r -> new MockResponse().setResponseCode(500));
        client = new GraphClient(settings().withMaxRetryTime(Duration.ofSeconds(3)), recordingSleeper, () -> 0.5);
        GraphException e = leadsFailure(client);
        assertThat(sleeps).startsWith(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(e.getMessage()).contains("gave up after");
    }

    @Test
    void rateLimitHonoursEstimatedTimeToRegainAccess() {
        AtomicInteger n = new AtomicInteger();
        route(r -> n.incrementAndGet() == 1
                ? error(400, 80005, 0, "There have been too many leadgen api calls to this Page")
                .setHeader("X-Business-Use-Case-Usage", "{\"P1\":[{\"type\":\"leadgen\",\"call_count\":100,"
                        + "\"total_cputime\":3,\"total_time\":5,\"estimated_time_to_regain_access\":2},"
                        + "{\"type\":\"pages\",\"call_count\":10,\"estimated_time_to_regain_access\":1}]}")
                : json(page(null, null, lead("1"))));
        List<Lead> got = new ArrayList<>();
        client(s -> s.withMaxRetryTime(Duration.ofMinutes(10)))
                .leads(pageInfo(), "F1", null, got::addAll, () -> false, recordingListener);
        assertThat(got).hasSize(1);
        assertThat(retryEvents).first().asString().startsWith("RATE_LIMIT|120000|1|Meta is rate-limiting");
        assertThat(sleptMillis()).isEqualTo(120_000);
        assertThat(sleeps).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(GraphClient.WAIT_SLICE));
    }

    @Test
    void rateLimitLongerThanTheBudgetGivesUpAtOnceSayingHowLong() {
        route(r -> error(400, 80005, 0, "Too many calls")
                .setHeader("X-Business-Use-Case-Usage",
                        "{\"P1\":[{\"type\":\"leadgen\",\"call_count\":100,\"estimated_time_to_regain_access\":45}]}"));
        GraphException e = leadsFailure(client(s -> s.withMaxRetryTime(Duration.ofMinutes(10))));
        assertThat(e.kind()).isEqualTo(GraphErrorKind.RATE_LIMIT);
        assertThat(e.getMessage()).startsWith("Meta is rate-limiting requests for this Page (Meta error 80005)")
                .contains("45 minutes").contains("10 minutes");
        assertThat(sleeps).isEmpty();
        assertThat(requests()).hasSize(1);
        assertUserSafe(e);
    }

    @ParameterizedTest
    @CsvSource({"4", "17", "32", "341", "613", "80000", "80001", "80014"})
    void rateLimitCodesAreRetriedThenReported(int code) {
        route(r -> error(400, code, 0, "(#" + code + ") Application request limit reached"));
        GraphException e = leadsFailure(client(s -> s.withMaxRetryTime(Duration.ofMillis(350))));
        assertThat(e.kind()).isEqualTo(GraphErrorKind.RATE_LIMIT);
        assertThat(e.getMessage()).contains("rate-limiting").contains("gave up after 3 attempts").endsWith("try again later.");
        assertThat(requests()).hasSize(3);
    }

    @Test
    void transientEnvelopeFlagIsRetried() {
        AtomicInteger n = new AtomicInteger();
        route(r -> n.incrementAndGet() == 1
                ? json("{\"error\":{\"message\":\"Please retry\",\"code\":9999,\"is_transient\":true}}").setResponseCode(500)
                : json(page(null, null, lead("1"))));
        List<Lead> got = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, got::addAll, () -> false, recordingListener);
        assertThat(got).hasSize(1);
        assertThat(retryEvents).first().asString().startsWith("TRANSIENT|");
    }

    @Test
    void highUsageSlowsDownBeforeTheNextRequest() {
        route(r -> r.getRequestUrl().queryParameter("after") == null
                ? json(page(next(P, "C1"), "C1", lead("1")))
                .setHeader("X-App-Usage", "{\"call_count\":95,\"total_cputime\":20,\"total_time\":30}")
                : json(page(null, null, lead("2"))));
        List<Lead> got = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, got::addAll, () -> false, recordingListener);
        assertThat(got).hasSize(2);
        // 95% -> 17.5 s at a 1 s initial backoff; this test's backoff is 100 ms
        assertThat(sleptMillis()).isEqualTo(1750);
        assertThat(retryEvents).containsExactly("RATE_LIMIT|1750|0|Meta reports 95% of the rate limit used; slowing down for 2 seconds.");
    }

    @Test
    void lowUsageDoesNotSlowDown() {
        route(r -> json(page(null, null, lead("1")))
                .setHeader("X-Page-Usage", "{\"call_count\":60,\"total_cputime\":20,\"total_time\":74}"));
        client().leads(pageInfo(), "F1", null, l -> { }, () -> false, recordingListener);
        client.leads(pageInfo(), "F1", null, l -> { }, () -> false, recordingListener);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void slowDownGrowsWithUsage() {
        Duration s = Duration.ofSeconds(1);
        assertThat(Usage.slowDown(74, s)).isZero();
        assertThat(Usage.slowDown(75, s)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Usage.slowDown(90, s)).isEqualTo(Duration.ofSeconds(5));
        assertThat(Usage.slowDown(100, s)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Usage.slowDown(140, s)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Usage.slowDown(82, s)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    @Test
    void truncatedBodyIsRetriedThenSucceeds() {
        String full = page(null, null, lead("1"), lead("2"));
        AtomicInteger n = new AtomicInteger();
        route(r -> n.incrementAndGet() == 1 ? json(full.substring(0, full.length() / 2)) : json(full));
        List<Lead> got = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, got::addAll, () -> false, recordingListener);
        assertThat(got).extracting(Lead::id).containsExactly("1", "2");
        assertThat(retryEvents).hasSize(1).first().asString().startsWith("TRANSIENT|100|1|Meta sent an incomplete");
    }

    @Test
    void connectionDroppedMidBodyIsRetriedThenSucceeds() {
        String full = page(null, null, lead("1"));
        AtomicInteger n = new AtomicInteger();
        route(r -> n.incrementAndGet() == 1
                ? json(full + " ".repeat(100_000)).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY)
                : json(full));
        List<Lead> got = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, got::addAll, () -> false, recordingListener);
        assertThat(got).hasSize(1);
        assertThat(retryEvents).hasSize(1).first().asString().startsWith("TRANSIENT|");
    }

    @Test
    void readTimeoutIsTransient() {
        route(r -> json(page(null, null, lead("1"))).setBodyDelay(3, java.util.concurrent.TimeUnit.SECONDS));
        GraphException e = leadsFailure(client(s -> s.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200))
                .withMaxRetryTime(Duration.ZERO)));
        assertThat(e.kind()).isEqualTo(GraphErrorKind.TRANSIENT);
        assertThat(e.getMessage()).contains("did not answer in time");
        assertUserSafe(e);
    }

    @Test
    void connectionRefusedIsNetworkAndRetriedThenReported() throws Exception {
        MockWebServer dead = new MockWebServer();
        dead.start();
        String url = dead.url("/").toString();
        dead.shutdown();
        client = new GraphClient(settings().withBaseUrl(url).withMaxRetryTime(Duration.ofMillis(350)),
                recordingSleeper, () -> 1.0);
        GraphException e = catchThrowableOfType(GraphException.class, () -> client.whoami(new AccessToken(USER_TOKEN)));
        assertThat(e.kind()).isEqualTo(GraphErrorKind.NETWORK);
        assertThat(e.getMessage()).contains("cannot connect").contains("gave up after 3 attempts")
                .endsWith("check the internet connection or proxy, then try again.");
        assertThat(sleeps).hasSize(2);
        assertThat(e.getMessage()).doesNotContain(USER_TOKEN).doesNotContain("http://");
    }

    @Test
    void appSecretNeverInMessages() {
        route(r -> error(400, 100, 0, "Invalid appsecret_proof for secret " + SECRET));
        GraphException e = leadsFailure(client(s -> s.withAppSecret(SECRET)));
        assertThat(e.kind()).isEqualTo(GraphErrorKind.TOKEN);
        assertThat(e.tokenProblem()).isEqualTo(TokenProblem.APP_SECRET_WRONG);
        assertUserSafe(e);
    }

    @Test
    void unknown4xxWithoutEnvelopeIsNotRetried() {
        route(r -> new MockResponse().setResponseCode(404).setBody("nope"));
        GraphException e = leadsFailure(client());
        assertThat(e.kind()).isEqualTo(GraphErrorKind.OTHER);
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(requests()).hasSize(1);
        assertUserSafe(e);
    }

    @Test
    void retryListenerMessagesAndSettingsToStringHoldNoSecrets() {
        AtomicInteger n = new AtomicInteger();
        route(r -> n.incrementAndGet() == 1 ? error(500, 1, 0, "unknown error " + PAGE_TOKEN)
                : json(page(null, null, lead("1"))));
        client(s -> s.withAppSecret(SECRET)).leads(pageInfo(), "F1", null, l -> { }, () -> false, recordingListener);
        assertThat(retryEvents).hasSize(1);
        assertThat(String.join("\n", retryEvents)).doesNotContain(PAGE_TOKEN).doesNotContain(SECRET);
        assertThat(client.settings().toString()).doesNotContain(SECRET);
        assertThat(pageInfo().toString()).doesNotContain(PAGE_TOKEN);
    }
}
