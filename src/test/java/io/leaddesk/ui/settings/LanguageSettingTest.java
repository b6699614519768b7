package io.leaddesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleOptions;
import io.leaddesk.store.AppSettings;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.store.SettingsStore;
import io.leaddesk.ui.AppContext;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings > Language: System default and the seven by their own names; the choice applies at the next start. */
class LanguageSettingTest {
    @TempDir
    Path dir;
    private final Preferences prefs = Preferences.userRoot().node("io/leaddesk/test-" + System.nanoTime());

    @AfterEach
    void cleanup() throws Exception {
        prefs.removeNode();
    }

    private AppContext context(Locale system) {
        return new AppContext(new AppContext.Config(dir, prefs, new CredentialVaultInMemory(), new SyncTaskExecutor(),
                Duration.ZERO, Clock.systemUTC(), ZoneOffset.UTC, system, null, SampleOptions.defaults()));
    }

    @Test
    void theListOffersSystemDefaultThenTheSevenByTheirOwnNames() {
        SettingsStore store = new SettingsStore(dir, prefs);
        SettingsViewModel vm = new SettingsViewModel(store.load(), store, new SyncTaskExecutor(), Messages.load(Locale.ENGLISH));
        assertThat(SettingsViewModel.LANGUAGES.stream().map(vm::languageName)).containsExactly("System default", "English",
                "Türkçe", "Українська", "Русский", "Português (Brasil)", "Bahasa Indonesia", "Français");
        assertThat(vm.languageProperty().get()).isEqualTo("");
    }

    @Test
    void choosingALanguageSaysInThatLanguageThatItAppliesAfterARestartAndIsSaved() {
        SettingsStore store = new SettingsStore(dir, prefs);
        SettingsViewModel vm = new SettingsViewModel(store.load(), store, new SyncTaskExecutor(), Messages.load(Locale.ENGLISH),
                Locale.ENGLISH);
        assertThat(vm.languageNoteProperty().get()).isEmpty();
        vm.languageProperty().set("uk");
        assertThat(vm.languageNoteProperty().get()).isEqualTo("Перезапустіть LeadDesk, щоб побачити його новою мовою.");
        vm.languageProperty().set("en");
        assertThat(vm.languageNoteProperty().get()).as("English is what the app speaks now").isEmpty();
        vm.languageProperty().set("pt-BR");
        AtomicReference<AppSettings> saved = new AtomicReference<>();
        vm.setOnSaved(saved::set);
        assertThat(vm.save()).isTrue();
        assertThat(saved.get().language()).isEqualTo("pt-BR");
        assertThat(new SettingsStore(dir, prefs).load().language()).isEqualTo("pt-BR");
    }

    @Test
    void theAppStartsInTheSavedLanguageWithItsFormatsAndSystemDefaultFollowsTheOs() throws Exception {
        AppContext english = context(Locale.GERMANY);
        assertThat(english.messages().get("workspace.settings")).isEqualTo("Settings");
        english.close();

        AppContext turkish = context(Locale.forLanguageTag("tr-TR"));
        assertThat(turkish.messages().get("workspace.settings")).isEqualTo("Ayarlar");
        turkish.close();

        new SettingsStore(dir, prefs).save(AppSettings.defaults().withLanguage("uk"));
        AppContext ukrainian = context(Locale.forLanguageTag("tr-TR"));
        assertThat(ukrainian.messages().get("workspace.settings")).isEqualTo("Налаштування");
        assertThat(ukrainian.formats().count(1234)).isEqualTo("1\u00a0234");
        assertThat(ukrainian.formats().date(java.time.Instant.parse("2026-12-01T10:00:00Z"))).isEqualTo("1 груд. 2026 р.");
        ukrainian.close();
    }

    @Test
    void settingsWrittenBeforeTheLanguageFieldExistedReadAsSystemDefault() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "{\"graphVersion\":\"v25.0\",\"theme\":\"dark\",\"defaultRegion\":\"UA\"}");
        AppSettings s = new SettingsStore(dir, prefs).load();
        assertThat(s.language()).isEqualTo("");
        assertThat(s.dark()).isTrue();
    }
}
