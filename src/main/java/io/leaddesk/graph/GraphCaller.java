package io.leaddesk.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * One Graph GET with retries: transient and rate-limit failures are retried with exponential backoff and jitter
 * (honouring {@code estimated_time_to_regain_access}) within a wall-clock budget ({@link GraphSettings#maxRetryTime})
 * that counts everything since the first attempt began: backoff waits, and the time attempts spent connecting,
 * waiting for an answer and reading it. An attempt begun within the budget ends at the latest one timeout after
 * it. A body is read through {@link BoundedBody}, at most {@link #MAX_RESPONSE_BYTES}.
 *
 * <p>A call is normally cancelled between attempts and during waits; one made with {@code abortInFlight} is also
 * cancelled while it waits for the server ({@link CallWatch}), so a Cancel button or a deadline ends it at once.
 */
final class GraphCaller {
    private static final Logger LOG = LoggerFactory.getLogger(GraphClient.class);

    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** Long waits are cut into slices so that cancellation is noticed within about a second. */
    static final Duration WAIT_SLICE = Duration.ofSeconds(1);
    /**
     * The largest answer accepted for one request: many times the largest real page (500 leads with long answers
     * are a few MB). A larger one is refused as a failed request, not retried: asking again brings the same.
     */
    static final long MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    @FunctionalInterface
    interface BodyParser<T> {
        T parse(String body) throws IOException;
    }

    private final GraphSettings settings;
    private final OkHttpClient http;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final Ticker ticker;
    private final UsageTracker usage;
    private final ObjectMapper mapper;
    private final long maxResponseBytes;
    private final CallWatch watch;

    GraphCaller(GraphSettings settings, OkHttpClient shared, Sleeper sleeper, DoubleSupplier jitter, Ticker ticker,
                UsageTracker usage, ObjectMapper mapper, long maxResponseBytes, CallWatch watch) {
        this.watch = Objects.requireNonNull(watch, "watch");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.usage = usage;
        this.mapper = mapper;
        this.maxResponseBytes = maxResponseBytes;
        // same connection pool and threads as every other caller of the client; own timeouts
        this.http = shared.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .build();
    }

    GraphSettings settings() {
        return settings;
    }

    <T> T get(HttpUrl url, AccessToken token, String endpoint, BodyParser<T> parser,
              BooleanSupplier cancelled, RetryListener listener) {
        return call(url, token, true, endpoint, parser, cancelled, false, listener);
    }

    /** Like {@link #get}, and cancelled in flight as soon as {@code cancelled} is true. */
    <T> T getAbortable(HttpUrl url, AccessToken token, String endpoint, BodyParser<T> parser, BooleanSupplier cancelled) {
        return call(url, token, true, endpoint, parser, cancelled, true, RetryListener.NONE);
    }

    /**
     * The general form: {@code token} may be null (no Authorization header, e.g. the token exchange, whose
     * credentials are query parameters); {@code prove} adds appsecret_proof when an app secret is set;
     * {@code extraSecrets} (values sent in the query) are scrubbed from every sentence like the token.
     */
    <T> T call(HttpUrl url, AccessToken token, boolean prove, String endpoint, BodyParser<T> parser,
               BooleanSupplier cancelled, boolean abortInFlight, RetryListener listener, String... extraSecrets) {
        HttpUrl signed = prove && token != null ? sign(url, token) : url;
        String[] secrets = new String[2 + extraSecrets.length];
        secrets[0] = token == null ? null : token.reveal();
        secrets[1] = settings.appSecret();
        System.arraycopy(extraSecrets, 0, secrets, 2, extraSecrets.length);
        Duration budget = settings.maxRetryTime() == null || settings.maxRetryTime().isNegative()
                ? Duration.ZERO : settings.maxRetryTime();
        Duration initial = settings.initialBackoff() == null || settings.initialBackoff().isNegative()
                ? Duration.ofSeconds(1) : settings.initialBackoff();
        checkCancelled(cancelled);
        slowDownIfBusy(token, cancelled, listener);
        long started = ticker.nanos();
        int attempt = 0;
        while (true) {
            attempt++;
            checkCancelled(cancelled);
            Problem problem;
            try {
                return once(signed, token, endpoint, parser, abortInFlight ? cancelled : null);
            } catch (Problem.Raised r) {
                problem = r.problem;
            }
            Duration spent = Duration.ofNanos(Math.max(0, ticker.nanos() - started));
            if (!problem.retryable()) {
                LOG.debug("GET {} failed: {} (code {}), not retried", signed.encodedPath(), problem.kind(), problem.code());
                throw problem.toException(secrets);
            }
            Duration wait;
            if (problem.kind() == GraphErrorKind.RATE_LIMIT && problem.regainMinutes() > 0) {
                wait = Duration.ofMinutes(problem.regainMinutes());
                if (spent.plus(wait).compareTo(budget) > 0) {
                    LOG.warn("GET {}: rate limited, Meta asks to wait {} minutes; giving up", signed.encodedPath(),
                            problem.regainMinutes());
                    throw problem.giveUpTooLongToWait(attempt, budget, secrets);
                }
            } else {
                long capNanos = Math.min(MAX_BACKOFF.toNanos(),
                        initial.toNanos() * (1L << Math.min(attempt - 1, 30)));
                double j = Math.max(0.0, Math.min(1.0, jitter.getAsDouble()));
                wait = Duration.ofNanos((long) (capNanos * j));
                if (spent.plus(wait).compareTo(budget) > 0) {
                    LOG.warn("GET {}: {} after {} attempts in {} ms; giving up", signed.encodedPath(), problem.kind(),
                            attempt, spent.toMillis());
                    throw problem.giveUp(attempt, spent, secrets);
                }
            }
            LOG.info("GET {}: {} (code {}); retrying in {} ms", signed.encodedPath(), problem.kind(), problem.code(),
                    wait.toMillis());
            listener.waiting(problem.kind(), wait, attempt,
                    Problem.scrub(problem.what() + "; retrying in " + Problem.human(wait) + ".", secrets));
            pause(wait, cancelled);
        }
    }

    private <T> T once(HttpUrl url, AccessToken token, String endpoint, BodyParser<T> parser,
                       BooleanSupplier abortWhen) throws Problem.Raised {
        Request.Builder rb = new Request.Builder().url(url).header("Accept", "application/json").get();
        if (token != null) {
            rb.header("Authorization", "Bearer " + token.reveal());
        }
        LOG.debug("GET {}", url.encodedPath());
        Call call = http.newCall(rb.build());
        if (abortWhen != null) {
            watch.watch(call, abortWhen);
        }
        try {
            return exchange(call, url, token, endpoint, parser, abortWhen);
        } finally {
            if (abortWhen != null) {
                watch.release(call);
            }
        }
    }

    private <T> T exchange(Call call, HttpUrl url, AccessToken token, String endpoint, BodyParser<T> parser,
                           BooleanSupplier abortWhen) throws Problem.Raised {
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            abortedIf(abortWhen);
            throw new Problem.Raised(Problem.fromIo(e, url.host(), false));
        }
        try (response) {
            int status = response.code();
            String body;
            try {
                body = BoundedBody.read(response.body(), maxResponseBytes);
            } catch (BoundedBody.TooLarge e) {
                LOG.warn("GET {}: the answer is larger than {} bytes; refused", url.encodedPath(), maxResponseBytes);
                throw new Problem.Raised(Problem.tooLarge(status, maxResponseBytes));
            } catch (IOException e) {
                abortedIf(abortWhen);
                throw new Problem.Raised(Problem.fromIo(e, url.host(), true));
            }
            usage.record(token, response, mapper);
            if (response.isSuccessful()) {
                Problem inBody = startsWithError(body) ? Problem.fromBody(body, status, endpoint, mapper) : null;
                if (inBody == null) {
                    try {
                        return parser.parse(body);
                    } catch (IOException | RuntimeException e) {
                        IOException io = e instanceof IOException ioe ? ioe : new IOException(e.getClass().getSimpleName());
                        throw new Problem.Raised(Problem.malformed(status, io));
                    }
                }
                throw new Problem.Raised(withRegain(inBody, response));
            }
            Problem p = Problem.fromBody(body, status, endpoint, mapper);
            if (p == null) {
                p = Problem.fromHttp(status);
            }
            throw new Problem.Raised(withRegain(p, response));
        }
    }

    /** A call cut short by its cancel signal ends as a cancellation, not as a network failure to retry. */
    private static void abortedIf(BooleanSupplier abortWhen) {
        if (abortWhen != null && abortWhen.getAsBoolean()) {
            throw new CancellationException("Cancelled");
        }
    }

    private static boolean startsWithError(String body) {
        int i = 0;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        return body.startsWith("{\"error\"", i);
    }

    private Problem withRegain(Problem p, Response response) {
        if (p.kind() != GraphErrorKind.RATE_LIMIT) {
            return p;
        }
        long minutes = Math.max(Usage.regainMinutes(response.header("X-Business-Use-Case-Usage"), mapper),
                Usage.regainMinutes(response.header("X-Page-Usage"), mapper));
        return minutes > 0 ? p.withRegainMinutes(minutes) : p;
    }

    private void slowDownIfBusy(AccessToken token, BooleanSupplier cancelled, RetryListener listener) {
        int current = token == null ? usage.current(null) : usage.current(token);
        Duration delay = Usage.slowDown(current, settings.initialBackoff());
        if (delay.isZero()) {
            return;
        }
        LOG.info("Meta reports {}% of a rate limit used; waiting {} ms before the next request", current, delay.toMillis());
        listener.waiting(GraphErrorKind.RATE_LIMIT, delay, 0,
                "Meta reports " + current + "% of the rate limit used; slowing down for " + Problem.human(delay) + ".");
        pause(delay, cancelled);
    }

    private void pause(Duration wait, BooleanSupplier cancelled) {
        Duration left = wait;
        while (left.compareTo(Duration.ZERO) > 0) {
            checkCancelled(cancelled);
            Duration slice = left.compareTo(WAIT_SLICE) > 0 ? WAIT_SLICE : left;
            try {
                sleeper.sleep(slice);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Interrupted while waiting to retry a Graph request");
            }
            left = left.minus(slice);
        }
        checkCancelled(cancelled);
    }

    static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled");
        }
    }

    private HttpUrl sign(HttpUrl url, AccessToken token) {
        HttpUrl.Builder b = url.newBuilder().removeAllQueryParameters("access_token")
                .removeAllQueryParameters("appsecret_proof");
        if (settings.appSecret() != null) {
            b.addQueryParameter("appsecret_proof", GraphClient.appSecretProof(token.reveal(), settings.appSecret()));
        }
        return b.build();
    }
}
