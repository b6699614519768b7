package io.leaddesk.sample;

import io.leaddesk.sample.SampleForm.Answer;
import io.leaddesk.sample.SampleForm.Checkbox;
import io.leaddesk.sample.SampleForm.Disclaimer;
import io.leaddesk.sample.SampleForm.Opt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.leaddesk.sample.SampleAnswers.AR;
import static io.leaddesk.sample.SampleAnswers.EN_MIXED;
import static io.leaddesk.sample.SampleAnswers.FR;
import static io.leaddesk.sample.SampleAnswers.PT;
import static io.leaddesk.sample.SampleAnswers.UA;
import static io.leaddesk.sample.SampleAnswers.US;
import static io.leaddesk.sample.SampleAnswers.choice;
import static io.leaddesk.sample.SampleAnswers.dateOfBirth;
import static io.leaddesk.sample.SampleAnswers.email;
import static io.leaddesk.sample.SampleAnswers.firstName;
import static io.leaddesk.sample.SampleAnswers.fullName;
import static io.leaddesk.sample.SampleAnswers.lastName;
import static io.leaddesk.sample.SampleAnswers.multi;
import static io.leaddesk.sample.SampleAnswers.notes;
import static io.leaddesk.sample.SampleAnswers.opts;
import static io.leaddesk.sample.SampleAnswers.phone;

/**
 * The invented workspace: pages, forms, questions and ads; the answers are drawn from the pools in
 * {@link SampleAnswers}. Every person, phone number and address is made up.
 */
final class SampleCatalog {
    private SampleCatalog() {
    }

    record QDef(String key, String label, String type, List<Opt> options, Answer answer) {
    }

    record AdDef(String campaign, String adset, String ad) {
    }

    static final class FormDef {
        String name;
        String status = "ACTIVE";
        String locale;
        int createdDaysAgo = 200;
        int weight;
        int organicPct;
        int igPct;
        int expiredPct;
        int spanStartDaysAgo = 80;
        int spanEndDaysAgo = 0;
        String privacyUrl;
        String privacyText;
        Disclaimer disclaimer;
        final List<QDef> questions = new ArrayList<>();
        final List<AdDef> ads = new ArrayList<>();

        FormDef q(String key, String label, String type, Answer a) {
            questions.add(new QDef(key, label, type, List.of(), a));
            return this;
        }

        FormDef q(String key, String label, String type, List<Opt> options, Answer a) {
            questions.add(new QDef(key, label, type, options, a));
            return this;
        }

        FormDef ad(String campaign, String adset, String ad) {
            ads.add(new AdDef(campaign, adset, ad));
            return this;
        }
    }

    record PageDef(String id, String name, String category, List<FormDef> forms) {
    }

    static FormDef form(String name, String locale, int weight) {
        FormDef f = new FormDef();
        f.name = name;
        f.locale = locale;
        f.weight = weight;
        return f;
    }

