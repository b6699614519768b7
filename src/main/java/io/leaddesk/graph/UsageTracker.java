package io.leaddesk.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Response;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last usage percentages Meta reported: the app-wide one ({@code X-App-Usage}) and per token (Page usage and
 * business use case usage). Shared by every {@link GraphCaller} of one client, whatever its settings.
 */
final class UsageTracker {
    private volatile int appUsage;
    private final Map<AccessToken, Integer> tokenUsage = new ConcurrentHashMap<>();
    private final Map<AccessToken, Long> tokenRegain = new ConcurrentHashMap<>();

    void record(AccessToken token, Response response, ObjectMapper mapper) {
        appUsage = Usage.percent(response.header("X-App-Usage"), mapper);
        if (token == null) {
            return; // a call without a token (the app token exchange) only tells the app's usage
        }
        long regain = Math.max(Usage.regainMinutes(response.header("X-Business-Use-Case-Usage"), mapper),
                Usage.regainMinutes(response.header("X-Page-Usage"), mapper));
        if (regain > 0) {
            tokenRegain.put(token, regain);
        } else {
            tokenRegain.remove(token);
        }
        int page = Math.max(Usage.percent(response.header("X-Page-Usage"), mapper),
                Usage.percent(response.header("X-Business-Use-Case-Usage"), mapper));
        if (page > 0) {
            tokenUsage.put(token, page);
        } else {
            tokenUsage.remove(token);
        }
    }

    /** The highest usage that applies to requests with this token. */
    int current(AccessToken token) {
        return token == null ? appUsage : Math.max(appUsage, tokenUsage.getOrDefault(token, 0));
    }

    /** The highest usage and wait Meta reported last, over the app and every token. */
    UsageSnapshot snapshot() {
        int highest = appUsage;
        for (int v : tokenUsage.values()) {
            highest = Math.max(highest, v);
        }
        long regain = 0;
        for (long v : tokenRegain.values()) {
            regain = Math.max(regain, v);
        }
        return new UsageSnapshot(highest, regain);
    }
}
