package io.leaddesk.graph;

import java.time.Duration;

/**
 * How to reach Graph. {@code appSecret} is optional (null = no appsecret_proof); like the token it is never logged.
 *
 * @param baseUrl        default {@code https://graph.facebook.com}
 * @param version        default {@code v25.0}
 * @param pageSize       the {@code limit} asked for on /leads (servers may cap it silently)
 * @param maxRetryTime   how long retries of transient and rate-limit failures may take in total before giving up
 * @param initialBackoff first retry delay; doubles each attempt (with jitter), capped at one minute
 */
public record GraphSettings(String baseUrl, String version, String appSecret, Duration connectTimeout,
                            Duration readTimeout, int pageSize, Duration maxRetryTime, Duration initialBackoff) {
    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com";
    public static final String DEFAULT_VERSION = "v25.0";

    public static GraphSettings defaults() {
        return new GraphSettings(DEFAULT_BASE_URL, DEFAULT_VERSION, null, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 500, Duration.ofMinutes(10), Duration.ofSeconds(1));
    }

    public GraphSettings withBaseUrl(String url) {
        return new GraphSettings(url, version, appSecret, connectTimeout, readTimeout, pageSize, maxRetryTime, initialBackoff);
    }

    public GraphSettings withVersion(String v) {
        return new GraphSettings(baseUrl, v, appSecret, connectTimeout, readTimeout, pageSize, maxRetryTime, initialBackoff);
    }

    public GraphSettings withAppSecret(String s) {
        return new GraphSettings(baseUrl, version, s, connectTimeout, readTimeout, pageSize, maxRetryTime, initialBackoff);
    }

    public GraphSettings withPageSize(int n) {
        return new GraphSettings(baseUrl, version, appSecret, connectTimeout, readTimeout, n, maxRetryTime, initialBackoff);
    }

    public GraphSettings withMaxRetryTime(Duration d) {
        return new GraphSettings(baseUrl, version, appSecret, connectTimeout, readTimeout, pageSize, d, initialBackoff);
    }

    public GraphSettings withTimeouts(Duration connect, Duration read) {
        return new GraphSettings(baseUrl, version, appSecret, connect, read, pageSize, maxRetryTime, initialBackoff);
    }

    public GraphSettings withInitialBackoff(Duration d) {
        return new GraphSettings(baseUrl, version, appSecret, connectTimeout, readTimeout, pageSize, maxRetryTime, d);
    }

    @Override
    public String toString() {
        return "GraphSettings[baseUrl=" + baseUrl + ", version=" + version + ", appSecret=" + (appSecret == null ? "none" : "set")
                + ", pageSize=" + pageSize + "]";
    }
}
