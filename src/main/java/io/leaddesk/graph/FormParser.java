package io.leaddesk.graph;

import io.leaddesk.model.CustomDisclaimer;
import io.leaddesk.model.DisclaimerCheckbox;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.LeadReader;
import io.leaddesk.model.Question;
import io.leaddesk.model.QuestionOption;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Turns one element of /leadgen_forms into a {@link LeadForm}. Tolerates lists sent as {@code {"data":[...]}}. */
final class FormParser {
    private FormParser() {
    }

    static LeadForm form(JsonNode n, String pageId, String raw) {
        List<Question> questions = new ArrayList<>();
        for (JsonNode q : list(n.get("questions"))) {
            List<QuestionOption> options = new ArrayList<>();
            for (JsonNode o : list(q.get("options"))) {
                options.add(new QuestionOption(text(o, "key"), text(o, "value")));
            }
            questions.add(new Question(text(q, "id"), text(q, "key"), text(q, "label"), text(q, "type"), options));
        }
        JsonNode legal = n.path("legal_content");
        String privacyUrl = text(legal.path("privacy_policy"), "url");
        CustomDisclaimer disclaimer = null;
        JsonNode cd = legal.get("custom_disclaimer");
        if (cd != null && cd.isObject()) {
            List<DisclaimerCheckbox> boxes = new ArrayList<>();
            for (JsonNode c : list(cd.get("checkboxes"))) {
                boxes.add(new DisclaimerCheckbox(text(c, "id"), text(c, "key"), text(c, "text"),
                        bool(c.get("is_required")), bool(c.get("is_checked_by_default"))));
            }
            JsonNode body = cd.get("body");
            String bodyText = body == null ? null : body.isObject() ? text(body, "text") : body.asText();
            disclaimer = new CustomDisclaimer(text(cd, "title"), bodyText, boxes);
        }
        return new LeadForm(text(n, "id"), pageId, text(n, "name"), text(n, "status"), text(n, "locale"),
                text(n, "created_time"), n.path("leads_count").asLong(0), n.path("organic_leads_count").asLong(0),
                n.path("expired_leads_count").asLong(0), questions, disclaimer, privacyUrl, raw);
    }

    private static Iterable<JsonNode> list(JsonNode n) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isArray()) {
            return n;
        }
        if (n.isObject() && n.path("data").isArray()) {
            return n.get("data");
        }
        return List.of();
    }

    /** A checkbox's yes/no field, read as a lead's {@code is_checked} is ({@link LeadReader}). */
    private static boolean bool(JsonNode n) {
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isNumber()) {
            return n.decimalValue().signum() != 0;
        }
        return n.isTextual() && LeadReader.truthOf(n.textValue()) == Boolean.TRUE;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
