package io.leaddesk.sample;

import io.leaddesk.sample.SampleForm.Answer;
import io.leaddesk.sample.SampleForm.Opt;

import java.util.ArrayList;
import java.util.List;

/**
 * The pools the sample's answers are drawn from (people by language, tricky values) and the answer generators the
 * form definitions in {@link SampleCatalog} use. Every person, phone number and address here is made up: e-mails use
 * example.com / example.org, phones use fictional or reserved ranges where a country has one (UK 07700 900xxx, US
 * 555-01xx, France 06 39 98 xx xx) and obviously invented numbers elsewhere.
 */
final class SampleAnswers {
    private SampleAnswers() {
    }

    /** Values that break naive CSV, spreadsheet, bidi or JSON handling. Used by free-text answers. */
    static final String[] TRICKY = {
            "Ціна, розклад і \"пробний\" урок?",
            "Line one\nLine two\r\nLine three",
            "Super 👍🏽 merci !",
            "Für die ganze Familie 👨‍👩‍👧‍👦 bitte",
            "أرغب في رحلة عائلية، شكراً",
            "מעוניין בסיור, תודה רבה",
            "=HYPERLINK(\"http://example.com\",\"click\")",
            "+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3",
            "-12.5",
            "+380501234567",
            "Tab\there, a backslash \\ and a slash / too",
            "“Typographic quotes”, ‘single’ – dash … ellipsis; semi;colons",
            "<b>not bold</b> & ampersand",
            "Mixed: Hello שלום مرحبا 123",
    };

    static final class People {
        final String[] first;
        final String[] last;
        final String[] firstSlug;
        final String[] lastSlug;
        final String[] firstSlugCap;
        final String[] tricky;

        People(String[][] first, String[][] last, String... trickyFullNames) {
            this.first = new String[first.length];
            this.firstSlug = new String[first.length];
            this.firstSlugCap = new String[first.length];
            for (int i = 0; i < first.length; i++) {
                this.first[i] = Json.esc(first[i][0]);
                this.firstSlug[i] = first[i][1];
                this.firstSlugCap[i] = Character.toUpperCase(first[i][1].charAt(0)) + first[i][1].substring(1);
            }
            this.last = new String[last.length];
            this.lastSlug = new String[last.length];
            for (int i = 0; i < last.length; i++) {
                this.last[i] = Json.esc(last[i][0]);
                this.lastSlug[i] = last[i][1];
            }
            this.tricky = Json.esc(trickyFullNames);
        }

        int fi(long p) {
            return (int) Long.remainderUnsigned(p >>> 8, first.length);
        }

        int li(long p) {
            return (int) Long.remainderUnsigned(p >>> 24, last.length);
        }
    }

    static final People UA = new People(
            new String[][]{{"Олена", "olena"}, {"Оксана", "oksana"}, {"Анатолій", "anatolii"}, {"Марія", "mariia"},
                    {"Іван", "ivan"}, {"Тетяна", "tetiana"}, {"Богдан", "bohdan"}, {"Ірина", "iryna"},
                    {"Юлія", "yuliia"}, {"Андрій", "andrii"}, {"Наталія", "nataliia"}, {"Дмитро", "dmytro"},
                    {"Світлана", "svitlana"}, {"Ярослав", "yaroslav"}, {"Катерина", "kateryna"}, {"Олег", "oleh"},
                    {"Oksana", "oksana"}, {"Olha", "olha"}},
            new String[][]{{"Тестенко", "testenko"}, {"Прикладенко", "prykladenko"}, {"Зразкович", "zrazkovych"},
                    {"Вигадченко", "vyhadchenko"}, {"Пробенко", "probenko"}, {"Семпленко", "semplenko"},
                    {"Демо-Коваль", "demo-koval"}, {"Уявна", "uiavna"}},
            "Олена \"Лена\" Тестенко", "Іван Прикладенко, молодший", "Марія-Оксана Д'Вигадченко",
            "Ольга Тестенко 👍🏽");

