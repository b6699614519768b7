package io.leaddesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

/** The test JVM never reaches the real user's preferences or home folder (the pom's surefire argLine). */
class TestIsolationTest {
    @Test
    void preferencesLiveInMemoryAndHomeIsInsideTheBuildFolder() {
        assertThat(Preferences.userRoot().getClass().getName()).startsWith(MemoryPreferencesFactory.class.getName());
        assertThat(Path.of(System.getProperty("user.home")).toAbsolutePath().normalize().toString())
                .endsWith(Path.of("target", "test-home").toString());
    }
}
