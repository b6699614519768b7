package io.leaddesk.store;

import io.leaddesk.model.ContactFields;
import io.leaddesk.model.DisclaimerCheckbox;
import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
import io.leaddesk.model.QuestionOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a lead read from a file is fitted to its form, the same way at import time and when a sync later brings the
 * definitions of a form the import had to make up: a cell of a multiple-choice question is split into its choices
 * only when every part is one of the question's options (so free text with commas stays whole); a column named after a
 * disclaimer checkbox becomes a disclaimer response; name, email and phone are found through the question types, or,
 * while the form's questions are placeholders (typed CUSTOM by the import), through the well-known English keys as for a
 * form synced without questions.
 */
final class ImportFit {

    /** How a file may join the choices of one multiple-choice answer, tried in this order. */
    private static final List<String> JOINERS = List.of(",", ";", "|", "\n");
    private static final Set<String> CHECKED = Set.of("1", "true", "yes", "checked", "on", "x", "\u2713", "\u2714");
    private static final Set<String> UNCHECKED = Set.of("", "0", "false", "no", "unchecked", "off");

    final LeadForm form;
    final String pageId;
    /** The form's questions are the import's placeholders, not Meta's. */
    final boolean provisional;
    private final Map<String, String> typesByKey;
    private final Map<String, Set<String>> choices = new HashMap<>();
    private final Set<String> checkboxKeys = new HashSet<>();

    ImportFit(LeadForm form, String pageId, boolean provisional) {
        this.form = form;
        this.pageId = pageId == null ? "" : pageId;
        this.provisional = provisional;
        this.typesByKey = provisional ? Map.of() : ContactFields.typesByKey(form.questions());
        for (Question q : form.questions()) {
            if (q.key() != null && !q.options().isEmpty()) {
                Set<String> allowed = new HashSet<>();
                for (QuestionOption o : q.options()) {
                    addIf(allowed, o.key());
                    addIf(allowed, o.value());
                }
                choices.put(q.key(), allowed);
            }
        }
        if (form.disclaimer() != null) {
            for (DisclaimerCheckbox cb : form.disclaimer().checkboxes()) {
                if (cb.key() != null) {
                    checkboxKeys.add(cb.key());
                }
            }
        }
    }

    private static void addIf(Set<String> s, String v) {
        if (v != null && !v.isBlank()) {
            s.add(v.strip());
        }
    }

    /** The lead with its multiple-choice cells split and its checkbox columns as disclaimer responses. */
    Lead fit(Lead l) {
        if (choices.isEmpty() && checkboxKeys.isEmpty()) {
            return l;
        }
        List<FieldAnswer> answers = new ArrayList<>(l.fieldData().size());
        List<DisclaimerResponse> responses = new ArrayList<>(l.disclaimerResponses());
        boolean changed = false;
        for (FieldAnswer a : l.fieldData()) {
            if (checkboxKeys.contains(a.name()) && a.values().size() <= 1) {
                Boolean checked = checked(a.first());
                if (checked != null && responses.stream().noneMatch(r -> r.checkboxKey().equals(a.name()))) {
                    responses.add(new DisclaimerResponse(a.name(), checked));
                    changed = true;
                    continue;
                }
            }
            Set<String> allowed = choices.get(a.name());
            if (allowed != null && a.values().size() == 1) {
                List<String> parts = split(a.values().get(0), allowed);
                if (parts.size() > 1) {
                    answers.add(new FieldAnswer(a.name(), parts));
                    changed = true;
                    continue;
                }
            }
            answers.add(a);
        }
        if (!changed) {
            return l;
        }
        return new Lead(l.id(), l.createdTime(), l.createdEpochSecond(), l.formId(), l.adId(), l.adName(), l.adsetId(),
                l.adsetName(), l.campaignId(), l.campaignName(), l.isOrganic(), l.platform(), l.partnerName(),
                l.retailerItemId(), answers, responses, null);
    }

    /** The choices joined in {@code cell}, or the cell alone when it is one choice or not all of its parts are. */
    static List<String> split(String cell, Set<String> allowed) {
        String whole = cell.strip();
        if (allowed.contains(whole)) {
            return List.of(cell);
        }
        for (String joiner : JOINERS) {
            if (!whole.contains(joiner)) {
                continue;
            }
            String[] parts = whole.split(Pattern.quote(joiner), -1);
            List<String> out = new ArrayList<>(parts.length);
            for (String p : parts) {
                String v = p.strip();
                if (!allowed.contains(v)) {
                    out = null;
                    break;
                }
                out.add(v);
            }
            if (out != null) {
                return out;
            }
        }
        return List.of(cell);
    }

    /** True, false, or null when the text says neither (the cell then stays an answer). */
    static Boolean checked(String cell) {
        String v = cell.strip().toLowerCase(Locale.ROOT);
        if (CHECKED.contains(v)) {
            return true;
        }
        return UNCHECKED.contains(v) ? false : null;
    }

    /** Name, email and phone as the cache's columns hold them. */
    ContactFields contact(Lead l) {
        return ContactFields.of(typesByKey, l.fieldData());
    }
}
