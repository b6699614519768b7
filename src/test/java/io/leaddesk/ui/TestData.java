package io.leaddesk.ui;

import io.leaddesk.model.LeadBuilder;
import io.leaddesk.model.CustomDisclaimer;
import io.leaddesk.model.DisclaimerCheckbox;
import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
import java.util.List;

/** Small, realistic data: a Ukrainian school's Russian-language form whose email key is эл._адрес. */
public final class TestData {
    public static final String PAGE = "p1";
    public static final String FORM = "f1";

    public static LeadForm form() {
        return new LeadForm(FORM, PAGE, "Пробний урок / Trial lesson", "ACTIVE", "ru_RU", "2025-09-01T00:00:00+0000",
                4098, 100, 12,
                List.of(new Question("q1", "full_name", "Полное имя", "FULL_NAME", List.of()),
                        new Question("q2", "эл._адрес", "Эл. адрес", "EMAIL", List.of()),
                        new Question("q3", "phone_number", "Номер телефона", "PHONE", List.of()),
                        new Question("q4", "куди_відправити_інформацію?", "Куди відправити інформацію?", "CUSTOM", List.of()),
                        new Question("q5", "level", "Level", "CUSTOM", List.of())),
                new CustomDisclaimer("Згода", "Я погоджуюсь на обробку даних",
                        List.of(new DisclaimerCheckbox("c1", "consent", "Я погоджуюсь на обробку персональних даних", true, false),
                                new DisclaimerCheckbox("c2", "news", "Надсилайте мені новини", false, false))),
                "https://example.org/privacy", "{}");
    }

    public static Lead lead(String id, long created, String name, String email, String platform, Boolean organic) {
        boolean isOrganic = organic != null && organic;
        return LeadBuilder.lead(id).created("2025-10-08T09:09:27+0000", created).form(FORM)
                .ad(isOrganic ? null : "ad1", isOrganic ? null : "Реклама / осінь, 2025").adset("as1", "Набір 1")
                .campaign("c1", "Кампанія «Осінь»").organic(organic).platform(platform)
                .answer("full_name", name).answer("эл._адрес", email).answer("phone_number", "+380501234567")
                .answer("куди_відправити_інформацію?", "viber", "telegram").answer("level")
                .disclaimer("consent", true).disclaimer("news", false)
                .raw("{\"id\":\"" + id + "\"}").build();
    }

    /** A cache with one page, one form and {@code n} leads created one minute apart (newest = lead n). */
    public static FakeLeadCache cache(int n) {
        FakeLeadCache c = new FakeLeadCache();
        c.addPage(PAGE, "Школа мов / Language school");
        c.addForm(form());
        for (int i = 1; i <= n; i++) {
            c.addLead(PAGE, lead("L" + i, 1_760_000_000L + i * 60L, "Person " + i, "p" + i + "@example.org",
                    i % 3 == 0 ? "ig" : "fb", i % 2 == 0));
        }
        return c;
    }
}