    static final People FR = new People(
            new String[][]{{"Élodie", "elodie"}, {"Chloé", "chloe"}, {"Hélène", "helene"}, {"François", "francois"},
                    {"Loïc", "loic"}, {"Gaëlle", "gaelle"}, {"Jérôme", "jerome"}, {"Anaïs", "anais"},
                    {"Zoé", "zoe"}, {"Benoît", "benoit"}, {"Anne-Sophie", "anne-sophie"}, {"Noël", "noel"}},
            new String[][]{{"Exemple", "exemple"}, {"Fictif", "fictif"}, {"Lemaître-Démo", "lemaitre-demo"},
                    {"D'Essai", "dessai"}, {"Bélanger-Test", "belanger-test"}, {"Modèle", "modele"}},
            "Jean-Édouard de L'Exemple, Jr.", "Zoé \"Zozo\" Fictif", "=1+1 Exemple");

    static final People PT = new People(
            new String[][]{{"João", "joao"}, {"Ana Luíza", "analuiza"}, {"Conceição", "conceicao"},
                    {"Sebastião", "sebastiao"}, {"Thaís", "thais"}, {"Inês", "ines"}, {"Gonçalo", "goncalo"},
                    {"Márcia", "marcia"}, {"Caio", "caio"}, {"Letícia", "leticia"}},
            new String[][]{{"Exemplo", "exemplo"}, {"da Silva Teste", "silvateste"}, {"Fictício", "ficticio"},
                    {"Amostra", "amostra"}, {"de Demonstração", "demonstracao"}},
            "José \"Zé\" Exemplo", "Maria da Conceição, Exemplo", "Ana 👨‍👩‍👧‍👦 Amostra");

    static final People EN_MIXED = new People(
            new String[][]{{"Amelia", "amelia"}, {"Oliver", "oliver"}, {"Layla", "layla"}, {"Noa", "noa"},
                    {"Yusuf", "yusuf"}, {"Sian", "sian"}, {"Rhys", "rhys"}, {"Hannah", "hannah"},
                    {"Omar", "omar"}, {"Tamar", "tamar"}},
            new String[][]{{"Example", "example"}, {"Sample-Smith", "sample-smith"}, {"Testington", "testington"},
                    {"O'Placeholder", "oplaceholder"}, {"Demo", "demo"}},
            "ليلى مثال", "נועה דוגמה", "Yusuf ibn Example (يوسف)", "Seán O'Connor, Jr.");

    static final People AR = new People(
            new String[][]{{"ليلى", "layla"}, {"يوسف", "yusuf"}, {"مريم", "maryam"}, {"عمر", "omar"},
                    {"سارة", "sara"}, {"خالد", "khaled"}},
            new String[][]{{"مثال", "mithal"}, {"تجربة", "tajriba"}, {"نموذج", "namudhaj"}},
            "نور \"الهدى\" مثال", "Layla Example ليلى");

    static final People US = new People(
            new String[][]{{"Emma", "emma"}, {"Liam", "liam"}, {"Sofia", "sofia"}, {"Mason", "mason"},
                    {"Ava", "ava"}, {"Ethan", "ethan"}, {"Mia", "mia"}, {"Noah", "noah"}, {"Zoë", "zoe"}},
            new String[][]{{"Sample", "sample"}, {"Doe-Example", "doe-example"}, {"Placeholder", "placeholder"},
                    {"Testwell", "testwell"}, {"McDemo", "mcdemo"}});

    // ------------------------------------------------------------------ answers

    static Answer fullName(People p) {
        return (sb, i, person, h) -> {
            sb.append('"');
            if (p.tricky.length > 0 && i % 17 == 9) {
                sb.append(p.tricky[(i / 17) % p.tricky.length]);
            } else {
                sb.append(p.first[p.fi(person)]).append(' ').append(p.last[p.li(person)]);
            }
            sb.append('"');
        };
    }

    static Answer firstName(People p) {
        return (sb, i, person, h) -> sb.append('"').append(p.first[p.fi(person)]).append('"');
    }

