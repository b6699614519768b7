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

    void record(AccessToken token, Response response, ObjectMapper mapper) {
        appUsage = Usage.percent(response.header("X-App-Usage"), mapper);
        int page = Math.max(Usage.percent(response.header("X-Page-Usage"), mapper),
                Usage.percent(response.header("X-Business-Use-Case-Usage"), mapper));
        if (token == null) {
            return;
        }
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
}
