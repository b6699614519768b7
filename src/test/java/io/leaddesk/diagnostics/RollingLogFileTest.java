package io.leaddesk.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's log file: size-capped, a fixed number of files, owner-only. */
class RollingLogFileTest {
    @TempDir
    Path dir;

    private static LogRecord record(String text) {
        LogRecord r = new LogRecord(Level.INFO, text);
        r.setLoggerName("io.leaddesk.Test");
        return r;
    }

    @Test
    void rollsOverAtTheLimitAndKeepsOnlyTheNewestFiles() throws Exception {
        Path log = dir.resolve("logs").resolve("leaddesk.log");
        RollingLogFile h = new RollingLogFile(log, 1000, 3);
        h.setFormatter(new LogFormat(true, true));
        for (int i = 0; i < 200; i++) {
            h.publish(record("line " + i + " " + "x".repeat(40)));
        }
        h.close();

        try (Stream<Path> files = Files.list(log.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("leaddesk.log", "leaddesk.log.1", "leaddesk.log.2");
        }
        for (int g = 0; g < 3; g++) {
            assertThat(Files.size(RollingLogFile.generation(log, g))).as("file %d", g).isLessThanOrEqualTo(1000);
        }
        List<String> current = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(current.get(current.size() - 1)).contains("INFO").contains("line 199");
        List<String> older = Files.readAllLines(RollingLogFile.generation(log, 1), StandardCharsets.UTF_8);
        int lastOlder = Integer.parseInt(older.get(older.size() - 1).replaceAll(".* line (\\d+) .*", "$1"));
        int firstCurrent = Integer.parseInt(current.get(0).replaceAll(".* line (\\d+) .*", "$1"));
        assertThat(firstCurrent).as("no line lost at a rotation").isEqualTo(lastOlder + 1);
    }

    @Test
    void theFolderAndTheFilesAreTheOwnersOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path folder = Files.createDirectories(dir.resolve("logs"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path log = folder.resolve("leaddesk.log");
        RollingLogFile h = new RollingLogFile(log, 300, 2);
        h.setFormatter(new LogFormat(true, true));
        for (int i = 0; i < 20; i++) {
            h.publish(record("entry " + i));
        }
        h.close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(RollingLogFile.generation(log, 1))))
                .isEqualTo("rw-------");
    }
}
