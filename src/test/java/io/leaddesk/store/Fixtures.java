package io.leaddesk.store;

import io.leaddesk.model.LeadBuilder;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leaddesk.model.CustomDisclaimer;
import io.leaddesk.model.DisclaimerCheckbox;
import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
import io.leaddesk.model.QuestionOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Hand-built Graph records for the store tests. */
final class Fixtures {

    static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

    /** A Russian-language form: the email question's key is эл._адрес, recognised through its type EMAIL. */
    static LeadForm russianForm() {
        return new LeadForm("f-ru", "p-1", "Заявка на кредит", "ACTIVE", "ru_RU", "2025-01-02T10:00:00+0000",
                3, 1, 0,
                List.of(new Question("q1", "полное_имя", "Полное имя", "FULL_NAME", null),
                        new Question("q2", "эл._адрес", "Эл. адрес", "EMAIL", null),
                        new Question("q3", "номер_телефона", "Номер телефона", "PHONE", null),
                        new Question("q4", "интересы", "Что вас интересует?", "CUSTOM",
                                List.of(new QuestionOption("a", "Электроника"), new QuestionOption("b", "Кредит")))),
                new CustomDisclaimer("Согласие", "Я согласен на обработку данных",
                        List.of(new DisclaimerCheckbox("c1", "consent", "Согласен", true, false),
                                new DisclaimerCheckbox("c2", "news", "Новости", false, true))),
                "https://example.org/privacy", "{\"id\":\"f-ru\",\"name\":\"Заявка на кредит\"}");
    }

    static LeadForm englishForm() {
        return new LeadForm("f-en", "p-2", "Get a quote", "ACTIVE", "en_US", "2025-01-03T10:00:00+0000",
                2, 0, 0,
                List.of(new Question("e1", "full_name", "Full name", "FULL_NAME", null),
                        new Question("e2", "work_mail", "Work email", "WORK_EMAIL", null),
                        new Question("e3", "phone_number", "Phone", "PHONE", null),
                        new Question("e4", "budget", "Budget", "CUSTOM", null)),
                null, null, "{\"id\":\"f-en\"}");
    }

    static FieldAnswer answer(String key, String... values) {
        return new FieldAnswer(key, List.of(values));
    }

    /** A lead whose raw JSON is Graph-shaped and consistent with its fields. */
    static Lead lead(String id, String formId, long epoch, String platform, Boolean organic, String campaign,
                     List<FieldAnswer> answers, List<DisclaimerResponse> disclaimers) {
        String created = GRAPH_TIME.format(Instant.ofEpochSecond(epoch));
        ObjectNode n = LeadJson.MAPPER.createObjectNode();
        n.put("id", id);
        n.put("created_time", created);
        if (campaign != null) {
            n.put("ad_id", "ad-" + id);
            n.put("ad_name", "Ad " + campaign);
            n.put("adset_id", "as-" + id);
            n.put("adset_name", "Set " + campaign);
            n.put("campaign_id", "c-" + campaign);
            n.put("campaign_name", campaign);
        }
        n.put("form_id", formId);
        if (organic != null) {
            n.put("is_organic", organic);
        }
        n.put("platform", platform);
        ArrayNode fd = n.putArray("field_data");
        for (FieldAnswer a : answers) {
            ObjectNode o = fd.addObject();
            o.put("name", a.name());
            ArrayNode vs = o.putArray("values");
            a.values().forEach(vs::add);
        }
        if (!disclaimers.isEmpty()) {
            ArrayNode dr = n.putArray("custom_disclaimer_responses");
            for (DisclaimerResponse r : disclaimers) {
                dr.addObject().put("checkbox_key", r.checkboxKey()).put("is_checked", r.checked() ? "1" : "");
            }
        }
        boolean ad = campaign != null;
        return LeadBuilder.lead(id).created(created, epoch).form(formId)
                .ad(ad ? "ad-" + id : null, ad ? "Ad " + campaign : null).adset(ad ? "as-" + id : null, ad ? "Set " + campaign : null)
                .campaign(ad ? "c-" + campaign : null, campaign).organic(organic).platform(platform)
                .answers(answers).disclaimers(disclaimers).raw(n.toString()).build();
    }

    static Lead ru(String id, long epoch, String name, String email, String phone, String... interests) {
        List<FieldAnswer> a = new ArrayList<>();
        a.add(answer("полное_имя", name));
        a.add(answer("эл._адрес", email));
        a.add(answer("номер_телефона", phone));
        a.add(answer("интересы", interests));
        return lead(id, "f-ru", epoch, "ig", false, "Весна 2025", a,
                List.of(new DisclaimerResponse("consent", true), new DisclaimerResponse("news", false)));
    }

    static Lead en(String id, long epoch, String name, String email, String phone, Boolean organic) {
        return lead(id, "f-en", epoch, "fb", organic, organic != null && organic ? null : "Spring Sale",
                List.of(answer("full_name", name), answer("work_mail", email), answer("phone_number", phone),
                        answer("budget", "1000-5000")),
                List.of());
    }

    private Fixtures() {
    }
}
