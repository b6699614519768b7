package io.leaddesk.sample;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Paging as Graph does it: {@code limit} (capped silently at the server's maximum), {@code before}/{@code after}
 * cursors (opaque base64 text) and absolute {@code next}/{@code previous} links that repeat the request's own
 * parameters and carry the token. Short lists (pages, forms) page by id; leads by keyset or offset cursors
 * ({@link LeadEndpoints}).
 */
final class SamplePaging {
    static final int DEFAULT_LIMIT = 25;

    private final String baseUrl;
    private volatile int maxPageSize;

    SamplePaging(String baseUrl, int maxPageSize) {
        this.baseUrl = baseUrl;
        this.maxPageSize = maxPageSize;
    }

    void maxPageSize(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxPageSize must be >= 1: " + n);
        }
        this.maxPageSize = n;
    }

    /** Writes item {@code index} of a list. */
    interface ItemWriter {
        void write(StringBuilder sb, int index);
    }

    /** Offset paging over a short list (pages, forms) with id cursors. */
    String listPage(SampleRequest req, SampleCaller caller, List<String> ids, ItemWriter writer) {
        int limit = limit(req);
        int from = 0;
        String after = req.get("after");
        String before = req.get("before");
        if (after != null && !after.isEmpty()) {
            int at = ids.indexOf(decodeCursor(after));
            if (at < 0) {
                throw GraphError.invalidCursor();
            }
            from = at + 1;
        } else if (before != null && !before.isEmpty()) {
            int at = ids.indexOf(decodeCursor(before));
            if (at < 0) {
                throw GraphError.invalidCursor();
            }
            from = Math.max(0, at - limit);
        }
        int to = Math.min(ids.size(), from + limit);
        if (from >= to) {
            return "{\"data\":[]}";
        }
        StringBuilder sb = new StringBuilder(1024).append("{\"data\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(',');
            }
            writer.write(sb, i);
        }
        String first = encodeCursor(ids.get(from));
        String last = encodeCursor(ids.get(to - 1));
        appendPaging(sb, req, caller, limit, first, last, to < ids.size(), from > 0);
        return sb.append('}').toString();
    }

    /** Appends {@code ,"paging":{"cursors":{...},"next":...,"previous":...}} (without the envelope's closing brace). */
    void appendPaging(StringBuilder sb, SampleRequest req, SampleCaller caller, int limit, String before,
                      String after, boolean next, boolean previous) {
        sb.append("],\"paging\":{\"cursors\":{\"before\":\"").append(before).append("\",\"after\":\"").append(after)
                .append("\"}");
        if (next) {
            sb.append(",\"next\":").append(Json.str(link(req, caller, limit, "after", after)));
        }
        if (previous) {
            sb.append(",\"previous\":").append(Json.str(link(req, caller, limit, "before", before)));
        }
        sb.append('}');
    }

    int limit(SampleRequest req) {
        String raw = req.get("limit");
        if (raw == null || raw.isEmpty()) {
            return Math.min(DEFAULT_LIMIT, maxPageSize);
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw GraphError.badParam("Param limit must be a non-negative integer");
        }
        if (limit < 0) {
            throw GraphError.badParam("Param limit must be a non-negative integer");
        }
        return Math.max(1, Math.min(limit, maxPageSize));
    }

    private String link(SampleRequest req, SampleCaller caller, int limit, String cursorName, String cursor) {
        StringBuilder u = new StringBuilder(256).append(baseUrl).append(req.rawPath).append('?');
        boolean hasToken = false;
        boolean hasLimit = false;
        for (String[] p : req.params) {
            String k = p[0];
            if (k.equals("after") || k.equals("before")) {
                continue;
            }
            String v = p[1];
            if (k.equals("limit")) {
                if (hasLimit) {
                    continue;
                }
                hasLimit = true;
                v = Integer.toString(limit);
            }
            if (k.equals("access_token")) {
                hasToken = true;
            }
            u.append(enc(k)).append('=').append(enc(v)).append('&');
        }
        if (!hasToken) {
            u.append("access_token=").append(enc(caller.token())).append('&');
        }
        if (!hasLimit) {
            u.append("limit=").append(limit).append('&');
        }
        return u.append(cursorName).append('=').append(enc(cursor)).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String encodeCursor(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    static String decodeCursor(String c) {
        try {
            return new String(Base64.getUrlDecoder().decode(c.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphError.invalidCursor();
        }
    }
}
