package io.leaddesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.store.AppSettings;
import io.leaddesk.store.SettingsStore;
import io.leaddesk.ui.ManualTaskExecutor;
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
    void aFailedWriteIsShownAndDoesNotCountAsSaved() throws Exception {
        // root may write anywhere: a data folder whose path is a regular file cannot be written by anyone
        Path notAFolder = java.nio.file.Files.writeString(dir.resolve("not-a-folder"), "x");
        SettingsStore store = new SettingsStore(notAFolder, null);
        ManualTaskExecutor executor = new ManualTaskExecutor();
        SettingsViewModel vm = new SettingsViewModel(store.load(), store, executor, Messages.load(Locale.ENGLISH));
        AtomicReference<AppSettings> saved = new AtomicReference<>();
        vm.setOnSaved(saved::set);
        vm.themeProperty().set(AppSettings.DARK);

        assertThat(vm.save()).isTrue();
        assertThat(vm.savingProperty().get()).isTrue();
        assertThat(vm.canSaveProperty().get()).as("no second Save while writing").isFalse();
        assertThat(saved.get()).as("nothing is saved before the write finished").isNull();
        executor.runAll();

        assertThat(saved.get()).as("a failed write is not reported as saved").isNull();
        assertThat(vm.savingProperty().get()).isFalse();
        assertThat(vm.canSaveProperty().get()).isTrue();
        String sentence = vm.errorProperty().get();
        assertThat(sentence).isEqualTo("The settings could not be saved in " + notAFolder + "; check that this folder can be written, or choose another data folder.");
        assertThat(io.leaddesk.ui.ErrorText.isPlain(sentence)).as(sentence).isTrue();
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
