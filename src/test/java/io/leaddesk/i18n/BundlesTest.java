package io.leaddesk.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import io.leaddesk.access.FindingCode;
import io.leaddesk.store.ReviewStatus;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seven bundles: every key in every bundle, no unused key, the same arguments (and every plural form the language
 * needs) in every translation, nothing left in English. A failure lists what is wrong key by key, with the English
 * text, so the keys added by a merge can be translated from the message alone.
 */
class BundlesTest {
    private static final Path MAIN = Path.of("src/main");
    private static final Path DIR = MAIN.resolve("resources/i18n");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
    private static final Pattern QUOTED = Pattern.compile("\"([a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)+)\"");
    private static final Pattern CODE_KEY = Pattern.compile("\\b(?:m|messages|ctx\\.messages\\(\\)|messages\\(\\))\\.(?:get|format)\\(\"([A-Za-z0-9_.]+)\"");
    /** Values a translation may keep as in English: names, codes and words every language uses as they are. */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("LeadDesk", "Facebook", "Instagram", "EAAB…", "UTF-8",
            "CSV", "Meta", "ID", "OK", "—", "{0} · {1}", "Windows-1251", "{0} ({1,number,integer})", "Spam",
            "{0,number,integer} / {1,number,integer}", "Lead {0}", "Status", "Format", "Form", "Platform", "Email", "Tab",
            "{0} ({1})", "ID {0}", "{0} · ID {1}", "{1} · ID {0}", "({0,number,integer})", "Pages");

    /** messages_xx.properties of each language but English (the root bundle) that exists ({@link #thereIsOneBundlePerLanguage}). */
    static Map<Language, Path> translations() {
        Map<Language, Path> out = new LinkedHashMap<>(expectedTranslations());
        out.values().removeIf(p -> !Files.exists(p));
        return out;
    }

    static Map<Language, Path> expectedTranslations() {
        Map<Language, Path> out = new LinkedHashMap<>();
        for (Language l : Language.values()) {
            if (l != Language.ENGLISH) {
                out.put(l, DIR.resolve("messages_" + l.locale().toString() + ".properties"));
            }
        }
        return out;
    }

