package io.leaddesk.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.store.AppSettings;
import io.leaddesk.store.LiveSettings;
import io.leaddesk.store.SettingsStore;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import io.leaddesk.ui.settings.SettingsViewModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Settings dialog's "Check for new leads" part: per workspace, saved with the rest, the other workspace kept. */
class LiveSettingsViewModelTest {
    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("io/leaddesk/test-live-" + System.nanoTime());
    private final Messages m = Messages.load(Locale.ENGLISH);

    @AfterEach
    void cleanup() throws Exception {
        prefs.removeNode();
    }

    @Test
    void theDemosChoiceIsSavedAndTheMainWorkspacesIsKept() {
        SettingsStore store = new SettingsStore(dir, prefs);
        store.save(AppSettings.defaults().withLive(AppSettings.MAIN_WORKSPACE, new LiveSettings(15, false, false)));
        AppSettings current = store.load();
        SettingsViewModel settings = new SettingsViewModel(current, store, new SyncTaskExecutor(), m);
        LiveSettingsViewModel demo = new LiveSettingsViewModel(current, AppSettings.DEMO_WORKSPACE, m);
        assertThat(demo.checkMinutesProperty().get()).as("the default").isEqualTo(5);
        settings.setAlso(demo::applyTo);
        demo.checkMinutesProperty().set(2);
        demo.showNamesProperty().set(true);
        settings.themeProperty().set(AppSettings.DARK);

        assertThat(settings.save()).isTrue();
        AppSettings reread = new SettingsStore(dir, prefs).load();
        assertThat(reread.live(AppSettings.DEMO_WORKSPACE)).isEqualTo(new LiveSettings(2, true, true));
        assertThat(reread.live(AppSettings.MAIN_WORKSPACE)).as("kept").isEqualTo(new LiveSettings(15, false, false));
        assertThat(reread.dark()).isTrue();
    }

    @Test
    void savingTheOtherSettingsKeepsEveryWorkspacesChoice() {
        SettingsStore store = new SettingsStore(dir, prefs);
        store.save(AppSettings.defaults().withLive(AppSettings.MAIN_WORKSPACE, new LiveSettings(0, true, false)));
        SettingsViewModel settings = new SettingsViewModel(store.load(), store, new SyncTaskExecutor(), m);
        settings.defaultRegionProperty().set("UA");
        assertThat(settings.save()).isTrue();
        assertThat(new SettingsStore(dir, prefs).load().live(AppSettings.MAIN_WORKSPACE).autoSyncOn()).isFalse();
    }

    @Test
    void theChoicesReadAsTheSettingsDialogShowsThem() {
        LiveSettingsViewModel vm = new LiveSettingsViewModel(AppSettings.defaults(), AppSettings.MAIN_WORKSPACE, m);
        assertThat(LiveSettingsViewModel.CHOICES.stream().map(vm::choiceText))
                .containsExactly("Off", "Every 2 minutes", "Every 5 minutes", "Every 15 minutes", "Every 60 minutes");
    }
}
