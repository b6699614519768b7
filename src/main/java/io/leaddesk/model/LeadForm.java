package io.leaddesk.model;

import java.util.List;

/**
 * A lead form as Graph returned it. {@code disclaimer} is null when the form has no custom disclaimer.
 * {@code rawJson} is the form object exactly as received.
 */
public record LeadForm(
        String id,
        String pageId,
        String name,
        String status,
        String locale,
        String createdTime,
        long leadsCount,
        long organicLeadsCount,
        long expiredLeadsCount,
        List<Question> questions,
        CustomDisclaimer disclaimer,
        String privacyPolicyUrl,
        String rawJson) {
    public LeadForm {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }
}
