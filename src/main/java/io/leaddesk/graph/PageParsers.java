package io.leaddesk.graph;

import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming parsers for Graph result pages. One pass over the body (as a char[]) records where each element of
 * {@code data} starts and ends, so that {@code rawJson} is an exact substring of the response, and (for leads)
 * extracts the record fields at the same time. Any malformed or truncated body throws a Jackson
 * {@link com.fasterxml.jackson.core.JsonProcessingException}, which the client treats as transient.
 */
final class PageParsers {
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private PageParsers() {
    }

    /** A result page of leads plus its paging links. */
    record LeadPage(List<Lead> leads, String next, String after) {
    }

    /** A result page of raw element texts (forms, accounts) plus its paging links. */
    record RawPage(List<String> items, String next, String after) {
    }

    private static final class Paging {
        String next;
        String after;
    }

    static LeadPage leads(String body) throws IOException {
        Envelope<Lead> e = envelope(body, PageParsers::lead);
        return new LeadPage(e.items, e.paging.next, e.paging.after);
    }

    /** A single lead object as the whole body ({@code GET /{lead_id}}). */
    static Lead singleLead(String body) throws IOException {
        char[] chars = body.toCharArray();
        try (JsonParser p = FACTORY.createParser(chars, 0, chars.length)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            Lead lead = lead(p, body);
            expectEnd(p);
            return lead;
        }
    }

    static RawPage raw(String body) throws IOException {
        Envelope<String> e = envelope(body, (p, text) -> {
            int start = (int) p.currentTokenLocation().getCharOffset();
            p.skipChildren();
            int end = (int) p.currentLocation().getCharOffset();
            return text.substring(start, end);
        });
        return new RawPage(e.items, e.paging.next, e.paging.after);
    }

    /** Reads one element of {@code data}; the parser stands on its START_OBJECT and must end on its END_OBJECT. */
    @FunctionalInterface
    private interface ElementReader<T> {
        T read(JsonParser p, String body) throws IOException;
    }

    private record Envelope<T>(List<T> items, Paging paging) {
    }

