package io.leaddesk.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code /{form_id}/leads}: the leads of a form, newest first, {@code filtering} on time_created, paged by keyset
 * cursors (created_time + id: leads added while paging do not shift pages) or, with
 * {@link SampleOptions.Cursor#OFFSET}, by offset cursors counted from the newest lead, as some servers do: there a
 * lead that arrives while a client pages pushes every later page down by one, so pages repeat leads already served.
 * With {@link SampleOptions#arrivals()} new leads arrive in the form at every request for its leads, before the page
 * is cut: the form's n-th request brings {@code arrivals[n % size]}. {@link SampleOptions#refusePagesAbove()} refuses
 * pages that would hold more leads than that with Graph's "reduce the amount of data" error, and
 * {@link SampleOptions#refuseCombinedFilters()} refuses more than one {@code filtering} entry per request.
 */
final class LeadEndpoints {
    private static final String OFFSET = "offset:";

    private final SampleDataset dataset;
    private final SamplePaging paging;
    private final SampleFaultInjector faults;
    private final SampleOptions.Cursor cursor;
    private final int refusePagesAbove;
    private final boolean refuseCombinedFilters;
    private volatile int[] arrivals;
    private final Map<String, AtomicInteger> requestsByForm = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> filterings = new ConcurrentHashMap<>();
    private final AtomicInteger refusedPages = new AtomicInteger();
    /** The {@code limit} of every leads request, as asked (before the cap), in arrival order. */
    private final java.util.concurrent.ConcurrentLinkedQueue<Integer> limitsAsked = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final ObjectMapper mapper = new ObjectMapper();

    LeadEndpoints(SampleDataset dataset, SamplePaging paging, SampleFaultInjector faults, SampleOptions options) {
        this.dataset = dataset;
        this.paging = paging;
        this.faults = faults;
        this.cursor = options.cursor();
        this.refusePagesAbove = options.refusePagesAbove();
        this.refuseCombinedFilters = options.refuseCombinedFilters();
        arrivals(options.arrivals());
    }

    /** Replaces the arrivals pattern (the count of requests per form goes on). */
    void arrivals(List<Integer> perRequest) {
        this.arrivals = perRequest.stream().mapToInt(Integer::intValue).toArray();
    }

    private int arrivalsNow(SampleForm form) {
        int[] pattern = arrivals;
        if (pattern.length == 0) {
            return 0;
        }
        int n = requestsByForm.computeIfAbsent(form.id(), k -> new AtomicInteger()).getAndIncrement();
        return pattern[Math.floorMod(n, pattern.length)];
    }

    /** How often each {@code filtering} value was asked for (every page of a paged pull counts). */
    Map<String, Integer> filterings() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        filterings.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** The {@code limit} every leads request asked for so far (missing: Graph's default), in arrival order. */
    List<Integer> limitsAsked() {
        return List.copyOf(limitsAsked);
    }

    /** Pages refused with "reduce the amount of data" so far. */
    int refusedPages() {
        return refusedPages.get();
    }

    private static int parsedOr(String raw, int otherwise) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    static int leadMask(SampleRequest req) {
        try {
            return SampleDataset.leadFieldMask(req.get("fields"));
        } catch (IllegalArgumentException e) {
            throw GraphError.nonexistingField(e.getMessage(), "LeadgenLead");
        }
    }

    String leads(SampleCaller caller, SampleForm form, SampleRequest req) {
        SampleAuth.requirePageToken(caller, form.pageId(), form.id());
        if (!caller.leadsPermission()) {
            throw GraphError.noLeadsPermission();
        }
        int mask = leadMask(req);
        String asked = req.get("limit");
        limitsAsked.add(asked == null || asked.isBlank() ? SamplePaging.DEFAULT_LIMIT : parsedOr(asked, -1));
        int limit = paging.limit(req);
        int arriving = arrivalsNow(form);
        if (arriving > 0) {
            dataset.arrive(form, arriving);
        }
        int count = form.count();
        int lo = 0;
        int hi = count;
        String filtering = req.get("filtering");
        filterings.computeIfAbsent(filtering == null ? "" : filtering, k -> new AtomicInteger()).incrementAndGet();
        if (filtering != null && !filtering.isBlank()) {
            long[] range = filterRange(form, filtering, count);
            lo = (int) range[0];
            hi = (int) range[1];
        }
        String after = req.get("after");
        String before = req.get("before");
        faults.roll(req, form.pageId());
        int top;
        int bottom;
        if (cursor == SampleOptions.Cursor.OFFSET) {
            int skip = 0;
            if (after != null && !after.isEmpty()) {
                skip = offsetOf(after);
            } else if (before != null && !before.isEmpty()) {
                skip = Math.max(0, offsetOf(before) - limit);
            }
            top = hi - 1 - skip;
            bottom = Math.max(lo, top - limit + 1);
        } else if (after != null && !after.isEmpty()) {
            top = Math.min(hi - 1, cursorIndex(form, after) - 1);
            bottom = Math.max(lo, top - limit + 1);
        } else if (before != null && !before.isEmpty()) {
            bottom = Math.max(lo, cursorIndex(form, before) + 1);
            top = Math.min(hi - 1, bottom + limit - 1);
        } else {
            top = hi - 1;
            bottom = Math.max(lo, top - limit + 1);
        }
        if (top < bottom) {
            return "{\"data\":[]}";
        }
        int n = top - bottom + 1;
        if (refusePagesAbove > 0 && n > refusePagesAbove) {
            refusedPages.incrementAndGet();
            throw GraphError.reduceData();
        }
        StringBuilder sb = new StringBuilder(n * form.leadSizeHint(mask) + 1024).append("{\"data\":[");
        for (int i = top; i >= bottom; i--) {
            if (i < top) {
                sb.append(',');
            }
            SampleFaultInjector.BadLead bad = faults.badLead(form, i);
            if (bad == SampleFaultInjector.BadLead.NONE) {
                form.appendLead(sb, i, mask);
            } else {
                appendBadLead(sb, form, i, mask, bad);
            }
        }
        form.recordLeadSize(mask, (sb.length() - 9) / n);
        String first;
        String last;
        boolean previous;
        if (cursor == SampleOptions.Cursor.OFFSET) {
            int skip = hi - 1 - top;
            first = SamplePaging.encodeCursor(OFFSET + skip);
            last = SamplePaging.encodeCursor(OFFSET + (skip + n));
            previous = skip > 0;
        } else {
            first = leadCursor(form, top);
            last = leadCursor(form, bottom);
            previous = top < hi - 1 && (after != null || before != null);
        }
        paging.appendPaging(sb, req, caller, limit, first, last, bottom > lo, previous);
        return sb.append('}').toString();
    }

    /** A lead as Meta sends it broken: without id, without created_time, or with a created_time that is no date. */
    private static void appendBadLead(StringBuilder sb, SampleForm form, int index, int mask,
                                      SampleFaultInjector.BadLead bad) {
        int m = mask == SampleForm.DEFAULT_FIELDS
                ? SampleForm.F_CREATED_TIME | SampleForm.F_ID | SampleForm.F_FIELD_DATA : mask;
        if (bad == SampleFaultInjector.BadLead.NO_ID) {
            form.appendLead(sb, index, m & ~SampleForm.F_ID);
            return;
        }
        int start = sb.length();
        form.appendLead(sb, index, m & ~SampleForm.F_CREATED_TIME);
        if (bad == SampleFaultInjector.BadLead.BAD_CREATED_TIME && (m & SampleForm.F_CREATED_TIME) != 0) {
            boolean empty = sb.charAt(start + 1) == '}';
            sb.insert(start + 1, "\"created_time\":\"2025-13-45T99:99:99+0000\"" + (empty ? "" : ","));
        }
    }

    private static int offsetOf(String cursor) {
        String s = SamplePaging.decodeCursor(cursor);
        if (!s.startsWith(OFFSET)) {
            throw GraphError.invalidCursor();
        }
        try {
            int n = Integer.parseInt(s.substring(OFFSET.length()));
            if (n < 0) {
                throw GraphError.invalidCursor();
            }
            return n;
        } catch (NumberFormatException e) {
            throw GraphError.invalidCursor();
        }
    }

    private static String leadCursor(SampleForm form, int index) {
        return SamplePaging.encodeCursor(form.createdEpoch(index) + ":" + form.leadIdNumber(index));
    }

    private static int cursorIndex(SampleForm form, String cursor) {
        String s = SamplePaging.decodeCursor(cursor);
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw GraphError.invalidCursor();
        }
        try {
            long t = Long.parseLong(s.substring(0, colon));
            int index = form.indexOf(Long.parseLong(s.substring(colon + 1)));
            if (index < 0 || form.createdEpoch(index) != t) {
                throw GraphError.invalidCursor();
            }
            return index;
        } catch (NumberFormatException e) {
            throw GraphError.invalidCursor();
        }
    }

    /** [lo, hi) of indexes that pass the filtering. */
    private long[] filterRange(SampleForm form, String filtering, int count) {
        JsonNode arr;
        try {
            arr = mapper.readTree(filtering);
        } catch (IOException e) {
            throw GraphError.badParam("param filtering must be a JSON array of {field, operator, value}");
        }
        if (arr == null || !arr.isArray()) {
            throw GraphError.badParam("param filtering must be a JSON array of {field, operator, value}");
        }
        if (refuseCombinedFilters && arr.size() > 1) {
            throw GraphError.oneFilterOnly(arr.size());
        }
        int lo = 0;
        int hi = count;
        for (int i = 0; i < arr.size(); i++) {
            JsonNode f = arr.get(i);
            String field = f.path("field").asText("");
            String op = f.path("operator").asText("");
            JsonNode valueNode = f.path("value");
            if (!field.equals("time_created") && !field.equals("created_time")) {
                throw GraphError.badParam("filtering[" + i + "][field] '" + field
                        + "' is not a filterable field of LeadgenLead (use time_created)");
            }
            long v;
            if (valueNode.isNumber()) {
                v = valueNode.asLong();
            } else {
                try {
                    v = Long.parseLong(valueNode.asText("").trim());
                } catch (NumberFormatException e) {
                    throw GraphError.badParam("filtering[" + i + "][value] must be a Unix timestamp");
                }
            }
            switch (op) {
                case "GREATER_THAN" -> lo = Math.max(lo, form.firstIndexAfter(v, false, count));
                case "GREATER_THAN_OR_EQUAL" -> lo = Math.max(lo, form.firstIndexAfter(v, true, count));
                case "LESS_THAN" -> hi = Math.min(hi, form.firstIndexAfter(v, true, count));
                case "LESS_THAN_OR_EQUAL" -> hi = Math.min(hi, form.firstIndexAfter(v, false, count));
                default -> throw GraphError.badParam("filtering[" + i + "][operator] must be one of GREATER_THAN, "
                        + "GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL");
            }
        }
        return new long[]{lo, Math.max(lo, hi)};
    }
}
