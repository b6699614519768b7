package io.leaddesk.store;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The user's settings, kept as JSON in the data folder ({@link SettingsStore}).
 *
 * @param graphVersion  Graph API version such as {@code v25.0}
 * @param theme         "light" or "dark"
 * @param defaultRegion ISO country used to read phone numbers without a country code in exports, e.g. "UA"
 * @param dataFolder    a data folder chosen by the user, or null for the default one
 * @param language      the UI language as a BCP 47 tag ({@code uk}, {@code pt-BR}), or "" for the OS language
 *                      ({@code io.leaddesk.i18n.Language})
 */
public record AppSettings(String graphVersion, String theme, String defaultRegion, String dataFolder, String language) {
    public static final String LIGHT = "light";
    public static final String DARK = "dark";
    private static final Pattern VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,2}");

    public AppSettings {
        graphVersion = graphVersion == null || graphVersion.isBlank() ? "v25.0" : graphVersion.strip();
        theme = DARK.equalsIgnoreCase(theme == null ? "" : theme.strip()) ? DARK : LIGHT;
        defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        dataFolder = dataFolder == null || dataFolder.isBlank() ? null : dataFolder.strip();
        language = language == null ? "" : language.strip();
    }

    /** Settings in the OS language. */
    public AppSettings(String graphVersion, String theme, String defaultRegion, String dataFolder) {
        this(graphVersion, theme, defaultRegion, dataFolder, "");
    }

    public static AppSettings defaults() {
        return new AppSettings("v25.0", LIGHT, "", null, "");
    }

    public static boolean isValidVersion(String v) {
        return v != null && VERSION.matcher(v.strip()).matches();
    }

    public boolean dark() {
        return DARK.equals(theme);
    }

    public AppSettings withGraphVersion(String v) {
        return new AppSettings(v, theme, defaultRegion, dataFolder, language);
    }

    public AppSettings withTheme(String t) {
        return new AppSettings(graphVersion, t, defaultRegion, dataFolder, language);
    }

    public AppSettings withDefaultRegion(String r) {
        return new AppSettings(graphVersion, theme, r, dataFolder, language);
    }

    public AppSettings withDataFolder(String f) {
        return new AppSettings(graphVersion, theme, defaultRegion, f, language);
    }

    /** @param tag a BCP 47 tag such as {@code uk}, or "" for the OS language */
    public AppSettings withLanguage(String tag) {
        return new AppSettings(graphVersion, theme, defaultRegion, dataFolder, tag);
    }
}
