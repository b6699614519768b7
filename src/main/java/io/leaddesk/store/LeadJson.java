package io.leaddesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leaddesk.graph.CustomDisclaimer;
import io.leaddesk.graph.DisclaimerResponse;
import io.leaddesk.graph.FieldAnswer;
import io.leaddesk.graph.Lead;
import io.leaddesk.graph.Question;
import java.util.ArrayList;
import java.util.List;

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

    /** Stored columns a lead falls back to when its raw JSON lacks a field. */
    record Columns(String id, String createdRaw, long createdEpoch, String formId, String adId, String adName,
                   String adsetId, String adsetName, String campaignId, String campaignName, Boolean organic,
                   String platform) {
    }

    /** Rebuilds the Lead record from the stored raw JSON; {@code rawJson()} is the stored text itself. */
    static Lead parse(String raw, Columns c) {
        JsonNode n;
        try {
            n = MAPPER.readTree(raw);
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
