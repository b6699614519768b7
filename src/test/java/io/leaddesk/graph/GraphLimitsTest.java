package io.leaddesk.graph;

import okhttp3.mockwebserver.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Time and size limits of one Graph call: the retry budget is wall-clock and counts network waits, one attempt has
 * an overall timeout, and an answer has a maximum size. A limit that fails must fail the test, not hang it.
 */
@Timeout(30)
class GraphLimitsTest extends GraphTestSupport {
    private static final Pattern STATED = Pattern.compile("retried for (\\d+) (ms|seconds?|minutes)");
    /** Room for a loaded machine's scheduling on top of what the limits allow. */
    /**
     * A safety net, not a speed target: the attempt and sleep counts below hold the budget's logic; this only catches
     * a retry loop that ignores the budget, with room for a loaded 2-core CI machine.
     */
    private static final Duration SLACK = Duration.ofSeconds(3);

    private static long statedMillis(String message) {
        Matcher m = STATED.matcher(message);
        assertThat(m.find()).as(message).isTrue();
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> n;
            case "minutes" -> n * 60_000;
            default -> n * 1000;
        };
    }

    @Test
    void whoamiAgainstAServerThatNeverAnswersEndsWithinTheBudgetPlusOneTimeout() throws Exception {
        Duration read = Duration.ofMillis(200);
        Duration budget = Duration.ofMillis(800);
        try (RawHttpServer silent = new RawHttpServer(RawHttpServer.Mode.SILENT)) {
            // backoff waits are recorded instead of slept; the budget clock is real time plus those waits
            Ticker clock = () -> System.nanoTime() + virtualNanos.get();
            client = new GraphClient(settings().withBaseUrl(silent.url()).withTimeouts(Duration.ofSeconds(2), read)
                    .withMaxRetryTime(budget), recordingSleeper, () -> 1.0, clock);
            long t0 = clock.nanos();
            GraphException e = catchThrowableOfType(GraphException.class,
                    () -> client.whoami(new AccessToken(USER_TOKEN)));
            Duration took = Duration.ofNanos(clock.nanos() - t0);

            assertThat(e.kind()).isEqualTo(GraphErrorKind.TRANSIENT);
            assertThat(e.getMessage()).startsWith("Meta did not answer in time (timeout); LeadDesk retried for ")
                    .endsWith(": try again later.").doesNotContain("\n");
            assertThat(took).isLessThan(budget.plus(read).plus(SLACK));
            // 100 + 200 ms of backoff and three read timeouts fill the budget; a fourth attempt is not begun
            assertThat(silent.accepted()).isBetween(2, 3);
            assertThat(sleeps).hasSize(silent.accepted() - 1);
            // the sentence states the time really spent, network waits included, not only the backoff waits
            assertThat(statedMillis(e.getMessage()))
                    .isGreaterThanOrEqualTo(sleptMillis() + silent.accepted() * read.toMillis() - 50);
        }
    }

    @Test
    void timeSpentOnTheNetworkCountsAgainstTheRetryBudget() {
        // every attempt takes 5 s of (virtual) network time before failing
        route(r -> {
            virtualNanos.addAndGet(Duration.ofSeconds(5).toNanos());
            return new MockResponse().setResponseCode(503);
        });
        GraphException e = catchThrowableOfType(GraphException.class, () -> client().whoami(new AccessToken(USER_TOKEN)));
        // 5 s + 0.1 s wait + 5 s = 10.1 s spent; the next 0.2 s wait would pass the 10 s budget
        assertThat(requests()).hasSize(2);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100));
        assertThat(e.getMessage()).isEqualTo("Meta's servers failed temporarily (HTTP 503); LeadDesk retried for "
                + "10 seconds and gave up after 2 attempts: try again later.");
    }

    @Test
    void aBodyThatTricklesInEndsAtTheCallTimeout() {
        route(r -> json(page(null, null, lead("1"))).throttleBody(1, 100, TimeUnit.MILLISECONDS));
        GraphException e = catchThrowableOfType(GraphException.class, () -> client(s -> s
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withCallTimeout(Duration.ofMillis(500)).withMaxRetryTime(Duration.ZERO))
                .leads(pageInfo(), "F1", null, l -> { }, () -> false, recordingListener));
        assertThat(e.kind()).isEqualTo(GraphErrorKind.TRANSIENT);
        assertThat(e.getMessage()).contains("did not answer in time");
        assertThat(GraphSettings.defaults().callTimeout()).isEqualTo(GraphSettings.DEFAULT_CALL_TIMEOUT)
                .isPositive();
        assertThat(GraphSettings.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)).callTimeout())
                .isEqualTo(GraphSettings.DEFAULT_CALL_TIMEOUT);
    }

    @Test
    void anAnswerWithoutAnEndIsRefusedWithOneSentenceAndNotRetried() throws Exception {
        try (RawHttpServer endless = new RawHttpServer(RawHttpServer.Mode.ENDLESS)) {
            client = new GraphClient(settings().withBaseUrl(endless.url()), recordingSleeper, () -> 1.0, virtualTicker);
            GraphException e = catchThrowableOfType(GraphException.class,
                    () -> client.whoami(new AccessToken(USER_TOKEN)));
            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(GraphErrorKind.OTHER);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("The answer to one request was larger than 64 MB, far more than any "
                    + "real Graph page, so LeadDesk stopped reading it: check the Graph API address in the settings, "
                    + "lower the page size (LEADDESK_PAGE_SIZE), and try again.");
            assertThat(endless.accepted()).isEqualTo(1);
            assertThat(endless.bytesSent()).isGreaterThan(GraphCaller.MAX_RESPONSE_BYTES);
            assertThat(sleeps).isEmpty();
        }
    }

    @Test
    void aDeclaredLengthAboveTheCapIsRefusedAndOneAtTheCapIsRead() {
        String body = "{\"id\":\"U1\",\"name\":\"Olena\",\"metadata\":{\"type\":\"user\"}}" + " ".repeat(2000);
        route(r -> json(body));
        GraphClient exact = client().withMaxResponseBytes(body.length());
        assertThat(exact.whoami(new AccessToken(USER_TOKEN)).id()).isEqualTo("U1");
        GraphClient smaller = client.withMaxResponseBytes(body.length() - 1);
        GraphException e = catchThrowableOfType(GraphException.class, () -> smaller.whoami(new AccessToken(USER_TOKEN)));
        assertThat(e.getMessage()).startsWith("The answer to one request was larger than");
        assertThat(requests()).hasSize(2);
    }

    @Test
    void aClientForAnotherPurposeHasItsOwnSettingsAndSharesTheConnections() {
        AtomicInteger n = new AtomicInteger();
        route(r -> n.incrementAndGet() % 2 == 1 ? new MockResponse().setResponseCode(503)
                : json("{\"id\":\"U1\",\"name\":\"Olena\",\"metadata\":{\"type\":\"user\"}}"));
        GraphClient sync = client();
        GraphClient quick = sync.withSettings(sync.settings().withMaxRetryTime(Duration.ZERO));
        assertThat(quick.settings().maxRetryTime()).isZero();
        assertThat(sync.settings().maxRetryTime()).isEqualTo(Duration.ofSeconds(10));

        GraphException e = catchThrowableOfType(GraphException.class, () -> quick.whoami(new AccessToken(USER_TOKEN)));
        assertThat(e.getMessage()).contains("gave up after 1 attempt");
        quick.close(); // closes nothing the first client needs
        n.set(0);
        assertThat(sync.whoami(new AccessToken(USER_TOKEN)).id()).isEqualTo("U1");
        assertThat(requests()).hasSize(3);
    }
}
