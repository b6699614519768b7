package io.leaddesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.diagnostics.Diagnostics;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.ManualTaskExecutor;
import io.leaddesk.ui.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsViewModelTest {
    @TempDir
    Path dir;
    private final Messages m = Messages.load(Locale.ENGLISH);

    @Test
    void copiesTheReportToTheClipboardInTheBackground() {
        List<String> clipboard = new ArrayList<>();
        ManualTaskExecutor executor = new ManualTaskExecutor();
        DiagnosticsViewModel vm = new DiagnosticsViewModel(() -> Diagnostics.report(dir), clipboard::add, executor, m);
        vm.copy();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(clipboard).isEmpty();
        executor.runAll();
        assertThat(clipboard).hasSize(1);
        assertThat(clipboard.get(0)).contains("Version: ", "Data folder: " + dir, "Last 200 log lines:");
        assertThat(vm.messageProperty().get()).isEqualTo("Copied; paste the diagnostics into your e-mail to support.");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void aFailureIsOnePlainSentence() {
        List<String> clipboard = new ArrayList<>();
        ManualTaskExecutor executor = new ManualTaskExecutor();
        DiagnosticsViewModel vm = new DiagnosticsViewModel(() -> {
            throw new IllegalStateException("boom");
        }, clipboard::add, executor, m);
        vm.copy();
        executor.runAll();
        assertThat(clipboard).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo(m.get("error.unexpected"));
        assertThat(ErrorText.isPlain(vm.errorProperty().get())).isTrue();
    }
}
