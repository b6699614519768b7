package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Check for new leads" and the notification settings, per workspace, in settings.json. */
class LiveSettingsTest {
    @TempDir
    Path dir;

    @Test
    void eachWorkspaceKeepsItsOwnChoiceAcrossASaveAndTheRestKeepTheDefaults() {
        SettingsStore store = new SettingsStore(dir, null);
        AppSettings s = AppSettings.defaults().withTheme(AppSettings.DARK)
                .withLive(AppSettings.DEMO_WORKSPACE, LiveSettings.defaults().withCheckMinutes(2).withShowNames(true))
                .withLive(AppSettings.MAIN_WORKSPACE, LiveSettings.defaults().withCheckMinutes(0).withNotifications(false));
        store.save(s);

        AppSettings read = store.load();
        assertThat(read).isEqualTo(s);
        assertThat(read.live(AppSettings.DEMO_WORKSPACE)).isEqualTo(new LiveSettings(2, true, true));
        assertThat(read.live(AppSettings.MAIN_WORKSPACE).autoSyncOn()).isFalse();
        assertThat(read.live(AppSettings.MAIN_WORKSPACE).notifications()).isFalse();
        assertThat(read.live("elsewhere")).isEqualTo(LiveSettings.defaults());
        // a dialog editing the other settings keeps them
        AppSettings edited = new AppSettings("v26.0", "light", "UA", null).withWorkspacesOf(read);
        assertThat(edited.live(AppSettings.DEMO_WORKSPACE).checkMinutes()).isEqualTo(2);
    }

    @Test
    void aSettingsFileFromBeforeHasTheDefaultsFiveMinutesNotificationsOnNamesOff() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME),
                "{\"graphVersion\":\"v25.0\",\"theme\":\"dark\",\"defaultRegion\":\"UA\",\"dataFolder\":null}");
        AppSettings read = new SettingsStore(dir, null).load();
        assertThat(read.dark()).isTrue();
        assertThat(read.workspaces()).isEmpty();
        assertThat(read.live(AppSettings.MAIN_WORKSPACE)).isEqualTo(new LiveSettings(5, true, false));
    }

    @Test
    void anIntervalThatIsNotAChoiceReadsAsTheDefault() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME),
                "{\"workspaces\":{\"main\":{\"checkMinutes\":7,\"notifications\":true,\"showNames\":false}}}");
        assertThat(new SettingsStore(dir, null).load().live(AppSettings.MAIN_WORKSPACE).checkMinutes()).isEqualTo(5);
        assertThat(LiveSettings.CHOICES).containsExactly(0, 2, 5, 15, 60);
    }
}
