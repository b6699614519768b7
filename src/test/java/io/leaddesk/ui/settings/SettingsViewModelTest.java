package io.leaddesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.store.AppSettings;
import io.leaddesk.store.SettingsStore;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("io/leaddesk/test-" + System.nanoTime());

    @AfterEach
    void cleanup() throws Exception {
        prefs.removeNode();
    }

    @Test
    void savesVersionThemeAndRegionAndReadsThemBack() {
        SettingsStore store = new SettingsStore(dir, prefs);
        SettingsViewModel vm = new SettingsViewModel(store.load(), store, new SyncTaskExecutor(), Messages.load(Locale.ENGLISH));
        assertThat(vm.graphVersionProperty().get()).isEqualTo("v25.0");
        vm.graphVersionProperty().set("v26.0");
        vm.themeProperty().set(AppSettings.DARK);
        vm.defaultRegionProperty().set("ua");
        AtomicReference<AppSettings> saved = new AtomicReference<>();
        vm.setOnSaved(saved::set);
        assertThat(vm.save()).isTrue();
        assertThat(saved.get().graphVersion()).isEqualTo("v26.0");
        AppSettings reread = new SettingsStore(dir, prefs).load();
        assertThat(reread).isEqualTo(new AppSettings("v26.0", "dark", "UA", null));
    }

    @Test
    void refusesABadVersionFolderOrRegionWithAPlainMessage() {
        SettingsStore store = new SettingsStore(dir, prefs);
        SettingsViewModel vm = new SettingsViewModel(store.load(), store, new SyncTaskExecutor(), Messages.load(Locale.ENGLISH));
        vm.graphVersionProperty().set("25");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.save()).isFalse();
        assertThat(vm.errorProperty().get()).contains("v25.0");
        vm.graphVersionProperty().set("v25.0");
        vm.dataFolderProperty().set("relative/folder");
        assertThat(vm.validate()).contains("full path");
        vm.dataFolderProperty().set(dir.toString());
        vm.defaultRegionProperty().set("Ukraine");
        assertThat(vm.validate()).contains("two-letter");
    }

    @Test
    void aChosenDataFolderIsRememberedOutsideTheFolder() {
        SettingsStore store = new SettingsStore(dir.resolve("default"), prefs);
        SettingsViewModel vm = new SettingsViewModel(store.load(), store, new SyncTaskExecutor(), Messages.load(Locale.ENGLISH));
        vm.dataFolderProperty().set(dir.resolve("elsewhere").toString());
        assertThat(vm.dataFolderNoteProperty().get()).contains("restarts");
        assertThat(vm.save()).isTrue();
        SettingsStore again = new SettingsStore(dir.resolve("default"), prefs);
        assertThat(again.dataFolder()).isEqualTo(dir.resolve("elsewhere"));
        assertThat(again.load().dataFolder()).isEqualTo(dir.resolve("elsewhere").toString());
    }
}
