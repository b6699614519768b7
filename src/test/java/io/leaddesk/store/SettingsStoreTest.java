package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir
    Path dir;

    private final Preferences prefs = Preferences.userRoot().node("io/leaddesk/settings-store-test-" + System.nanoTime());

    @AfterEach
    void removeNode() throws Exception {
        prefs.removeNode();
    }

    @Test
    void aFolderThatCannotTakeTheSettingsIsNeverPointedAt() throws Exception {
        SettingsStore store = new SettingsStore(dir.resolve("default"), prefs);
        store.save(AppSettings.defaults().withTheme(AppSettings.DARK));
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");

        assertThatThrownBy(() -> store.save(AppSettings.defaults().withDataFolder(notAFolder.toString())))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("The settings could not be saved in the folder " + notAFolder)
                .hasMessageEndingWith("choose a folder you can write to, or free some space.");

        assertThat(store.dataFolder()).as("the app keeps opening the folder that works").isEqualTo(dir.resolve("default"));
        assertThat(store.load().dark()).isTrue();
    }

    @Test
    void aChosenFolderGetsTheFileThenThePointer() {
        SettingsStore store = new SettingsStore(dir.resolve("default"), prefs);
        Path chosen = dir.resolve("chosen");
        store.save(AppSettings.defaults().withDataFolder(chosen.toString()).withDefaultRegion("ua"));

        assertThat(store.dataFolder()).isEqualTo(chosen);
        assertThat(Files.isRegularFile(chosen.resolve(SettingsStore.FILE_NAME))).isTrue();
        assertThat(store.load().defaultRegion()).isEqualTo("UA");
    }
}
