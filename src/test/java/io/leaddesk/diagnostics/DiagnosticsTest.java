package io.leaddesk.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.store.LeadStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsTest {
    @TempDir
    Path dir;

    @Test
    void tellsVersionSystemDatabaseAndTheLast200LogLinesAcrossFiles() throws Exception {
        try (LeadStore store = LeadStore.open(dir.resolve("leaddesk.db"))) {
            store.totalLeads();
        }
        Path log = Logs.logFile(dir);
        Files.createDirectories(log.getParent());
        List<String> older = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            older.add("old " + i);
        }
        Files.write(RollingLogFile.generation(log, 1), older, StandardCharsets.UTF_8);
        List<String> current = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            current.add("new " + i + (i == 5 ? " from someone@example.org" : ""));
        }
        Files.write(log, current, StandardCharsets.UTF_8);

        String report = Diagnostics.report(dir);

        assertThat(report).contains("Version: ", "Operating system: " + System.getProperty("os.name"),
                "Java: " + System.getProperty("java.version"), "Data folder: " + dir);
        assertThat(report).containsPattern("Database: leaddesk\\.db, [0-9.]+ MB.*, schema version [1-9][0-9]*, application id 0x4C444B31, 0 leads");
        List<String> lines = report.lines().toList();
        int start = lines.indexOf("Last 200 log lines:");
        assertThat(lines.subList(start + 1, lines.size())).hasSize(200).startsWith("old 70").endsWith("new 119")
                .contains("new 5 from <e-mail>");
    }

    @Test
    void aMissingDatabaseOrLogIsSaidSo() {
        String report = Diagnostics.report(dir.resolve("fresh"));
        assertThat(report).contains("Database: leaddesk.db, not created yet", "(none yet)");
        assertThat(Files.exists(dir.resolve("fresh").resolve("leaddesk.db"))).as("reading creates nothing").isFalse();
    }
}
