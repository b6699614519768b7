package io.leaddesk.sample;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request to the sample Graph API: its raw path, method, Authorization header and query parameters (in order,
 * and the first value of each name). The query is parsed by {@link #parseQuery()}, inside the router, so that a
 * malformed one is answered with a Graph error.
 */
final class SampleRequest {
    final String rawPath;
    final String method;
    final String authorization;
    private final String rawQuery;
    final List<String[]> params = new ArrayList<>();
    private final Map<String, String> first = new LinkedHashMap<>();
    /** Set by fault injection: answer with half the body. */
    boolean truncate;

    SampleRequest(String rawPath, String method, String authorization, String rawQuery) {
        this.rawPath = rawPath;
        this.method = method;
        this.authorization = authorization;
        this.rawQuery = rawQuery;
    }

    String get(String name) {
        return first.get(name);
    }

    void parseQuery() {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                k = URLDecoder.decode(k, StandardCharsets.UTF_8);
                v = URLDecoder.decode(v, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw GraphError.badParam("Malformed query string");
            }
            params.add(new String[]{k, v});
            first.putIfAbsent(k, v);
        }
    }

    /** The top-level names of {@code fields}, or {@code dflt} when none were asked for. */
    List<String> fieldsOr(List<String> dflt) {
        String raw = get("fields");
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        return SampleDataset.topLevelFields(raw);
    }

    /** The asked fields in canonical order (all canonical fields when nothing was asked). */
    static List<String> ordered(List<String> asked, List<String> canonical) {
        if (asked == null) {
            return canonical;
        }
        return canonical.stream().filter(asked::contains).toList();
    }
}
