package io.leaddesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leaddesk.model.CustomDisclaimer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadReader;
import io.leaddesk.model.LeadWriter;
import io.leaddesk.model.Question;
import java.util.List;

/**
 * JSON columns of the cache: form questions / disclaimer as synced, and leads rebuilt from their raw Graph JSON (by
 * {@link LeadReader}, the reader the sync used, and written by {@link LeadWriter} when a lead has no raw text).
 */
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
        return LeadWriter.graphJson(l);
    }

    /**
     * Stored columns a lead falls back to when its raw JSON lacks a field (read only when needed); see
     * {@link LeadReader.Fallback}.
     */
    interface Fallback extends LeadReader.Fallback {
    }

    /** Fallback values held in memory. */
    record Columns(String id, String createdRaw, long createdEpoch, String formId, String adId, String adName,
                   String adsetId, String adsetName, String campaignId, String campaignName, Boolean organic,
                   String platform) implements Fallback {
    }

    /**
     * Rebuilds the Lead record from the stored raw JSON with the reader the sync used ({@link LeadReader}), so it
     * is the lead the sync stored; {@code rawJson()} is the stored text itself. Damaged or missing JSON gives the
     * lead of its stored columns.
     */
    static Lead parse(String raw, Fallback c) {
        return LeadReader.fromStored(raw, c);
    }

    /**
     * {@link #parse(String, Fallback)} of the stored text given as its UTF-8 bytes, read by Jackson's byte parser
     * without decoding the whole text to a String first when the bytes are well-formed; the result is the same.
     *
     * @param keepRaw false: the Lead's {@code rawJson()} is null whenever the byte path parsed it (an export never
     *                writes the raw text, and decoding it was a large part of an export's CPU)
     */
    static Lead parse(byte[] rawUtf8, Fallback c, boolean keepRaw) {
        return LeadReader.fromStored(rawUtf8, c, keepRaw);
    }
}
