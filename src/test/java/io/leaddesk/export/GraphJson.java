package io.leaddesk.export;

import io.leaddesk.model.LeadBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leaddesk.model.DisclaimerCheckbox;
import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;

/**
 * Gives fixture leads and forms the raw JSON Graph would have sent for them, so a real store that keeps (and may
 * re-parse) the raw JSON holds exactly the parsed values.
 */
final class GraphJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphJson() {
    }

    static Lead withRaw(Lead l) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", l.id());
        o.put("created_time", l.createdTime());
        putIf(o, "ad_id", l.adId());
        putIf(o, "ad_name", l.adName());
        putIf(o, "adset_id", l.adsetId());
        putIf(o, "adset_name", l.adsetName());
        putIf(o, "campaign_id", l.campaignId());
        putIf(o, "campaign_name", l.campaignName());
        o.put("form_id", l.formId());
        ArrayNode fd = o.putArray("field_data");
        for (FieldAnswer a : l.fieldData()) {
            ObjectNode f = fd.addObject();
            f.put("name", a.name());
            ArrayNode v = f.putArray("values");
            a.values().forEach(v::add);
        }
        if (!l.disclaimerResponses().isEmpty()) {
            ArrayNode cd = o.putArray("custom_disclaimer_responses");
            for (DisclaimerResponse r : l.disclaimerResponses()) {
                cd.addObject().put("checkbox_key", r.checkboxKey()).put("is_checked", r.checked() ? "1" : "");
            }
        }
        if (l.isOrganic() != null) {
            o.put("is_organic", l.isOrganic());
        }
        putIf(o, "platform", l.platform());
        return LeadBuilder.from(l).raw(o.toString()).build();
    }

    static LeadForm withRaw(LeadForm f) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", f.id());
        o.put("name", f.name());
        o.put("status", f.status());
        o.put("locale", f.locale());
        o.put("created_time", f.createdTime());
        o.put("leads_count", f.leadsCount());
        o.put("organic_leads_count", f.organicLeadsCount());
        o.put("expired_leads_count", f.expiredLeadsCount());
        ArrayNode qs = o.putArray("questions");
        for (Question q : f.questions()) {
            qs.addObject().put("id", q.id()).put("key", q.key()).put("label", q.label()).put("type", q.type());
        }
        if (f.disclaimer() != null) {
            ObjectNode cd = o.putObject("legal_content").putObject("custom_disclaimer");
            cd.put("title", f.disclaimer().title());
            cd.putObject("body").put("text", f.disclaimer().body());
            ArrayNode boxes = cd.putArray("checkboxes");
            for (DisclaimerCheckbox c : f.disclaimer().checkboxes()) {
                boxes.addObject().put("id", c.id()).put("key", c.key()).put("text", c.text())
                        .put("is_required", c.required()).put("is_checked_by_default", c.checkedByDefault());
            }
        }
        o.putObject("page").put("id", f.pageId());
        return new LeadForm(f.id(), f.pageId(), f.name(), f.status(), f.locale(), f.createdTime(), f.leadsCount(),
                f.organicLeadsCount(), f.expiredLeadsCount(), f.questions(), f.disclaimer(), f.privacyPolicyUrl(), o.toString());
    }

    private static void putIf(ObjectNode o, String k, String v) {
        if (v != null) {
            o.put(k, v);
        }
    }
}
