package io.leaddesk.store;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The user's settings, kept as JSON in the data folder ({@link SettingsStore}).
 *
 * @param graphVersion  Graph API version such as {@code v25.0}
 * @param theme         "light" or "dark"
 * @param defaultRegion ISO country used to read phone numbers without a country code in exports, e.g. "UA"
 * @param dataFolder    a data folder chosen by the user, or null for the default one
 * @param workspaces    per workspace ({@link #MAIN_WORKSPACE}, {@link #DEMO_WORKSPACE}): how it keeps up with new
 *                      leads; a workspace without an entry has {@link LiveSettings#defaults()}
 */
public record AppSettings(String graphVersion, String theme, String defaultRegion, String dataFolder,
                          Map<String, LiveSettings> workspaces) {
    public static final String LIGHT = "light";
    public static final String DARK = "dark";
    private static final Pattern VERSION = Pattern.compile("v\\d{1,3}\\.\\d{1,2}");
    /** The workspace of the data folder's own cache (signed in, or offline). */
    public static final String MAIN_WORKSPACE = "main";
    /** The demo workspace ("Try with sample data", its cache in {@code <data folder>/demo}). */
    public static final String DEMO_WORKSPACE = "demo";

    /** Without workspace settings (every workspace has the defaults). */
    public AppSettings(String graphVersion, String theme, String defaultRegion, String dataFolder) {
        this(graphVersion, theme, defaultRegion, dataFolder, Map.of());
    }

    public AppSettings {
        graphVersion = graphVersion == null || graphVersion.isBlank() ? "v25.0" : graphVersion.strip();
        theme = DARK.equalsIgnoreCase(theme == null ? "" : theme.strip()) ? DARK : LIGHT;
        defaultRegion = defaultRegion == null || defaultRegion.isBlank() ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        dataFolder = dataFolder == null || dataFolder.isBlank() ? null : dataFolder.strip();
        Map<String, LiveSettings> w = new LinkedHashMap<>();
        if (workspaces != null) {
            workspaces.forEach((k, v) -> {
                if (k != null && v != null) {
                    w.put(k, v);
                }
            });
        }
        workspaces = java.util.Collections.unmodifiableMap(w);
    }

    public static AppSettings defaults() {
        return new AppSettings("v25.0", LIGHT, "", null);
    }

    public static boolean isValidVersion(String v) {
        return v != null && VERSION.matcher(v.strip()).matches();
    }

    public boolean dark() {
        return DARK.equals(theme);
    }

    public AppSettings withGraphVersion(String v) {
        return new AppSettings(v, theme, defaultRegion, dataFolder, workspaces);
    }

    public AppSettings withTheme(String t) {
        return new AppSettings(graphVersion, t, defaultRegion, dataFolder, workspaces);
    }

    public AppSettings withDefaultRegion(String r) {
        return new AppSettings(graphVersion, theme, r, dataFolder, workspaces);
    }

    public AppSettings withDataFolder(String f) {
        return new AppSettings(graphVersion, theme, defaultRegion, f, workspaces);
    }

    /** How the workspace keeps up with new leads (the defaults when it has no entry). */
    public LiveSettings live(String workspace) {
        return workspaces.getOrDefault(workspace, LiveSettings.defaults());
    }

    public AppSettings withLive(String workspace, LiveSettings live) {
        Map<String, LiveSettings> w = new LinkedHashMap<>(workspaces);
        w.put(workspace, live);
        return new AppSettings(graphVersion, theme, defaultRegion, dataFolder, w);
    }

    /** These settings with the workspace settings of {@code other} (a dialog that edits the rest keeps them). */
    public AppSettings withWorkspacesOf(AppSettings other) {
        return new AppSettings(graphVersion, theme, defaultRegion, dataFolder, other.workspaces());
    }
}
