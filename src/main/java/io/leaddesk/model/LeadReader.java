package io.leaddesk.model;

import static io.leaddesk.model.LeadFields.answers;
import static io.leaddesk.model.LeadFields.nextField;
import static io.leaddesk.model.LeadFields.responses;
import static io.leaddesk.model.LeadFields.text;
import static io.leaddesk.model.LeadFields.truth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The one reader of a lead's Graph JSON. The sync reads each lead of a Graph result page with
 * {@link #fromGraph(JsonParser, String)}; every later read of the cache (detail view, export, {@code leads --json})
 * reads the stored text with {@link #fromStored(byte[], Fallback, boolean)} or {@link #fromStored(String, Fallback)}.
 * Both go through the same field reading ({@link LeadFields}), so a lead reads back from the cache exactly as it was read at sync,
 * and the name/email/phone columns the store derives at sync agree with what the detail view and the export show.
 *
 * <p>How each shape is read (the same on both paths):
 * <table>
 * <caption>Lead JSON shapes and what they become</caption>
 * <tr><th>JSON</th><th>Lead</th></tr>
 * <tr><td>{@code "values":["a","b"]}</td><td>{@code [a, b]} (a multi-choice answer)</td></tr>
 * <tr><td>{@code "values":[null,"x"]}</td><td>{@code [x]}: a null entry is no value (never the text "null")</td></tr>
 * <tr><td>{@code "values":"x"} (a bare scalar)</td><td>{@code [x]}, as if it were a one-entry list</td></tr>
 * <tr><td>{@code "values":[]}, {@code null} or missing</td><td>{@code []} (a skipped question)</td></tr>
 * <tr><td>{@code "values":[1,true,2.50]}</td><td>{@code [1, true, 2.50]}: numbers and booleans as written</td></tr>
 * <tr><td>{@code "values":[{"a":1}]} or {@code "values":{"a":1}}</td><td>{@code [{"a":1}]}: a nested value is kept
 *     as its compact JSON text, not dropped</td></tr>
 * <tr><td>{@code "field_data":{"data":[...]}}</td><td>the wrapped list (Graph's edge wrapper)</td></tr>
 * <tr><td>{@code "field_data":{"name":"n","values":[...]}}</td><td>that one answer</td></tr>
 * <tr><td>{@code "field_data"} null, a scalar, or another object</td><td>no answers</td></tr>
 * <tr><td>an element of field_data that is not an object ({@code "x"}, {@code [..]}, {@code null})</td>
 *     <td>skipped: it is no answer</td></tr>
 * <tr><td>an answer without {@code name} (or with a null one)</td><td>kept, with key {@code ""}: every answer object
 *     Meta sent is kept, in order (two answers with one key are both kept)</td></tr>
 * <tr><td>{@code "name":123} / {@code "checkbox_key":123}</td><td>key {@code "123"}</td></tr>
 * <tr><td>{@code custom_disclaimer_responses}</td><td>as field_data: {@code {"data":[...]}} unwrapped, a lone
 *     response object read as one, non-objects skipped, a response without {@code checkbox_key} kept with key
 *     {@code ""}</td></tr>
 * <tr><td>{@code is_checked}</td><td>checked for {@code true}, a non-zero number, {@code "1"} or {@code "true"}
 *     (any case, surrounding blanks ignored); anything else, also a missing or null one, is not checked</td></tr>
 * <tr><td>{@code is_organic}</td><td>{@code true}/{@code false}; a number: non-zero is true; {@code "1"}/
 *     {@code "true"} true, {@code "0"}/{@code "false"}/{@code ""} false (any case, blanks ignored); null, missing,
 *     an unknown word or an object: unknown ({@code null})</td></tr>
 * <tr><td>a text field (id, ad_name, platform, ...) given a number or boolean</td><td>its JSON text
 *     ({@code 123} gives {@code "123"})</td></tr>
 * <tr><td>a text field given an object or array</td><td>as if missing (null)</td></tr>
 * <tr><td>any field null or missing</td><td>null (the cache read takes the stored column instead, see
 *     {@link Fallback}; partner_name and retailer_item_id have none)</td></tr>
 * <tr><td>{@code created_time}</td><td>kept as sent (a number as its text); its instant is read by
 *     {@link CreatedTime#epochSeconds(String)}: {@code +0000}, {@code +00:00}, {@code +00}, {@code Z} or no offset,
 *     fractions, a date alone, Unix seconds or milliseconds; anything else is 0</td></tr>
 * <tr><td>a key given twice (at any level)</td><td>the last one wins, as in any JSON reader</td></tr>
 * <tr><td>unknown fields</td><td>ignored (they stay in the raw JSON)</td></tr>
 * <tr><td>field names in any order</td><td>the same lead (Graph's order, that of our fields request, is only the
 *     cheapest to read)</td></tr>
 * </table>
 *
 * <p>Stored text that is not a JSON object or is broken (a damaged cache) gives the lead of its stored columns;
 * at sync such a body is a transient Graph failure (the caller sees the {@link IOException}).
 */
public final class LeadReader {
    private LeadReader() {
    }

    /**
     * The stored columns a cached lead falls back to, each asked for only when the raw JSON has no usable value for
     * that field (missing, null, or an object where text is expected), or when the JSON is damaged. Read lazily:
     * for a usual lead none is asked for. {@link #createdEpoch()} is always taken from here on a cache read.
     */
    public interface Fallback {
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

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /**
     * One lead of a Graph response. The parser reads {@code body} as chars (so that its char offsets index
     * {@code body}) and stands on the lead's START_OBJECT; it is left on the lead's END_OBJECT. The lead's
     * {@code rawJson} is the exact substring of {@code body}; its instant is read from {@code created_time}.
     */
    public static Lead fromGraph(JsonParser p, String body) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(p, "A lead must be a JSON object, found " + p.currentToken());
        }
        return read(p, null, body, (int) p.currentTokenLocation().getCharOffset());
    }

    /** The lead of a stored raw JSON text; its {@code rawJson()} is {@code raw} itself. Never fails on bad JSON. */
    public static Lead fromStored(String raw, Fallback columns) {
        Objects.requireNonNull(columns, "columns");
        if (raw != null) {
            try (JsonParser p = FACTORY.createParser(raw)) {
                if (p.nextToken() == JsonToken.START_OBJECT) {
                    return read(p, columns, raw, -1);
                }
            } catch (IOException e) {
                // a damaged cache row: the stored columns are all there is
            }
        }
        return fromColumns(raw, columns);
    }

    /**
     * {@link #fromStored(String, Fallback)} of the stored text given as its UTF-8 bytes, without decoding it to a
     * String first: well-formed UTF-8 of an object is read by Jackson's byte parser straight from the bytes (about
     * twice as fast as decoding, then parsing chars); anything else is decoded and read as text, so the lead is the
     * same either way.
     *
     * @param keepRaw false: the lead's {@code rawJson()} is null whenever the byte path read it (an export never
     *                writes the raw text, and decoding it was a large part of an export's CPU)
     */
    public static Lead fromStored(byte[] utf8, Fallback columns, boolean keepRaw) {
        Objects.requireNonNull(columns, "columns");
        if (utf8 != null && Utf8Check.plainObject(utf8)) {
            Lead lead = null;
            try (JsonParser p = FACTORY.createParser(utf8)) {
                p.nextToken(); // the START_OBJECT, checked above
                lead = read(p, columns, keepRaw ? new String(utf8, StandardCharsets.UTF_8) : null, -1);
            } catch (IOException e) {
                // broken JSON: the text path gives the stored columns
            }
            if (lead != null) {
                return lead;
            }
        }
        return fromStored(utf8 == null ? null : new String(utf8, StandardCharsets.UTF_8), columns);
    }

    /** The lead of the stored columns alone (its raw JSON is missing or unreadable). */
    private static Lead fromColumns(String raw, Fallback c) {
        return new Lead(c.id(), c.createdRaw(), c.createdEpoch(), c.formId(), c.adId(), c.adName(), c.adsetId(),
                c.adsetName(), c.campaignId(), c.campaignName(), c.organic(), c.platform(), null, null,
                List.of(), List.of(), raw);
    }

    /**
     * Reads the lead object the parser stands on (START_OBJECT) up to its END_OBJECT.
     *
     * @param c     null at sync (missing fields stay null, the instant is read from created_time); the stored
     *              columns on a cache read
     * @param text  the Graph body ({@code start >= 0}: rawJson is its substring from {@code start}) or the raw text
     */
    private static Lead read(JsonParser p, Fallback c, String text, int start) throws IOException {
        String id = null, created = null, formId = null, adId = null, adName = null, adsetId = null;
        String adsetName = null, campaignId = null, campaignName = null, platform = null, partner = null;
        String retailer = null;
        Boolean organic = null;
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
                case "partner_name" -> partner = text(p, t);
                case "retailer_item_id" -> retailer = text(p, t);
                case "is_organic" -> organic = truth(p, t);
                case "field_data" -> answers = answers(p, t);
                case "custom_disclaimer_responses" -> responses = responses(p, t);
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "A lead object must end with '}'");
        }
        String raw = start >= 0 ? text.substring(start, (int) p.currentLocation().getCharOffset()) : text;
        if (c == null) {
            return new Lead(id, created, CreatedTime.epochSeconds(created), formId, adId, adName, adsetId, adsetName,
                    campaignId, campaignName, organic, platform, partner, retailer, answers, responses, raw);
        }
        return new Lead(id != null ? id : c.id(), created != null ? created : c.createdRaw(), c.createdEpoch(),
                formId != null ? formId : c.formId(), adId != null ? adId : c.adId(),
                adName != null ? adName : c.adName(), adsetId != null ? adsetId : c.adsetId(),
                adsetName != null ? adsetName : c.adsetName(), campaignId != null ? campaignId : c.campaignId(),
                campaignName != null ? campaignName : c.campaignName(), organic != null ? organic : c.organic(),
                platform != null ? platform : c.platform(), partner, retailer, answers, responses, raw);
    }

    /**
     * Field names in the order the Graph API sends them (the order of our {@code fields} request): the parser first
     * compares the expected name in place (as bytes or chars), and only on a mismatch parses and looks the name up.
     * Any order is read correctly; the usual one is just cheaper.
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

    /**
     * Meta's yes/no text: {@code "1"} and {@code "true"} are true, {@code "0"}, {@code "false"} and {@code ""} false
     * (any case, surrounding blanks ignored); anything else is unknown (null).
     */
    public static Boolean truthOf(String s) {
        if (s == null) {
            return null;
        }
        if (s.length() == 1) {
            char c = s.charAt(0);
            if (c == '1') {
                return Boolean.TRUE;
            }
            if (c == '0') {
                return Boolean.FALSE;
            }
        }
        String v = s.strip();
        if (v.isEmpty() || v.equals("0") || v.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        if (v.equals("1") || v.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        return null;
    }
}
