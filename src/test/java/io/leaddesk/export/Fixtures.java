package io.leaddesk.export;

import io.leaddesk.graph.CustomDisclaimer;
import io.leaddesk.graph.DisclaimerCheckbox;
import io.leaddesk.graph.DisclaimerResponse;
import io.leaddesk.graph.FieldAnswer;
import io.leaddesk.graph.Lead;
import io.leaddesk.graph.LeadForm;
import io.leaddesk.graph.Question;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.store.StoredLead;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builders for forms and leads used by the export tests. */
final class Fixtures {

    static final String PAGE = "111";

    private Fixtures() {
    }

    static Question q(String key, String type) {
        return new Question("q-" + key, key, key, type, List.of());
    }

    static LeadForm form(String id, String name, List<Question> questions, String... checkboxKeys) {
        CustomDisclaimer d = null;
        if (checkboxKeys.length > 0) {
            List<DisclaimerCheckbox> boxes = new ArrayList<>();
            for (String k : checkboxKeys) {
                boxes.add(new DisclaimerCheckbox("cb-" + k, k, "I agree to " + k, false, false));
            }
            d = new CustomDisclaimer("Terms", "Body", boxes);
        }
        return new LeadForm(id, PAGE, name, "ACTIVE", "uk_UA", "2025-01-01T00:00:00+0000", 0, 0, 0, questions, d, null, "{}");
    }

    static FieldAnswer a(String key, String... values) {
        return new FieldAnswer(key, Arrays.asList(values));
    }

    static DisclaimerResponse consent(String key, boolean checked) {
        return new DisclaimerResponse(key, checked);
    }

    /** A lead with ad data; {@code created} in Unix seconds. */
    static Lead lead(String id, String formId, long created, List<FieldAnswer> answers, List<DisclaimerResponse> consents) {
        String ct = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").format(Instant.ofEpochSecond(created).atOffset(ZoneOffset.UTC));
        return new Lead(id, ct, created, formId, "ad" + id, "Ад, \"осінь\" / " + id, "as" + id, "Набір " + id,
                "c" + id, "Кампанія, 2025", false, "fb", null, null, answers, consents, "{\"id\":\"" + id + "\"}");
    }

    static Lead lead(String id, String formId, long created, FieldAnswer... answers) {
        return lead(id, formId, created, List.of(answers), List.of());
    }

    static StoredLead stored(Lead lead) {
        return new StoredLead(lead, PAGE, Instant.ofEpochSecond(lead.createdEpochSecond()), Instant.ofEpochSecond(lead.createdEpochSecond()),
                ReviewStatus.NEW, "");
    }

    static StoredLead stored(Lead lead, ReviewStatus status, String note) {
        return new StoredLead(lead, PAGE, Instant.ofEpochSecond(lead.createdEpochSecond()), Instant.ofEpochSecond(lead.createdEpochSecond()),
                status, note);
    }

    static String iso(long epoch) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochSecond(epoch).atOffset(ZoneOffset.UTC));
    }
}
