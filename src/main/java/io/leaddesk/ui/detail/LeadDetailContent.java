package io.leaddesk.ui.detail;

import io.leaddesk.model.CustomDisclaimer;
import io.leaddesk.model.DisclaimerCheckbox;
import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.Question;
import io.leaddesk.ui.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the lead detail lists, built from a lead and its form: answers, disclaimer checkboxes, attribution. */
final class LeadDetailContent {
    private final Messages m;

    LeadDetailContent(Messages m) {
        this.m = m;
    }

    static List<LeadDetailViewModel.Answer> answers(List<Question> questions, List<FieldAnswer> fieldData) {
        Map<String, FieldAnswer> byKey = new LinkedHashMap<>();
        for (FieldAnswer a : fieldData) {
            byKey.putIfAbsent(a.name(), a);
        }
        List<LeadDetailViewModel.Answer> out = new ArrayList<>();
        for (Question q : questions) {
            FieldAnswer a = byKey.remove(q.key());
            String label = q.label() == null || q.label().isBlank() ? q.key() : q.label();
            out.add(new LeadDetailViewModel.Answer(label, q.key(), a == null ? List.of() : a.values()));
        }
        for (FieldAnswer a : byKey.values()) {
            out.add(new LeadDetailViewModel.Answer(a.name(), a.name(), a.values()));
        }
        return out;
    }

    static List<LeadDetailViewModel.Checkbox> checkboxes(CustomDisclaimer d, List<DisclaimerResponse> responses) {
        Map<String, Boolean> ticked = new HashMap<>();
        for (DisclaimerResponse r : responses) {
            ticked.put(r.checkboxKey(), r.checked());
        }
        List<LeadDetailViewModel.Checkbox> out = new ArrayList<>();
        if (d != null) {
            for (DisclaimerCheckbox c : d.checkboxes()) {
                Boolean t = ticked.remove(c.key());
                out.add(new LeadDetailViewModel.Checkbox(c.key(), c.text() == null ? c.key() : c.text(), c.required(), t != null && t));
            }
        }
        for (Map.Entry<String, Boolean> e : ticked.entrySet()) {
            out.add(new LeadDetailViewModel.Checkbox(e.getKey(), e.getKey(), false, e.getValue()));
        }
        return out;
    }

    List<LeadDetailViewModel.Field> attribution(Lead lead, String formName) {
        List<LeadDetailViewModel.Field> out = new ArrayList<>();
        out.add(new LeadDetailViewModel.Field(m.get("detail.attr.platform"), platformName(lead.platform())));
        out.add(new LeadDetailViewModel.Field(m.get("detail.attr.organic"), lead.isOrganic() == null ? m.get("common.unknown")
                : lead.isOrganic() ? m.get("common.yes") : m.get("common.no")));
        out.add(new LeadDetailViewModel.Field(m.get("detail.attr.campaign"), nameAndId(lead.campaignName(), lead.campaignId())));
        out.add(new LeadDetailViewModel.Field(m.get("detail.attr.adset"), nameAndId(lead.adsetName(), lead.adsetId())));
        out.add(new LeadDetailViewModel.Field(m.get("detail.attr.ad"), nameAndId(lead.adName(), lead.adId())));
        out.add(new LeadDetailViewModel.Field(m.get("detail.attr.form"), nameAndId(formName, lead.formId())));
        if (lead.partnerName() != null && !lead.partnerName().isBlank()) {
            out.add(new LeadDetailViewModel.Field(m.get("detail.attr.partner"), lead.partnerName()));
        }
        out.add(new LeadDetailViewModel.Field(m.get("detail.attr.leadId"), lead.id()));
        return out;
    }

    private String platformName(String p) {
        if (p == null || p.isBlank()) {
            return m.get("common.unknown");
        }
        return switch (p) {
            case "fb" -> m.get("platform.fb");
            case "ig" -> m.get("platform.ig");
            default -> p;
        };
    }

    private String nameAndId(String name, String id) {
        boolean hasName = name != null && !name.isBlank();
        boolean hasId = id != null && !id.isBlank();
        if (!hasName && !hasId) {
            return m.get("detail.attr.none");
        }
        if (!hasId || Objects.equals(name, id)) {
            return name;
        }
        return hasName ? name + "  (" + id + ")" : id;
    }

}
