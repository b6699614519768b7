package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFolderTest {

    @Test
    void leaddeskHomeWinsEverywhere() {
        assertThat(DataFolder.resolve(Map.of("LEADDESK_HOME", "/srv/leads", "XDG_DATA_HOME", "/x"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/srv/leads"));
        assertThat(DataFolder.resolve(Map.of("LEADDESK_HOME", "/srv/leads"), "Windows 11", "/home/u"))
                .isEqualTo(Path.of("/srv/leads"));
    }

    @Test
    void linuxUsesXdgDataHomeOrLocalShare() {
        assertThat(DataFolder.resolve(Map.of("XDG_DATA_HOME", "/home/u/.data"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.data/leaddesk"));
        assertThat(DataFolder.resolve(Map.of("LEADDESK_HOME", "  "), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/leaddesk"));
        assertThat(DataFolder.resolve(Map.of("XDG_DATA_HOME", "relative/dir"), "Linux", "/home/u"))
                .isEqualTo(Path.of("/home/u/.local/share/leaddesk"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(DataFolder.resolve(Map.of(), "Mac OS X", "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Application Support/LeadDesk"));
    }

    @Test
    void windowsUsesLocalAppDataThenAppData() {
        assertThat(DataFolder.resolve(Map.of("LOCALAPPDATA", "C:/Users/u/AppData/Local", "APPDATA", "C:/R"), "Windows 10", "C:/Users/u"))
                .isEqualTo(Path.of("C:/Users/u/AppData/Local", "LeadDesk"));
        assertThat(DataFolder.resolve(Map.of("APPDATA", "C:/Users/u/AppData/Roaming"), "Windows 10", "C:/Users/u"))
                .isEqualTo(Path.of("C:/Users/u/AppData/Roaming", "LeadDesk"));
    }

    @Test
    void databaseFileIsInsideTheFolder() {
        assertThat(DataFolder.databaseFile(Path.of("/srv/leads"))).isEqualTo(Path.of("/srv/leads/leaddesk.db"));
    }
}
