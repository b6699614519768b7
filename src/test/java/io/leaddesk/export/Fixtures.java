package io.leaddesk.export;

import io.leaddesk.model.LeadBuilder;
import io.leaddesk.model.CustomDisclaimer;
import io.leaddesk.model.DisclaimerCheckbox;
import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
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
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

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
        String ct = GRAPH_TIME.format(Instant.ofEpochSecond(created).atOffset(ZoneOffset.UTC));
        return LeadBuilder.lead(id).created(ct, created).form(formId).ad("ad" + id, "Ад, \"осінь\" / " + id)
                .adset("as" + id, "Набір " + id).campaign("c" + id, "Кампанія, 2025").organic(false).platform("fb")
                .answers(answers).disclaimers(consents).raw("{\"id\":\"" + id + "\"}").build();
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

    static final long T = 1_760_000_000L;

    /**
     * Two forms (Cyrillic keys, disclaimers) and four leads covering Cyrillic, emoji, RTL text, line breaks, quotes,
     * commas, multi-valued and empty answers, an answer key no question describes, formula-like answers and a review.
     */
    static InMemorySource sample() {
        LeadForm f1 = form("f1", "Школа англійської, осінь", List.of(q("full_name", "FULL_NAME"), q("phone_number", "PHONE"),
                q("эл._адрес", "EMAIL"), q("country", "COUNTRY"), q("куди_відправити_інформацію?", "CUSTOM"),
                q("коментар", "CUSTOM")), "marketing", "privacy");
        LeadForm f2 = form("f2", "Second \"form\"", List.of(q("first_name", "FIRST_NAME"), q("last_name", "LAST_NAME"),
                q("e_mail", "EMAIL"), q("phone_number", "PHONE"), q("company", "COMPANY_NAME"), q("коментар", "CUSTOM")),
                "marketing", "sms");
        return new InMemorySource().form(f1).form(f2)
                .lead(stored(lead("1001", "f1", T, List.of(a("full_name", "Олена Петренко-Шевчук"), a("phone_number", "+380501234567"),
                        a("эл._адрес", "Olena@Example.com"), a("country", "UA"), a("куди_відправити_інформацію?", "viber", "telegram"),
                        a("коментар", "Line1\nLine2, with \"quotes\" and emoji 😀\r\nend")),
                        List.of(consent("marketing", true), consent("privacy", false)))))
                .lead(stored(lead("1002", "f1", T - 100, List.of(a("full_name", "محمد علي"), a("phone_number", "050 123 45 67"),
                        a("эл._адрес"), a("country", "Україна"), a("куди_відправити_інформацію?"), a("коментар", "=HYPERLINK(\"http://x\")"),
                        a("utm_source", "spring")), List.of())))
                .lead(stored(lead("1003", "f2", T - 200, List.of(a("first_name", "Anna"), a("last_name", "Müller"),
                        a("e_mail", "anna@example.de"), a("phone_number", "+49 30 901820"), a("company", "ACME; GmbH"),
                        a("коментар", "@SUM(1)")), List.of(consent("sms", true)))))
                .lead(stored(lead("1004", "f2", T - 300, List.of(a("first_name", "Solo"), a("e_mail"), a("phone_number"),
                        a("company"), a("коментар", "-12.5")), List.of()), ReviewStatus.QUALIFIED, "called\r\nback, twice; \"ok\""));
    }
}