    static Answer lastName(People p) {
        return (sb, i, person, h) -> sb.append('"').append(p.last[p.li(person)]).append('"');
    }

    static Answer email(People p, String... domains) {
        return (sb, i, person, h) -> {
            int fi = p.fi(person);
            sb.append('"').append(Long.remainderUnsigned(h, 10) == 0 ? p.firstSlugCap[fi] : p.firstSlug[fi])
                    .append('.').append(p.lastSlug[p.li(person)]).append(Long.remainderUnsigned(person >>> 40, 100))
                    .append('@').append(domains[(int) Long.remainderUnsigned(person >>> 52, domains.length)])
                    .append('"');
        };
    }

    /** A phone: one of the prefixes followed by {@code digits} digits. */
    static Answer phone(int digits, String... prefixes) {
        long mod = (long) Math.pow(10, digits);
        String[] esc = Json.esc(prefixes);
        return (sb, i, person, h) -> {
            String prefix = esc[(int) Long.remainderUnsigned(h >>> 3, esc.length)];
            long v = Long.remainderUnsigned(person >>> 20, mod);
            sb.append('"').append(prefix);
            String s = Long.toString(v);
            for (int k = s.length(); k < digits; k++) {
                sb.append('0');
            }
            sb.append(s).append('"');
        };
    }

    /** One of the values; with probability skipPct percent no value (a skipped optional question). */
    static Answer choice(int skipPct, String... values) {
        String[] esc = Json.esc(values);
        return (sb, i, person, h) -> {
            if (skipPct > 0 && Long.remainderUnsigned(h >>> 7, 100) < skipPct) {
                return;
            }
            sb.append('"').append(esc[(int) Long.remainderUnsigned(h >>> 17, esc.length)]).append('"');
        };
    }

    static Answer choice(int skipPct, List<Opt> options) {
        return choice(skipPct, options.stream().map(Opt::key).toArray(String[]::new));
    }

    /** One to three distinct option keys (multi-choice). */
    static Answer multi(List<Opt> options) {
        String[] esc = Json.esc(options.stream().map(Opt::key).toArray(String[]::new));
        return (sb, i, person, h) -> {
            int n = 1 + (int) Long.remainderUnsigned(h >>> 11, Math.min(3, esc.length));
            int startAt = (int) Long.remainderUnsigned(h >>> 23, esc.length);
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    sb.append(',');
                }
                sb.append('"').append(esc[(startAt + k) % esc.length]).append('"');
            }
        };
    }

    /** Free text: every 11th lead gets a tricky value; otherwise a plain note or nothing. */
    static Answer notes(int skipPct, String... plain) {
        String[] esc = Json.esc(plain);
        String[] tricky = Json.esc(TRICKY);
        return (sb, i, person, h) -> {
            if (i % 11 == 4) {
                sb.append('"').append(tricky[(i / 11) % tricky.length]).append('"');
                return;
            }
            if (Long.remainderUnsigned(h >>> 7, 100) < skipPct) {
                return;
            }
            sb.append('"').append(esc[(int) Long.remainderUnsigned(h >>> 17, esc.length)]).append('"');
        };
    }

    static Answer dateOfBirth() {
        return (sb, i, person, h) -> {
            int m = 1 + (int) Long.remainderUnsigned(person >>> 5, 12);
            int d = 1 + (int) Long.remainderUnsigned(person >>> 13, 28);
            int y = 1950 + (int) Long.remainderUnsigned(person >>> 19, 55);
            sb.append('"').append(m < 10 ? "0" : "").append(m).append('/').append(d < 10 ? "0" : "").append(d)
                    .append('/').append(y).append('"');
        };
    }

    static List<Opt> opts(String... keyValue) {
        List<Opt> out = new ArrayList<>();
        for (int i = 0; i < keyValue.length; i += 2) {
            out.add(new Opt(keyValue[i], keyValue[i + 1]));
        }
        return out;
    }
}
