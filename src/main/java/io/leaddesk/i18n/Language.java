package io.leaddesk.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the app, each named in its own words (Settings > Language). The setting stores {@link #tag()};
 * an empty setting means "System default": the OS language when it is one of these, else English.
 * Adding a language: a constant here, a {@code i18n/messages_xx.properties} bundle and its glossary section
 * (README, "Adding a language").
 */
public enum Language {
    ENGLISH("en", "English"),
    TURKISH("tr", "Türkçe"),
    UKRAINIAN("uk", "Українська"),
    RUSSIAN("ru", "Русский"),
    PORTUGUESE_BRAZIL("pt-BR", "Português (Brasil)"),
    INDONESIAN("id", "Bahasa Indonesia"),
    FRENCH("fr", "Français");

    /** The setting's value for "System default". */
    public static final String SYSTEM = "";
    /**
     * The pseudo-locale (accented, 40 % longer text; see {@link PseudoText}): not offered in Settings, but accepted as a
     * setting ({@code "language": "en-XA"} in settings.json), so a developer can look for cut-off and hard-coded text.
     */
    public static final Locale PSEUDO = Locale.forLanguageTag("en-XA");

    private final String tag;
    private final String nativeName;

    Language(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    /** The BCP 47 tag kept in the settings: {@code en}, {@code pt-BR}. */
    public String tag() {
        return tag;
    }

    /** The language's name in itself: Türkçe, Українська, Português (Brasil). */
    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    /** The language of a settings value ({@code "uk"}, {@code "pt-BR"}, case and {@code _} tolerated), if it is one of ours. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String t = tag.strip().replace('_', '-');
        for (Language l : values()) {
            if (l.tag.equalsIgnoreCase(t)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /** The language of an OS locale when it is one of ours (any Portuguese reads Brazilian Portuguese), else English. */
    public static Language forSystem(Locale system) {
        String lang = system == null ? "" : system.getLanguage();
        return switch (lang) {
            case "tr" -> TURKISH;
            case "uk" -> UKRAINIAN;
            case "ru" -> RUSSIAN;
            case "pt" -> PORTUGUESE_BRAZIL;
            case "id", "in" -> INDONESIAN; // "in" is the old ISO code Java used for Indonesian
            case "fr" -> FRENCH;
            default -> ENGLISH;
        };
    }

    /**
     * The locale the app speaks for a settings value: one of ours by its tag, the pseudo-locale by its tag, anything
     * else (empty = System default, or unknown) by the OS locale.
     */
    public static Locale resolve(String setting, Locale system) {
        boolean blank = setting == null || setting.isBlank();
        if (!blank && PSEUDO.toLanguageTag().equalsIgnoreCase(setting.strip()) || blank && PSEUDO.equals(system)) {
            return PSEUDO;
        }
        return ofTag(setting).orElseGet(() -> forSystem(system)).locale();
    }
}
