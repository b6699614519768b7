package io.leaddesk.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leaddesk.model.CustomDisclaimer;
import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.Question;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** JSON columns of the cache: form questions / disclaimer as synced, and leads rebuilt from their raw Graph JSON. */
final class LeadJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() { };

    private LeadJson() {
    }

    static String questionsJson(List<Question> questions) {
        return write(questions == null ? List.of() : questions);
    }

    static List<Question> questions(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, QUESTIONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored questions are not readable JSON", e);
        }
    }

    static String disclaimerJson(CustomDisclaimer d) {
        return d == null ? null : write(d);
    }

    static CustomDisclaimer disclaimer(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(json, CustomDisclaimer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored disclaimer is not readable JSON", e);
        }
    }

    private static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + o.getClass().getSimpleName(), e);
        }
    }

    /** Graph-shaped JSON for a lead that came without its raw text (built by hand, e.g. by an import). */
    static String synthesize(Lead l) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", l.id());
        putIf(n, "created_time", l.createdTime());
        putIf(n, "ad_id", l.adId());
        putIf(n, "ad_name", l.adName());
        putIf(n, "adset_id", l.adsetId());
        putIf(n, "adset_name", l.adsetName());
        putIf(n, "campaign_id", l.campaignId());
        putIf(n, "campaign_name", l.campaignName());
        putIf(n, "form_id", l.formId());
        if (l.isOrganic() != null) {
            n.put("is_organic", l.isOrganic());
        }
        putIf(n, "platform", l.platform());
        putIf(n, "partner_name", l.partnerName());
        putIf(n, "retailer_item_id", l.retailerItemId());
        ArrayNode fd = n.putArray("field_data");
        for (FieldAnswer a : l.fieldData()) {
            ObjectNode o = fd.addObject();
            o.put("name", a.name());
            ArrayNode vs = o.putArray("values");
            a.values().forEach(vs::add);
        }
        if (!l.disclaimerResponses().isEmpty()) {
            ArrayNode dr = n.putArray("custom_disclaimer_responses");
            for (DisclaimerResponse r : l.disclaimerResponses()) {
                ObjectNode o = dr.addObject();
                o.put("checkbox_key", r.checkboxKey());
                o.put("is_checked", r.checked() ? "1" : "");
            }
        }
        return n.toString();
    }

    private static void putIf(ObjectNode n, String k, String v) {
        if (v != null) {
            n.put(k, v);
        }
    }

    /** Stored columns a lead falls back to when its raw JSON lacks a field (read only when needed). */
    interface Fallback {
        String id();

        String createdRaw();

        long createdEpoch();

        String formId();

        String adId();

        String adName();

        String adsetId();

        String adsetName();

        String campaignId();

        String campaignName();

        Boolean organic();

        String platform();
    }

    /** Fallback values held in memory. */
    record Columns(String id, String createdRaw, long createdEpoch, String formId, String adId, String adName,
                   String adsetId, String adsetName, String campaignId, String campaignName, Boolean organic,
                   String platform) implements Fallback {
    }

    /**
     * Rebuilds the Lead record from the stored raw JSON; {@code rawJson()} is the stored text itself.
     * One streaming pass for the usual Graph shape (no tree: ~4x faster, see forEachLead); anything unusual
     * (numbers where text is expected, odd nesting, broken JSON) goes through {@link #parseTree} so both paths
     * give exactly the same record.
     */
    static Lead parse(String raw, Fallback c) {
        if (raw != null) {
            try (JsonParser p = FACTORY.createParser(raw)) {
                Lead lead = stream(p, raw, c);
                if (lead != null) {
                    return lead;
                }
            } catch (IOException | RuntimeException e) {
                // broken or unusual JSON: the tree path decides (and falls back to the columns)
            }
        }
        return parseTree(raw, c);
    }

    private static final JsonFactory FACTORY = MAPPER.getFactory();

    /**
     * {@link #parse(String, Fallback)} of the stored text given as its UTF-8 bytes, without decoding the whole text to
     * a String first: the usual shape is read by Jackson's byte parser straight from the bytes (about twice as fast as
     * decoding, then parsing chars); anything else decodes and takes the String path, so the result is the same.
     *
     * @param keepRaw false: the Lead's {@code rawJson()} is null whenever the byte path parsed it (an export never
     *                writes the raw text, and decoding it was a large part of an export's CPU)
     */
    static Lead parse(byte[] rawUtf8, Fallback c, boolean keepRaw) {
        if (rawUtf8 != null && plainUtf8Object(rawUtf8)) {
            try (JsonParser p = FACTORY.createParser(rawUtf8)) {
                Lead lead = stream(p, keepRaw ? new String(rawUtf8, StandardCharsets.UTF_8) : null, c);
                if (lead != null) {
                    return lead;
                }
            } catch (IOException | RuntimeException e) {
                // the String path decides
            }
        }
        return parse(rawUtf8 == null ? null : new String(rawUtf8, StandardCharsets.UTF_8), c);
    }

    /**
     * Whether Jackson's byte parser reads these bytes exactly as {@code new String(bytes, UTF_8)} + the char parser
     * would: an object ('{' first, so no byte order mark and no UTF-16/32 guess from zero bytes) whose UTF-8 has none
     * of the ill-formed sequences that the byte parser decodes leniently while String replaces them with U+FFFD
     * (overlong forms, encoded surrogates, code points above U+10FFFF). Other ill-formed bytes make both fail.
     */
    static boolean plainUtf8Object(byte[] b) {
        int n = b.length;
        if (n < 4 || b[0] != '{' || b[1] == 0 || b[2] == 0 || b[3] == 0) {
            return false;
        }
        int i = 1;
        // eight bytes at a time: only C0, C1 and E0-FF can start a sequence the two decoders disagree on
        for (; i + 8 <= n; i += 8) {
            long w = (long) LONGS.get(b, i);
            if (!hasZeroByte((w & 0xE0E0E0E0E0E0E0E0L) ^ 0xE0E0E0E0E0E0E0E0L)
                    && !hasZeroByte((w & 0xFEFEFEFEFEFEFEFEL) ^ 0xC0C0C0C0C0C0C0C0L)) {
                continue;
            }
            for (int j = i; j < i + 8; j++) {
                if (!wellFormedAt(b, j)) {
                    return false;
                }
            }
        }
        for (; i < n; i++) {
            if (!wellFormedAt(b, i)) {
                return false;
            }
        }
        return true;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static boolean hasZeroByte(long v) {
        return ((v - 0x0101010101010101L) & ~v & 0x8080808080808080L) != 0;
    }

    /** False when byte {@code i} starts a sequence Jackson's byte parser accepts but String decoding replaces. */
    private static boolean wellFormedAt(byte[] b, int i) {
        int x = b[i] & 0xFF;
        if (x < 0xC0) {
            return true; // ASCII, or a continuation byte (the byte parser checks those)
        }
        if (x < 0xC2) {
            return false; // overlong 2-byte form
        }
        if (x < 0xE0) {
            return true;
        }
        int next = i + 1 < b.length ? b[i + 1] & 0xFF : 0;
        return !(x == 0xE0 ? next < 0xA0 : x == 0xED ? next >= 0xA0 : x == 0xF0 ? next < 0x90 : x == 0xF4 ? next >= 0x90 : x > 0xF4);
    }

    /** The streaming fast path; null when the JSON is not of the usual shape. */
    private static Lead stream(JsonParser p, String raw, Fallback c) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        // UNSET (absent or null in the JSON) = take the stored column, asked for only then
        String id = UNSET, created = UNSET, formId = UNSET, adId = UNSET, adName = UNSET, adsetId = UNSET;
        String adsetName = UNSET, campaignId = UNSET, campaignName = UNSET, platform = UNSET;
        String partner = null, retailer = null;
        Boolean organic = null;
        boolean organicSet = false;
        List<FieldAnswer> answers = List.of();
        List<DisclaimerResponse> responses = List.of();
        String field;
        int next = 0;
        while ((field = nextField(p, next < TOP_FIELDS.length ? TOP_FIELDS[next] : null)) != null) {
            if (next < TOP_FIELDS.length && field == TOP_FIELDS[next].getValue()) {
                next++;
            } else {
                Integer at = TOP_INDEX.get(field);
                next = at == null ? TOP_FIELDS.length : at + 1;
            }
            JsonToken t = p.nextToken();
            switch (field) {
                case "id" -> id = text(p, t);
                case "created_time" -> created = text(p, t);
                case "form_id" -> formId = text(p, t);
                case "ad_id" -> adId = text(p, t);
                case "ad_name" -> adName = text(p, t);
                case "adset_id" -> adsetId = text(p, t);
                case "adset_name" -> adsetName = text(p, t);
                case "campaign_id" -> campaignId = text(p, t);
                case "campaign_name" -> campaignName = text(p, t);
                case "platform" -> platform = text(p, t);
                case "partner_name" -> partner = orNull(text(p, t));
                case "retailer_item_id" -> retailer = orNull(text(p, t));
                case "is_organic" -> {
                    if (t == JsonToken.VALUE_NULL) {
                        organicSet = false;
                    } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
                        organic = t == JsonToken.VALUE_TRUE;
                        organicSet = true;
                    } else if (t == JsonToken.VALUE_STRING) {
                        String v = p.getText();
                        organic = "1".equals(v) || "true".equalsIgnoreCase(v);
                        organicSet = true;
                    } else {
                        throw UNUSUAL;
                    }
                }
                case "field_data" -> answers = answers(p, t);
                case "custom_disclaimer_responses" -> responses = responses(p, t);
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            return null;
        }
        return new Lead(id == UNSET ? c.id() : id, created == UNSET ? c.createdRaw() : created, c.createdEpoch(),
                formId == UNSET ? c.formId() : formId, adId == UNSET ? c.adId() : adId,
                adName == UNSET ? c.adName() : adName, adsetId == UNSET ? c.adsetId() : adsetId,
                adsetName == UNSET ? c.adsetName() : adsetName, campaignId == UNSET ? c.campaignId() : campaignId,
                campaignName == UNSET ? c.campaignName() : campaignName, organicSet ? organic : c.organic(),
                platform == UNSET ? c.platform() : platform, partner, retailer, answers, responses, raw);
    }

    /**
     * Field names in the order the Graph API sends them (the order of our {@code fields} request): the parser first
     * compares the expected name's bytes in place, and only on a mismatch parses and looks the name up. Any order is
     * read correctly; the usual one is just cheaper.
     */
    private static final SerializedString[] TOP_FIELDS = Stream.of("id", "created_time", "ad_id", "ad_name",
            "adset_id", "adset_name", "campaign_id", "campaign_name", "form_id", "field_data",
            "custom_disclaimer_responses", "is_organic", "platform", "partner_name", "retailer_item_id")
            .map(SerializedString::new).toArray(SerializedString[]::new);
    private static final Map<String, Integer> TOP_INDEX = new HashMap<>();

    static {
        for (int i = 0; i < TOP_FIELDS.length; i++) {
            TOP_INDEX.put(TOP_FIELDS[i].getValue(), i);
        }
    }

    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString VALUES = new SerializedString("values");
    private static final SerializedString CHECKBOX_KEY = new SerializedString("checkbox_key");
    private static final SerializedString IS_CHECKED = new SerializedString("is_checked");

    /**
     * Moves to the next field of the current object and returns its name, or null at the object's end. When it is
     * {@code expected} (matched as bytes), the very String of {@code expected.getValue()} is returned.
     */
    private static String nextField(JsonParser p, SerializedString expected) throws IOException {
        if (expected == null) {
            return p.nextFieldName();
        }
        if (p.nextFieldName(expected)) {
            return expected.getValue();
        }
        return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
    }

    /** Marks a field absent or null in the JSON (compared by identity, never equal to a parsed value). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String UNSET = new String("\0unset");

    private static String orNull(String v) {
        return v == UNSET ? null : v;
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return UNSET;
        }
        throw UNUSUAL;
    }

    /** Thrown (preallocated, no stack) when the fast path meets a shape it leaves to the tree path. */
    private static final RuntimeException UNUSUAL = new RuntimeException("unusual lead JSON", null, false, false) { };

    private static String text(JsonParser p, JsonToken t, String fallback) throws IOException {
        String v = text(p, t);
        return v == UNSET ? fallback : v;
    }

    private static List<FieldAnswer> answers(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            throw UNUSUAL;
        }
        List<FieldAnswer> out = new ArrayList<>(8);
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (e != JsonToken.START_OBJECT) {
                throw UNUSUAL;
            }
            String name = "";
            List<String> values = List.of();
            String field;
            SerializedString expected = NAME;
            while ((field = nextField(p, expected)) != null) {
                expected = field == NAME.getValue() ? VALUES : NAME;
                JsonToken v = p.nextToken();
                if ("name".equals(field)) {
                    name = v == JsonToken.VALUE_STRING ? canonicalKey(p) : text(p, v, "");
                } else if ("values".equals(field)) {
                    values = values(p, v);
                } else {
                    p.skipChildren();
                }
            }
            out.add(new FieldAnswer(name, values));
        }
        return List.copyOf(out);
    }

    /**
     * Question and checkbox keys repeat on every lead of a form: the current string token as a String shared by every
     * lead with that key (no copy per lead, and its hash code, which exports look keys up by, is computed once).
     * A small table of recent keys; races between threads only lose an entry (Strings are immutable).
     */
    private static String canonicalKey(JsonParser p) throws IOException {
        char[] buf = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + buf[off + i];
        }
        int slot = (h ^ (h >>> 12)) & (KEYS.length - 1);
        String k = KEYS[slot];
        if (k != null && k.length() == len && k.hashCode() == h && sameChars(k, buf, off, len)) {
            return k;
        }
        k = new String(buf, off, len);
        KEYS[slot] = k;
        return k;
    }

    private static final String[] KEYS = new String[512];

    private static boolean sameChars(String s, char[] buf, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }

    private static List<String> values(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            throw UNUSUAL;
        }
        JsonToken v = p.nextToken();
        if (v == JsonToken.END_ARRAY) {
            return List.of();
        }
        if (v != JsonToken.VALUE_STRING) {
            throw UNUSUAL;
        }
        String first = p.getText();
        v = p.nextToken();
        if (v == JsonToken.END_ARRAY) {
            return List.of(first); // the usual case: one answer, no list growing
        }
        List<String> out = new ArrayList<>(4);
        out.add(first);
        for (; v != JsonToken.END_ARRAY; v = p.nextToken()) {
            if (v != JsonToken.VALUE_STRING) {
                throw UNUSUAL;
            }
            out.add(p.getText());
        }
        return List.copyOf(out);
    }

    private static List<DisclaimerResponse> responses(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            throw UNUSUAL;
        }
        List<DisclaimerResponse> out = new ArrayList<>(4);
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (e != JsonToken.START_OBJECT) {
                throw UNUSUAL;
            }
            String key = "";
            boolean on = false;
            String field;
            SerializedString expected = CHECKBOX_KEY;
            while ((field = nextField(p, expected)) != null) {
                expected = field == CHECKBOX_KEY.getValue() ? IS_CHECKED : CHECKBOX_KEY;
                JsonToken v = p.nextToken();
                if ("checkbox_key".equals(field)) {
                    key = v == JsonToken.VALUE_STRING ? canonicalKey(p) : text(p, v, "");
                } else if ("is_checked".equals(field)) {
                    if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
                        on = v == JsonToken.VALUE_TRUE;
                    } else if (v == JsonToken.VALUE_STRING) {
                        String s = p.getText();
                        on = "1".equals(s) || "true".equalsIgnoreCase(s);
                    } else if (v == JsonToken.VALUE_NULL) {
                        on = false;
                    } else {
                        throw UNUSUAL;
                    }
                } else {
                    p.skipChildren();
                }
            }
            out.add(new DisclaimerResponse(key, on));
        }
        return List.copyOf(out);
    }

    /** The tree-model parse: the reference semantics for every shape of JSON. */
    static Lead parseTree(String raw, Fallback c) {
        JsonNode n;
        try {
            // null = the lead's JSON row is missing (a damaged cache): the lead is rebuilt from its columns
            n = raw == null ? null : MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            n = null;
        }
        if (n == null || !n.isObject()) {
            return new Lead(c.id(), c.createdRaw(), c.createdEpoch(), c.formId(), c.adId(), c.adName(), c.adsetId(),
                    c.adsetName(), c.campaignId(), c.campaignName(), c.organic(), c.platform(), null, null,
                    List.of(), List.of(), raw);
        }
        List<FieldAnswer> answers = new ArrayList<>();
        for (JsonNode a : n.path("field_data")) {
            List<String> values = new ArrayList<>();
            for (JsonNode v : a.path("values")) {
                values.add(v.isTextual() ? v.textValue() : v.toString());
            }
            answers.add(new FieldAnswer(text(a, "name", ""), values));
        }
        List<DisclaimerResponse> responses = new ArrayList<>();
        for (JsonNode r : n.path("custom_disclaimer_responses")) {
            JsonNode checked = r.path("is_checked");
            boolean on = checked.isBoolean() ? checked.booleanValue()
                    : "1".equals(checked.asText()) || "true".equalsIgnoreCase(checked.asText());
            responses.add(new DisclaimerResponse(text(r, "checkbox_key", ""), on));
        }
        JsonNode org = n.get("is_organic");
        Boolean organic;
        if (org == null || org.isNull()) {
            organic = c.organic();
        } else if (org.isBoolean()) {
            organic = org.booleanValue();
        } else {
            organic = "1".equals(org.asText()) || "true".equalsIgnoreCase(org.asText());
        }
        return new Lead(text(n, "id", c.id()), text(n, "created_time", c.createdRaw()), c.createdEpoch(),
                text(n, "form_id", c.formId()), text(n, "ad_id", c.adId()), text(n, "ad_name", c.adName()),
                text(n, "adset_id", c.adsetId()), text(n, "adset_name", c.adsetName()),
                text(n, "campaign_id", c.campaignId()), text(n, "campaign_name", c.campaignName()), organic,
                text(n, "platform", c.platform()), text(n, "partner_name", null),
                text(n, "retailer_item_id", null), answers, responses, raw);
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
