package io.leaddesk.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Duration;

/**
 * Graph usage headers: {@code X-App-Usage} and {@code X-Page-Usage} ({@code {"call_count","total_cputime","total_time"}}
 * in percent) and {@code X-Business-Use-Case-Usage} ({@code {"<id>":[{...,"estimated_time_to_regain_access"}]}}).
 * Unparseable headers count as 0.
 */
final class Usage {
    private Usage() {
    }

    /** The highest percentage in the header (0 when absent or unreadable). */
    static int percent(String header, ObjectMapper mapper) {
        JsonNode n = read(header, mapper);
        if (n == null) {
            return 0;
        }
        int[] max = {0};
        visitEntries(n, e -> {
            for (String f : new String[]{"call_count", "total_cputime", "total_time"}) {
                max[0] = Math.max(max[0], e.path(f).asInt(0));
            }
        });
        return max[0];
    }

    /** The highest estimated_time_to_regain_access (minutes) in the header, 0 when none. */
    static long regainMinutes(String header, ObjectMapper mapper) {
        JsonNode n = read(header, mapper);
        if (n == null) {
            return 0;
        }
        long[] max = {0};
        visitEntries(n, e -> max[0] = Math.max(max[0], e.path("estimated_time_to_regain_access").asLong(0)));
        return max[0];
    }

    /**
     * How long to wait before the next request at this usage: nothing below 75%, about 1 s at 75%, 5 s at 90%,
     * 30 s at 100% and above; scaled by initialBackoff / 1 s.
     */
    static Duration slowDown(int usage, Duration initialBackoff) {
        if (usage < 75) {
            return Duration.ZERO;
        }
        double ms;
        if (usage >= 100) {
            ms = 30_000;
        } else if (usage >= 90) {
            ms = 5_000 + (usage - 90) * 2_500.0;
        } else {
            ms = 1_000 + (usage - 75) * (4_000.0 / 15);
        }
        double scale = initialBackoff == null ? 1.0 : initialBackoff.toNanos() / 1e9;
        return Duration.ofNanos((long) (ms * 1e6 * scale));
    }

    private static JsonNode read(String header, ObjectMapper mapper) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return mapper.readTree(header);
        } catch (Exception e) {
            return null;
        }
    }

    /** The object itself when it holds usage fields, else every object nested in it (BUC: id -> list of objects). */
    private static void visitEntries(JsonNode n, java.util.function.Consumer<JsonNode> visit) {
        if (n.isObject() && (n.has("call_count") || n.has("total_time") || n.has("total_cputime")
                || n.has("estimated_time_to_regain_access"))) {
            visit.accept(n);
            return;
        }
        if (n.isContainerNode()) {
            n.forEach(child -> visitEntries(child, visit));
        }
    }
}