    /** The {@code {"data":[...], "paging":{...}}} envelope every list endpoint answers with. */
    private static <T> Envelope<T> envelope(String body, ElementReader<T> element) throws IOException {
        char[] chars = body.toCharArray();
        try (JsonParser p = FACTORY.createParser(chars, 0, chars.length)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            List<T> items = new ArrayList<>();
            Paging paging = new Paging();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("data".equals(name) && v == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                        items.add(element.read(p, body));
                    }
                    expect(p, t, JsonToken.END_ARRAY);
                } else if ("paging".equals(name) && v == JsonToken.START_OBJECT) {
                    paging(p, paging);
                } else {
                    p.skipChildren();
                }
            }
            expect(p, t, JsonToken.END_OBJECT);
            expectEnd(p);
            return new Envelope<>(items, paging);
        }
    }

    private static void paging(JsonParser p, Paging out) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if ("next".equals(name) && v == JsonToken.VALUE_STRING) {
                out.next = p.getText();
            } else if ("cursors".equals(name) && v == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String c = p.currentName();
                    JsonToken cv = p.nextToken();
                    if ("after".equals(c) && cv == JsonToken.VALUE_STRING) {
                        out.after = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** Parser positioned on the lead's START_OBJECT; returns positioned on its END_OBJECT. */
    private static Lead lead(JsonParser p, String body) throws IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        String id = null, createdTime = null, formId = null, adId = null, adName = null, adsetId = null, adsetName = null;
        String campaignId = null, campaignName = null, platform = null, partnerName = null, retailerItemId = null;
        Boolean organic = null;
        List<FieldAnswer> fields = List.of();
        List<DisclaimerResponse> disclaimers = List.of();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "id" -> id = scalar(p, v);
                case "created_time" -> createdTime = scalar(p, v);
                case "form_id" -> formId = scalar(p, v);
                case "ad_id" -> adId = scalar(p, v);
                case "ad_name" -> adName = scalar(p, v);
                case "adset_id" -> adsetId = scalar(p, v);
                case "adset_name" -> adsetName = scalar(p, v);
                case "campaign_id" -> campaignId = scalar(p, v);
                case "campaign_name" -> campaignName = scalar(p, v);
                case "platform" -> platform = scalar(p, v);
                case "partner_name" -> partnerName = scalar(p, v);
                case "retailer_item_id" -> retailerItemId = scalar(p, v);
                case "is_organic" -> organic = bool(p, v);
                case "field_data" -> fields = fieldData(p, v);
                case "custom_disclaimer_responses" -> disclaimers = disclaimerResponses(p, v);
                default -> p.skipChildren();
            }
        }
        expect(p, t, JsonToken.END_OBJECT);
        int end = (int) p.currentLocation().getCharOffset();
        return new Lead(id, createdTime, epochSeconds(createdTime), formId, adId, adName, adsetId, adsetName,
                campaignId, campaignName, organic, platform, partnerName, retailerItemId, fields, disclaimers,
                body.substring(start, end));
    }

    private static List<FieldAnswer> fieldData(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.START_OBJECT) {
            // {"data":[...]} edge shape, tolerated
            List<FieldAnswer> out = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String n = p.currentName();
                JsonToken d = p.nextToken();
                if ("data".equals(n) && d == JsonToken.START_ARRAY) {
                    out = fieldData(p, d);
                } else {
                    p.skipChildren();
                }
            }
            return out;
        }
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<FieldAnswer> out = new ArrayList<>(8);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String name = null;
            List<String> values = List.of();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String n = p.currentName();
                JsonToken fv = p.nextToken();
                if ("name".equals(n)) {
                    name = scalar(p, fv);
                } else if ("values".equals(n)) {
                    if (fv == JsonToken.START_ARRAY) {
                        values = values(p);
                    } else {
                        String s = scalar(p, fv);
                        values = s == null ? List.of() : List.of(s);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (name != null) {
                out.add(new FieldAnswer(name, values));
            }
        }
        return out;
    }

    /** The strings of a values array as an immutable list (which the records then keep without copying). */
    private static List<String> values(JsonParser p) throws IOException {
        JsonToken e = p.nextToken();
        if (e == JsonToken.END_ARRAY) {
            return List.of();
        }
        String first = scalar(p, e);
        e = p.nextToken();
        if (e == JsonToken.END_ARRAY) {
            return first == null ? List.of() : List.of(first);
        }
        String[] all = new String[4];
        int n = 0;
        if (first != null) {
            all[n++] = first;
        }
        while (e != JsonToken.END_ARRAY) {
            String s = scalar(p, e);
            if (s != null) {
                if (n == all.length) {
                    all = java.util.Arrays.copyOf(all, n * 2);
                }
                all[n++] = s;
            }
            e = p.nextToken();
        }
        return List.of(java.util.Arrays.copyOf(all, n));
    }

    private static List<DisclaimerResponse> disclaimerResponses(JsonParser p, JsonToken v) throws IOException {
        if (v != JsonToken.START_ARRAY) {
            p.skipChildren();
            return List.of();
        }
        List<DisclaimerResponse> out = new ArrayList<>(2);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            String key = null;
            boolean checked = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String n = p.currentName();
                JsonToken fv = p.nextToken();
                if ("checkbox_key".equals(n)) {
                    key = scalar(p, fv);
                } else if ("is_checked".equals(n)) {
                    checked = Boolean.TRUE.equals(bool(p, fv));
                } else {
                    p.skipChildren();
                }
            }
            if (key != null) {
                out.add(new DisclaimerResponse(key, checked));
            }
        }
        return out;
    }

    /** Text of a scalar value; null for JSON null; containers are skipped (null). */
    private static String scalar(JsonParser p, JsonToken v) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return p.getText();
    }

    /** true/false, "1"/"0", "true"/"false", "" (false); null when null or unrecognisable. */
    private static Boolean bool(JsonParser p, JsonToken v) throws IOException {
        switch (v) {
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_INT:
                return p.getIntValue() != 0;
            case VALUE_STRING: {
                String s = p.getText();
                if (s.isEmpty() || "0".equals(s) || "false".equalsIgnoreCase(s)) {
                    return Boolean.FALSE;
                }
                if ("1".equals(s) || "true".equalsIgnoreCase(s)) {
                    return Boolean.TRUE;
                }
                return null;
            }
            case START_OBJECT:
            case START_ARRAY:
                p.skipChildren();
                return null;
            default:
                return null;
        }
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken wanted) throws JsonParseException {
        if (actual != wanted) {
            throw new JsonParseException(p, "Expected " + wanted + " but found " + actual);
        }
    }

    private static void expectEnd(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t != null) {
            throw new JsonParseException(p, "Unexpected content after the JSON object");
        }
    }

    private static final DateTimeFormatter LENIENT_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .toFormatter();

    /** {@code 2025-10-08T09:09:27+0000} to Unix seconds (fast path; lenient fallback; 0 when unparseable). */
    static long epochSeconds(String s) {
        if (s == null) {
            return 0;
        }
        int n = s.length();
        if (n >= 19 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':') {
            int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
            int h = digits(s, 11, 2), mi = digits(s, 14, 2), se = digits(s, 17, 2);
            int offset = Integer.MIN_VALUE;
            if (n == 19 || (n == 20 && s.charAt(19) == 'Z')) {
                offset = 0;
            } else if (n == 24 || n == 25) {
                char sign = s.charAt(19);
                int oh = digits(s, 20, 2);
                int om = n == 24 ? digits(s, 22, 2) : (s.charAt(22) == ':' ? digits(s, 23, 2) : -1);
                if ((sign == '+' || sign == '-') && oh >= 0 && om >= 0) {
                    offset = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
                }
            }
            if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h < 24 && mi >= 0 && mi < 60
                    && se >= 0 && se < 61 && offset != Integer.MIN_VALUE) {
                return daysFromCivil(y, mo, d) * 86400L + h * 3600L + mi * 60L + se - offset;
            }
        }
        try {
            return OffsetDateTime.parse(s, LENIENT_TIME).toEpochSecond();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 (Howard Hinnant's civil algorithm). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
