package io.leaddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.store.ReviewStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text key used by FXML (%key) and by code (get/format("key")) exists in every messages bundle. */
class I18nTest {
    private static final Path MAIN = Path.of("src/main");
    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
    private static final Pattern CODE_KEY = Pattern.compile("\\b(?:m|messages|ctx\\.messages\\(\\))\\.(?:get|format)\\(\"([A-Za-z0-9_.]+)\"");

    private static List<Path> files(String dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(MAIN.resolve(dir))) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path p : files("resources/io/leaddesk/ui", ".fxml")) {
            Matcher m = FXML_KEY.matcher(Files.readString(p));
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        for (Path p : files("java/io/leaddesk/ui", ".java")) {
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

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> s = Files.list(MAIN.resolve("resources/i18n"))) {
            return s.filter(p -> p.getFileName().toString().matches("messages(_.+)?\\.properties")).toList();
        }
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(p)) {
            props.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }

    @Test
    void everyUsedKeyExistsInEveryBundle() throws IOException {
        Set<String> used = usedKeys();
        assertThat(used).hasSizeGreaterThan(100).contains("signin.title", "leads.count", "detail.expiry.days");
        List<Path> bundles = bundles();
        assertThat(bundles).extracting(p -> p.getFileName().toString()).contains("messages.properties");
        for (Path b : bundles) {
            Properties props = load(b);
            List<String> missing = new ArrayList<>();
            for (String k : used) {
                if (!props.containsKey(k)) {
                    missing.add(k);
                }
            }
            assertThat(missing).as("keys missing in " + b.getFileName()).isEmpty();
        }
    }

    @Test
    void everyMessageIsAValidPatternAndNoneIsBlank() throws IOException {
        Properties en = load(MAIN.resolve("resources/i18n/messages.properties"));
        for (String k : en.stringPropertyNames()) {
            String v = en.getProperty(k);
            assertThat(v).as(k).isNotBlank();
            new MessageFormat(v, Locale.ENGLISH); // throws on a broken pattern
            if (v.contains("{0")) {
                assertThat(v).as(k + ": a lone apostrophe swallows MessageFormat arguments").doesNotContainPattern("[^']'[^']");
            }
        }
    }
}
