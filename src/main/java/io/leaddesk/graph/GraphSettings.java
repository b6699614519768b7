package io.leaddesk.graph;

import java.time.Duration;

/**
 * How to reach Graph. {@code appSecret} is optional (null = no appsecret_proof); like the token it is never logged.
 * One {@link GraphClient} can serve several purposes with different settings ({@link GraphClient#withSettings}).
 *
 * @param baseUrl        default {@code https://graph.facebook.com}
 * @param version        default {@code v25.0}
 * @param connectTimeout how long connecting to the server may take
 * @param readTimeout    how long the server may stay silent (while answering too)
 * @param pageSize       the {@code limit} asked for on /leads (servers may cap it silently)
 * @param maxRetryTime   the wall-clock budget of one call: how long it may take in total, attempts and network
 *                       waits (timeouts) included, before the client stops retrying transient and rate-limit
 *                       failures; an attempt begun within the budget may end up to one timeout after it
 * @param initialBackoff first retry delay; doubles each attempt (with jitter), capped at one minute
 * @param callTimeout    how long one attempt may take from connecting to the last byte of the answer, so that a
 *                       body that trickles in byte by byte cannot run for ever; zero = no limit
 */
public record GraphSettings(String baseUrl, String version, String appSecret, Duration connectTimeout,
                            Duration readTimeout, int pageSize, Duration maxRetryTime, Duration initialBackoff,
                            Duration callTimeout) {
    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com";
    public static final String DEFAULT_VERSION = "v25.0";
    /** A large page (500 leads, a few MB) still arrives within this over a slow connection. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(3);

    public GraphSettings {
        callTimeout = callTimeout == null || callTimeout.isNegative() ? Duration.ZERO : callTimeout;
    }

    /** With the {@link #DEFAULT_CALL_TIMEOUT}. */
    public GraphSettings(String baseUrl, String version, String appSecret, Duration connectTimeout,
                         Duration readTimeout, int pageSize, Duration maxRetryTime, Duration initialBackoff) {
        this(baseUrl, version, appSecret, connectTimeout, readTimeout, pageSize, maxRetryTime, initialBackoff,
                DEFAULT_CALL_TIMEOUT);
    }

    public static GraphSettings defaults() {
        return new GraphSettings(DEFAULT_BASE_URL, DEFAULT_VERSION, null, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 500, Duration.ofMinutes(10), Duration.ofSeconds(1), DEFAULT_CALL_TIMEOUT);
    }

    /** How long connecting may take when a token is checked at sign-in. */
    public static final Duration SIGN_IN_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long Meta may stay silent when a token is checked at sign-in. */
    public static final Duration SIGN_IN_READ_TIMEOUT = Duration.ofSeconds(8);
    /** How long one attempt of the sign-in check may take in all. */
    public static final Duration SIGN_IN_CALL_TIMEOUT = Duration.ofSeconds(10);
    /** How long the sign-in check keeps retrying one call: a short budget, the long one is for syncs. */
    public static final Duration SIGN_IN_RETRY_TIME = Duration.ofSeconds(4);

    /**
     * The same address, version and secret with the short timeouts and retry budget of a sign-in check: a check
     * against a silent or unreachable server ends within seconds instead of after the sync's long retry budget.
     */
    public GraphSettings forSignIn() {
        Duration backoff = initialBackoff == null || initialBackoff.compareTo(Duration.ofSeconds(1)) > 0
                ? Duration.ofSeconds(1) : initialBackoff;
        Duration retry = maxRetryTime == null || maxRetryTime.compareTo(SIGN_IN_RETRY_TIME) > 0
                ? SIGN_IN_RETRY_TIME : maxRetryTime;
        return new GraphSettings(baseUrl, version, appSecret, shorter(connectTimeout, SIGN_IN_CONNECT_TIMEOUT),
                shorter(readTimeout, SIGN_IN_READ_TIMEOUT), pageSize, retry, backoff,
                callTimeout.isZero() ? SIGN_IN_CALL_TIMEOUT : shorter(callTimeout, SIGN_IN_CALL_TIMEOUT));
    }

    private static Duration shorter(Duration mine, Duration limit) {
        return mine == null || mine.isZero() || mine.isNegative() || mine.compareTo(limit) > 0 ? limit : mine;
    }

    public GraphSettings withBaseUrl(String url) {
        return new GraphSettings(url, version, appSecret, connectTimeout, readTimeout, pageSize, maxRetryTime,
                initialBackoff, callTimeout);
    }

    public GraphSettings withVersion(String v) {
        return new GraphSettings(baseUrl, v, appSecret, connectTimeout, readTimeout, pageSize, maxRetryTime,
                initialBackoff, callTimeout);
    }

    public GraphSettings withAppSecret(String s) {
        return new GraphSettings(baseUrl, version, s, connectTimeout, readTimeout, pageSize, maxRetryTime,
                initialBackoff, callTimeout);
    }

    public GraphSettings withPageSize(int n) {
        return new GraphSettings(baseUrl, version, appSecret, connectTimeout, readTimeout, n, maxRetryTime,
                initialBackoff, callTimeout);
    }

    public GraphSettings withMaxRetryTime(Duration d) {
        return new GraphSettings(baseUrl, version, appSecret, connectTimeout, readTimeout, pageSize, d,
                initialBackoff, callTimeout);
    }

    /** Connect and read timeouts; the call timeout stays (it is the limit for a body that trickles in). */
    public GraphSettings withTimeouts(Duration connect, Duration read) {
        return new GraphSettings(baseUrl, version, appSecret, connect, read, pageSize, maxRetryTime,
                initialBackoff, callTimeout);
    }

    public GraphSettings withCallTimeout(Duration d) {
        return new GraphSettings(baseUrl, version, appSecret, connectTimeout, readTimeout, pageSize, maxRetryTime,
                initialBackoff, d);
    }

    public GraphSettings withInitialBackoff(Duration d) {
        return new GraphSettings(baseUrl, version, appSecret, connectTimeout, readTimeout, pageSize, maxRetryTime, d,
                callTimeout);
    }

    @Override
    public String toString() {
        return "GraphSettings[baseUrl=" + baseUrl + ", version=" + version + ", appSecret=" + (appSecret == null ? "none" : "set")
                + ", pageSize=" + pageSize + "]";
    }
}