    static List<PageDef> pages() {
        List<PageDef> pages = new ArrayList<>();

        // ---- Ukrainian language school (the field report's shapes)
        List<Opt> channel = opts("viber", "Viber", "telegram", "Telegram", "whatsapp", "WhatsApp");
        List<Opt> when = opts("цього тижня", "Цього тижня", "наступного тижня", "Наступного тижня",
                "у вихідні", "У вихідні");
        List<Opt> lang = opts("німецьку", "Німецьку", "англійську", "Англійську", "польську", "Польську",
                "іспанську", "Іспанську");
        List<Opt> level = opts("початковий_рівень", "Початковий рівень", "середній_рівень", "Середній рівень",
                "високий_рівень", "Високий рівень");
        FormDef ua1 = form("Форма Німецька-новий_04,01", "uk_UA", 30)
                .q("full_name", "Повне ім'я", "FULL_NAME", fullName(UA))
                .q("phone_number", "Номер телефону", "PHONE", phone(6, "+380630", "+380630", "0630"))
                .q("эл._адрес", "Эл. адрес", "EMAIL", email(UA, "example.com", "example.org", "mail.example.com"))
                .q("country", "Країна", "COUNTRY", choice(0, "UA", "UA", "UA", "PL", "DE", "CZ"))
                .q("куди_відправити_інформацію?", "Куди відправити інформацію?", "CUSTOM", channel,
                        choice(0, channel))
                .q("коли_б_хотіли_спробувати_пробне_заняття?", "Коли б хотіли спробувати пробне заняття?",
                        "CUSTOM", when, choice(0, when))
                .q("яку_мову_хочете_вивчати?", "Яку мову хочете вивчати?", "CUSTOM", lang, choice(0, lang))
                .q("який_рівень_у_вас_зараз?", "Який рівень у вас зараз?", "CUSTOM", level, choice(0, level))
                .ad("Student/Анатолій/ЛФ/Україна,30-55,Ж,Advantage+/24.07.2025", "Україна/30-55/Ж/Advantage+",
                        "3/статика/Індивідуальні уроки німецької від 299 грн")
                .ad("Student/Анатолій/ЛФ/Україна,30-55,Ж,Advantage+/24.07.2025", "Україна/30-55/Ж/Advantage+",
                        "5/відео/Німецька з \"нуля\", перший урок безкоштовно")
                .ad("Student/Олена/ЛФ/Польща,Німеччина,25-45,Ч+Ж/02.09.2025", "Польща+Німеччина/25-45/всі",
                        "7/карусель/Німецька для роботи, навчання й переїзду");
        ua1.organicPct = 3;
        ua1.igPct = 25;
        ua1.expiredPct = 7;
        ua1.privacyUrl = "https://example.org/uk/privacy";
        ua1.privacyText = "Політика конфіденційності";

        List<Opt> age = opts("6-8", "6–8 років", "9-12", "9–12 років", "13-16", "13–16 років");
        FormDef ua2 = form("Англійська для дітей / весна 2025", "uk_UA", 8)
                .q("full_name", "Ім'я батьків", "FULL_NAME", fullName(UA))
                .q("phone_number", "Телефон", "PHONE", phone(6, "+380630"))
                .q("вік_дитини", "Вік дитини", "CUSTOM", age, choice(0, age))
                .q("коментар", "Коментар (необов'язково)", "CUSTOM",
                        notes(55, "Передзвоніть після 18:00", "Цікавить група вихідного дня", "Двоє дітей"))
                .ad("Kids/Весна/Київ,Львів/25-45/01.03.2025", "Київ, Львів / батьки 25-45",
                        "Англійська для дітей: 2 уроки в подарунок!");
        ua2.status = "ARCHIVED";
        ua2.createdDaysAgo = 300;
        ua2.spanEndDaysAgo = 45;
        ua2.expiredPct = 40;
        ua2.organicPct = 2;
        ua2.privacyUrl = "https://example.org/uk/privacy";
        ua2.privacyText = "Політика конфіденційності";

        FormDef ua3 = form("Чернетка — розмовний клуб", "uk_UA", 0)
                .q("full_name", "Повне ім'я", "FULL_NAME", fullName(UA))
                .q("phone_number", "Номер телефону", "PHONE", phone(6, "+380630"));
        ua3.status = "DRAFT";
        ua3.createdDaysAgo = 9;
        ua3.privacyUrl = "https://example.org/uk/privacy";
        ua3.privacyText = "Політика конфіденційності";
        pages.add(new PageDef("104200000000101", "Мовна школа «Лінгва Демо» (sample)", "Language School",
                List.of(ua1, ua2, ua3)));

        // ---- French ceramics workshop
        List<Opt> atelier = opts("tournage", "Tournage", "modelage", "Modelage", "émaillage", "Émaillage");
        FormDef fr1 = form("Inscription – atelier d'été", "fr_FR", 12)
                .q("first_name", "Prénom", "FIRST_NAME", firstName(FR))
                .q("last_name", "Nom", "LAST_NAME", lastName(FR))
                .q("email", "E-mail", "EMAIL", email(FR, "example.org", "example.com"))
                .q("phone_number", "Numéro de téléphone", "PHONE", phone(4, "+3363998", "063998"))
                .q("city", "Ville", "CITY", choice(0, "Lyon", "Saint-Étienne", "Aix-en-Provence", "Besançon",
                        "Montréal", "Genève"))
                .q("quel_atelier_vous_intéresse_?", "Quel atelier vous intéresse ?", "CUSTOM", atelier,
                        choice(0, atelier))
                .q("remarques", "Remarques ou questions", "CUSTOM",
                        notes(50, "Je suis débutant·e, est-ce adapté ?", "Possible le samedi matin ?",
                                "Nous serons deux, mère & fille"))
                .ad("Été 2025 – Ateliers, Lyon/Rhône", "Lyon +25 km, 25–65, « céramique »",
                        "Carrousel – « Tournez votre 1er bol ! »")
                .ad("Été 2025 – Ateliers, Lyon/Rhône", "Saint-Étienne/Grenoble, intérêts : poterie",
                        "Vidéo 15 s – Émile au tour");
        fr1.organicPct = 5;
        fr1.igPct = 30;
        fr1.createdDaysAgo = 120;
        fr1.privacyUrl = "https://example.org/fr/confidentialite";
        fr1.privacyText = "Politique de confidentialité";
        fr1.disclaimer = new Disclaimer("Consentement",
                "En envoyant ce formulaire, j'accepte que l'Atelier Céramique Émile me recontacte au sujet de "
                        + "mon inscription. Voir « Politique de confidentialité ».",
                List.of(new Checkbox("1600000000000001", "consentement_contact",
                                "J'accepte d'être contacté·e par téléphone ou e-mail", true, false),
                        new Checkbox("1600000000000002", "lettre_d_information",
                                "Je souhaite recevoir la lettre d'information (facultatif)", false, false)));

        List<Opt> participants = opts("1-5", "1 à 5", "6-15", "6 à 15", "16+", "16 et plus");
        FormDef fr2 = form("Demande de devis – entreprises", "fr_CA", 5)
                .q("full_name", "Nom complet", "FULL_NAME", fullName(FR))
                .q("work_email", "Courriel professionnel", "WORK_EMAIL", email(FR, "example.com"))
                .q("company_name", "Entreprise", "COMPANY_NAME", choice(0, "Exemple SARL", "Démo & Fils, Inc.",
                        "Société \"Fictive\" SAS", "Modèle Québec ltée"))
                .q("job_title", "Poste", "JOB_TITLE", choice(20, "Responsable RH", "Office manager",
                        "Directrice, communication"))
                .q("nombre_de_participants", "Nombre de participants", "CUSTOM", participants,
                        choice(0, participants))
                .q("budget_par_personne_(€)", "Budget par personne (€)", "CUSTOM",
                        choice(30, "45", "60", "120,50", "-12.5", "1 000"))
                .q("remarques", "Remarques", "CUSTOM", notes(60, "Team building en décembre", "Besoin d'une facture"))
                .ad("Séminaires B2B – automne", "Île-de-France + Québec, RH/Office", "Offrez un atelier à votre équipe");
        fr2.organicPct = 10;
        fr2.igPct = 5;
        fr2.createdDaysAgo = 150;
        fr2.privacyUrl = "https://example.org/fr/confidentialite";
        fr2.privacyText = "Politique de confidentialité";

        FormDef fr3 = form("Liste d'attente – stage de Pâques", "fr_FR", 0)
                .q("email", "E-mail", "EMAIL", email(FR, "example.org"));
        fr3.createdDaysAgo = 3;
        fr3.privacyUrl = "https://example.org/fr/confidentialite";
        fr3.privacyText = "Politique de confidentialité";
        pages.add(new PageDef("104200000000202", "Atelier Céramique Émile (exemple)", "Arts & Crafts Store",
                List.of(fr1, fr2, fr3)));

        // ---- Portuguese dental clinic (Brazil and Portugal)
        List<Opt> services = opts("clareamento", "Clareamento", "ortodontia", "Ortodontia (aparelho)",
                "implante", "Implante", "limpeza", "Limpeza");
        List<Opt> slot = opts("manhã", "Manhã", "tarde", "Tarde", "noite", "Noite");
        FormDef pt1 = form("Agendamento de avaliação – São Paulo", "pt_BR", 15)
                .q("full_name", "Nome completo", "FULL_NAME", fullName(PT))
                .q("email", "E-mail", "EMAIL", email(PT, "example.com", "example.org"))
                .q("phone_number", "Telefone (WhatsApp)", "PHONE", phone(3, "+5511955550"))
                .q("state", "Estado", "STATE", choice(0, "São Paulo", "Rio de Janeiro", "Minas Gerais", "Paraná"))
                .q("quais_serviços_te_interessam?", "Quais serviços te interessam?", "CUSTOM", services,
                        multi(services))
                .q("melhor_horário_para_contato", "Melhor horário para contato", "CUSTOM", slot, choice(30, slot))
                .q("observações", "Observações", "CUSTOM",
                        notes(60, "Tenho convênio, aceitam?", "Prefiro contato por WhatsApp", "Urgente, dor de dente"))
                .ad("BR | Avaliação gratuita | Leads | 2025/08", "SP capital, 25-55, Instagram Reels",
                        "Reels – Sorriso em 1 consulta? Veja como")
                .ad("BR | Avaliação gratuita | Leads | 2025/08", "Grande SP, interesses: estética",
                        "Imagem – Avaliação grátis, \"sem compromisso\"");
        pt1.organicPct = 20;
        pt1.igPct = 65;
        pt1.expiredPct = 2;
        pt1.createdDaysAgo = 180;
        pt1.privacyUrl = "https://example.com/br/privacidade";
        pt1.privacyText = "Política de privacidade";
        pt1.disclaimer = new Disclaimer("Consentimento (LGPD)",
                "Seus dados serão usados apenas para agendar sua avaliação.",
                List.of(new Checkbox("1600000000000011", "autorizo_contato",
                        "Autorizo o contato da Clínica Sorriso Aberto (LGPD)", true, true)));

        FormDef pt2 = form("Contacto – Lisboa e Porto", "pt_PT", 6)
                .q("full_name", "Nome completo", "FULL_NAME", fullName(PT))
                .q("email", "E-mail", "EMAIL", email(PT, "example.org"))
                .q("phone_number", "Telemóvel", "PHONE", phone(4, "+35121000"))
                .q("city", "Cidade", "CITY", choice(0, "Lisboa", "Porto", "Braga", "Coimbra"))
                .q("date_of_birth", "Data de nascimento", "DATE_OF_BIRTH", dateOfBirth())
                .q("observações", "Observações", "CUSTOM", notes(70, "Primeira consulta", "Prefiro sábado"))
                .ad("PT | Consultas | Lisboa, Porto | 09-2025", "Lisboa/Porto 30-60", "Primeira consulta: 0 €*");
        pt2.organicPct = 10;
        pt2.igPct = 40;
        pt2.createdDaysAgo = 95;
        pt2.privacyUrl = "https://example.com/pt/privacidade";
        pt2.privacyText = "Política de privacidade";
        pages.add(new PageDef("104200000000303", "Clínica Sorriso Aberto (exemplo)", "Dentist & Dental Office",
                List.of(pt1, pt2)));

        // ---- Travel company: English and Arabic forms, right-to-left text
        List<Opt> pl = opts("english", "English", "arabic", "العربية", "hebrew", "עברית", "french", "Français");
        List<Opt> travellers = opts("1", "1", "2", "2", "3-4", "3–4", "5+", "5 or more");
        FormDef tr1 = form("Tour enquiry – Levant 2026", "en_GB", 8)
                .q("full_name", "Full name", "FULL_NAME", fullName(EN_MIXED))
                .q("email", "Email", "EMAIL", email(EN_MIXED, "example.com", "example.org"))
                .q("phone_number", "Phone number", "PHONE", phone(3, "+447700900", "07700900"))
                .q("preferred_language", "Preferred language", "CUSTOM", pl, choice(0, pl))
                .q("travellers", "How many travellers?", "CUSTOM", travellers, choice(0, travellers))
                .q("notes", "Anything we should know?", "CUSTOM",
                        notes(40, "Wheelchair access please", "Vegetarian, two kids (7 and 10)", "Call after 6pm"))
                .ad("UK | Levant tours | Lead gen | Q4/2025", "UK 35-65, travel interests, excl. past travellers",
                        "Petra, Byblos & Jerusalem – 10 nights, \"small groups\"");
        tr1.organicPct = 6;
        tr1.igPct = 20;
        tr1.createdDaysAgo = 110;
        tr1.privacyUrl = "https://example.com/privacy";
        tr1.privacyText = "Privacy policy";

        FormDef tr2 = form("استفسار عن الرحلات", "ar_AR", 4)
                .q("full_name", "الاسم الكامل", "FULL_NAME", fullName(AR))
                .q("البريد_الإلكتروني", "البريد الإلكتروني", "EMAIL", email(AR, "example.com"))
                .q("phone_number", "رقم الهاتف", "PHONE", phone(3, "+447700900"))
                .q("ملاحظات", "ملاحظات", "CUSTOM", notes(50, "رحلة عائلية في الربيع", "نريد دليلاً يتحدث العربية"))
                .ad("MENA | رحلات عائلية | 2025", "الأردن، لبنان / 25-55", "رحلات عائلية إلى البتراء 🏜️");
        tr2.organicPct = 8;
        tr2.igPct = 50;
        tr2.createdDaysAgo = 100;
        tr2.privacyUrl = "https://example.com/ar/privacy";
        tr2.privacyText = "سياسة الخصوصية";
        pages.add(new PageDef("104200000000404", "Cedar & Olive Travel (sample)", "Travel Company",
                List.of(tr1, tr2)));

        // ---- US pet groomer (only on a later /me/accounts result page when limit <= 4)
        List<Opt> service = opts("full_groom", "Full groom", "bath_brush", "Bath & brush", "nail_trim", "Nail trim");
        FormDef us1 = form("Book a grooming slot", "en_US", 12)
                .q("first_name", "First name", "FIRST_NAME", firstName(US))
                .q("last_name", "Last name", "LAST_NAME", lastName(US))
                .q("email", "Email", "EMAIL", email(US, "example.com", "example.org"))
                .q("phone_number", "Phone number", "PHONE", phone(2, "+120255501", "(202) 555-01"))
                .q("zip_code", "ZIP code", "ZIP", choice(0, "20001", "20002", "20009", "22201"))
                .q("pet_name", "Your pet's name", "CUSTOM",
                        choice(0, "Biscuit 🐶", "Mr. Whiskers", "Luna", "Sir Fluffington III", "Pepper, the cat"))
                .q("service", "Service", "CUSTOM", service, choice(0, service))
                .q("store", "Preferred salon", "STORE_LOOKUP", choice(0, "1042", "1187", "2203"))
                .q("notes", "Notes for the groomer", "CUSTOM",
                        notes(50, "Nervous around dryers", "Two dogs, same owner"))
                .ad("US | Grooming | Leads | Fall", "DC metro 25-54, pet owners", "First groom 20% off 🐾");
        us1.organicPct = 8;
        us1.igPct = 35;
        us1.createdDaysAgo = 140;
        us1.privacyUrl = "https://example.com/privacy";
        us1.privacyText = "Privacy Policy";
        us1.disclaimer = new Disclaimer("Text messages", "Reply STOP to opt out.",
                List.of(new Checkbox("1600000000000021", "sms_offers",
                        "Send me offers by SMS (optional)", false, false)));

        FormDef us2 = form("Holiday photo day – waitlist", "en_US", 2)
                .q("full_name", "Full name", "FULL_NAME", fullName(US))
                .q("email", "Email", "EMAIL", email(US, "example.com"))
                .ad("US | Holiday photo day 2024", "DC metro 25-54", "Santa paws photos 📸");
        us2.status = "ARCHIVED";
        us2.createdDaysAgo = 330;
        us2.spanEndDaysAgo = 60;
        us2.expiredPct = 25;
        us2.privacyUrl = "https://example.com/privacy";
        us2.privacyText = "Privacy Policy";
        pages.add(new PageDef("104200000000505", "Paws & Whiskers Grooming (sample)", "Pet Groomer",
                List.of(us1, us2)));
        return pages;
    }

    /** Distinct-id helper: the same name gets the same id within a form. */
    static Map<String, String> idsFor(List<String> names, long base) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String n : names) {
            ids.computeIfAbsent(n, k -> String.valueOf(base + ids.size() * 9_173L));
        }
        return ids;
    }
}