    static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader in = new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8)) {
            props.load(in);
        }
        return props;
    }

    static Properties english() throws IOException {
        return load(DIR.resolve("messages.properties"));
    }

    private static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(MAIN.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    /** Keys the code and the views ask for by name: %key in FXML, get/format("key") in code. */
    static Set<String> askedFor() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path p : files("resources/io/leaddesk/ui", ".fxml")) {
            Matcher m = FXML_KEY.matcher(Files.readString(p));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        for (Path p : files("java/io/leaddesk", ".java")) {
            Matcher m = CODE_KEY.matcher(Files.readString(p));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        for (ReviewStatus s : ReviewStatus.values()) {
            keys.add("review." + s.wireName());
        }
        return keys;
    }

    /** Whether some code or view can ask for {@code key}: named in quotes, as %key, or built from a known prefix. */
    private static boolean used(String key, String allSource) {
        if (allSource.contains("\"" + key + "\"") || allSource.contains("\"%" + key + "\"")) {
            return true;
        }
        if (Arrays.stream(ReviewStatus.values()).anyMatch(s -> key.equals("review." + s.wireName()))) {
            return true;
        }
        // the access doctor's findings: access.<code>[.<variant>].message / .fix (io.leaddesk.access.Findings)
        return Arrays.stream(FindingCode.values()).anyMatch(c -> key.startsWith("access." + c.wire() + "."));
    }

    @Test
    void thereIsOneBundlePerLanguage() throws IOException {
        for (Path p : expectedTranslations().values()) {
            assertThat(p).as("bundle of a language in io.leaddesk.i18n.Language").exists();
        }
        try (Stream<Path> s = Files.list(DIR)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties")))
                    .as("bundles without a Language constant").hasSize(translations().size() + 1);
        }
    }

    @Test
    void everyKeyTheAppAsksForIsInTheEnglishBundle() throws IOException {
        Set<String> asked = askedFor();
        assertThat(asked).hasSizeGreaterThan(100).contains("signin.title", "leads.count", "detail.expiry.days");
        Properties en = english();
        assertThat(asked.stream().filter(k -> !en.containsKey(k)).toList()).as("keys the app asks for that messages.properties lacks").isEmpty();
    }

    @Test
    void everyEnglishKeyIsUsed() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path p : files("java/io/leaddesk", ".java")) {
            all.append(Files.readString(p));
        }
        for (Path p : files("resources/io/leaddesk", ".fxml")) {
            all.append(Files.readString(p));
        }
        String source = all.toString();
        List<String> unused = english().stringPropertyNames().stream().filter(k -> !used(k, source)).sorted().toList();
        assertThat(unused).as("keys in messages.properties that no code or view uses (remove them from every bundle)").isEmpty();
    }

    @Test
    void everyBundleHasEveryKeyAndNoOther() throws IOException {
        Properties en = english();
        StringBuilder report = new StringBuilder();
        for (Map.Entry<Language, Path> t : translations().entrySet()) {
            Properties tr = load(t.getValue());
            Map<String, String> missing = new TreeMap<>();
            for (String k : en.stringPropertyNames()) {
                if (!tr.containsKey(k)) {
                    missing.put(k, en.getProperty(k));
                }
            }
            Set<String> extra = new TreeSet<>(tr.stringPropertyNames());
            extra.removeAll(en.stringPropertyNames());
            if (!missing.isEmpty()) {
                report.append('\n').append(t.getValue().getFileName()).append(" lacks ").append(missing.size())
                        .append(" keys (English text shown):\n");
                missing.forEach((k, v) -> report.append("  ").append(k).append('=').append(v).append('\n'));
            }
            if (!extra.isEmpty()) {
                report.append('\n').append(t.getValue().getFileName()).append(" has keys English does not: ").append(extra).append('\n');
            }
        }
        assertThat(report.toString()).as("bundles out of step with messages.properties").isEmpty();
    }

    /** What a pattern's arguments are: {0}=simple, {1}=plural... (the plural branches' own arguments included). */
    static Map<String, String> arguments(String pattern) {
        MessagePattern mp = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL).parse(pattern);
        Map<String, String> args = new TreeMap<>();
        for (int i = 0; i < mp.countParts(); i++) {
            MessagePattern.Part p = mp.getPart(i);
            if (p.getType() == MessagePattern.Part.Type.ARG_START) {
                MessagePattern.Part name = mp.getPart(i + 1);
                String type = p.getArgType().name().toLowerCase(Locale.ROOT);
                if (p.getArgType() == MessagePattern.ArgType.SIMPLE) {
                    type = mp.getSubstring(mp.getPart(i + 2)); // number, date, time
                }
                args.merge(mp.getSubstring(name), type, (a, b) -> a.equals(b) ? a : a + "|" + b);
            }
        }
        return args;
    }

    /** The plural keywords each plural argument of a pattern offers ({@code one}, {@code few}, ...; {@code =0} excluded). */
    static List<Set<String>> pluralKeywords(String pattern) {
        MessagePattern mp = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL).parse(pattern);
        List<Set<String>> out = new ArrayList<>();
        for (int i = 0; i < mp.countParts(); i++) {
            MessagePattern.Part p = mp.getPart(i);
            if (p.getType() == MessagePattern.Part.Type.ARG_START && p.getArgType() == MessagePattern.ArgType.PLURAL) {
                Set<String> kw = new TreeSet<>();
                int limit = mp.getLimitPartIndex(i);
                for (int j = i + 1; j < limit; j++) {
                    MessagePattern.Part q = mp.getPart(j);
                    if (q.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                        kw.add(mp.getSubstring(q));
                    } else if (q.getType() == MessagePattern.Part.Type.MSG_START) {
                        j = mp.getLimitPartIndex(j);
                    }
                }
                out.add(kw);
            }
        }
        return out;
    }

    /** The plural forms whole numbers up to a million take in a language (uk, ru: one, few, many, other...). */
    static Set<String> neededForms(Locale locale) {
        PluralRules rules = PluralRules.forLocale(locale);
        Set<String> forms = new TreeSet<>();
        for (int n = 0; n <= 1_000; n++) {
            forms.add(rules.select(n));
        }
        forms.add("other");
        return forms;
    }

    @Test
    void everyPatternParsesAndTranslationsHaveTheArgumentsAndPluralFormsOfTheEnglish() throws IOException {
        Properties en = english();
        StringBuilder report = new StringBuilder();
        for (String k : new TreeSet<>(en.stringPropertyNames())) {
            String v = en.getProperty(k);
            assertThat(v).as(k).isNotBlank();
            try {
                arguments(v);
            } catch (IllegalArgumentException e) {
                report.append("messages.properties ").append(k).append(": not a message pattern: ").append(e.getMessage()).append('\n');
            }
        }
        for (Map.Entry<Language, Path> t : translations().entrySet()) {
            Properties tr = load(t.getValue());
            Set<String> needed = neededForms(t.getKey().locale());
            for (String k : new TreeSet<>(tr.stringPropertyNames())) {
                if (!en.containsKey(k)) {
                    continue;
                }
                String name = t.getValue().getFileName() + " " + k;
                String v = tr.getProperty(k);
                try {
                    Map<String, String> want = arguments(en.getProperty(k));
                    Map<String, String> got = arguments(v);
                    if (!want.equals(got)) {
                        report.append(name).append(": arguments ").append(got).append(" but English has ").append(want).append('\n');
                    }
                    for (Set<String> kw : pluralKeywords(v)) {
                        Set<String> lacking = new TreeSet<>(needed);
                        lacking.removeAll(kw);
                        if (!lacking.isEmpty()) {
                            report.append(name).append(": a plural lacks the forms ").append(lacking).append('\n');
                        }
                    }
                } catch (IllegalArgumentException e) {
                    report.append(name).append(": not a message pattern: ").append(e.getMessage()).append('\n');
                }
                if (v.isBlank()) {
                    report.append(name).append(": blank\n");
                }
                if (v.indexOf('\'') >= 0) {
                    report.append(name).append(": write the apostrophe as ’ (a plain ' is a quote in message patterns)\n");
                }
            }
        }
        assertThat(report.toString()).as("patterns that do not match their English").isEmpty();
    }

    @Test
    void noTranslationIsLeftInEnglish() throws IOException {
        Properties en = english();
        StringBuilder report = new StringBuilder();
        for (Map.Entry<Language, Path> t : translations().entrySet()) {
            Properties tr = load(t.getValue());
            String same = tr.stringPropertyNames().stream().sorted()
                    .filter(k -> tr.getProperty(k).equals(en.getProperty(k)) && !SAME_IN_EVERY_LANGUAGE.contains(tr.getProperty(k)))
                    .map(k -> "  " + k + "=" + tr.getProperty(k)).collect(Collectors.joining("\n"));
            if (!same.isEmpty()) {
                report.append(t.getValue().getFileName()).append(" keeps the English text of:\n").append(same).append('\n');
            }
        }
        assertThat(report.toString()).as("values identical to English (translate them, or add a word every language keeps to "
                + "SAME_IN_EVERY_LANGUAGE)").isEmpty();
    }

    @Test
    void everyPatternFormatsInItsLanguage() throws IOException {
        Properties en = english();
        Map<Language, Path> all = new LinkedHashMap<>();
        all.put(Language.ENGLISH, DIR.resolve("messages.properties"));
        all.putAll(translations());
        for (Language l : all.keySet()) {
            Properties props = load(all.get(l));
            MessageText text = new MessageText(l.locale(), java.util.TimeZone.getTimeZone("UTC"));
            for (String k : props.stringPropertyNames()) {
                Object[] args = sampleArguments(arguments(en.getProperty(k, props.getProperty(k))));
                String out = text.format(props.getProperty(k), args);
                assertThat(out).as(l + " " + k).isNotBlank().doesNotContain("{", "}");
            }
        }
    }

    private static Object[] sampleArguments(Map<String, String> args) {
        int n = args.keySet().stream().mapToInt(Integer::parseInt).max().orElse(-1) + 1;
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            String type = args.getOrDefault(String.valueOf(i), "none");
            out[i] = type.contains("plural") || type.contains("number") ? (Object) 5 : type.contains("date") || type.contains("time")
                    ? new java.util.Date(1_780_000_000_000L) : "x";
        }
        return out;
    }
}
