package io.leaddesk.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AtomicWriteTest {

    @TempDir
    Path dir;

    List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesTheWholeContentAndLeavesOnlyTheTarget() throws IOException {
        Path target = dir.resolve("settings.json");
        AtomicWrite.write(target, out -> out.write("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        AtomicWrite.write(target, out -> out.write("{\"a\":2}".getBytes(StandardCharsets.UTF_8)));
        assertThat(Files.readString(target)).isEqualTo("{\"a\":2}");
        assertThat(files()).containsExactly("settings.json");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aNewFileIsOwnerOnlyAndAReplacedOneKeepsItsPermissions() throws IOException {
        Path target = dir.resolve("new.json");
        AtomicWrite.write(target, out -> out.write('1'));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");

        Path shared = Files.writeString(dir.resolve("shared.json"), "old");
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r-----"));
        AtomicWrite.write(shared, out -> out.write('2'));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rw-r-----");
        assertThat(Files.readString(shared)).isEqualTo("2");
    }

    @Test
    void aFailureMidWriteLeavesTheOldFileIntactAndNoTempFileBehind() throws IOException {
        Path target = Files.writeString(dir.resolve("settings.json"), "{\"old\":true}");
        IOException full = new IOException("No space left on device");
        assertThatThrownBy(() -> AtomicWrite.write(target, out -> {
            out.write("{\"new\":".getBytes(StandardCharsets.UTF_8));
            throw full;
        })).isSameAs(full);
        assertThat(Files.readString(target)).isEqualTo("{\"old\":true}");
        assertThat(files()).containsExactly("settings.json");

        RuntimeException bug = new IllegalStateException("serialiser broke");
        assertThatThrownBy(() -> AtomicWrite.write(target, out -> {
            out.write('x');
            throw bug;
        })).isSameAs(bug);
        assertThat(Files.readString(target)).isEqualTo("{\"old\":true}");
        assertThat(files()).containsExactly("settings.json");
    }

    @Test
    void withoutReplaceAFileThatAppearedMeanwhileIsKept() throws IOException {
        Path target = dir.resolve("export.csv");
        try (AtomicWrite.Pending p = AtomicWrite.begin(target, null)) {
            p.stream().write("mine".getBytes(StandardCharsets.UTF_8));
            Files.writeString(target, "someone else's");
            assertThatThrownBy(() -> p.commit(false)).isInstanceOf(FileAlreadyExistsException.class);
        }
        assertThat(Files.readString(target)).isEqualTo("someone else's");
        assertThat(files()).containsExactly("export.csv");
    }

    @Test
    void theTempFileIsNamedForItsTargetAndLocatedNextToIt() throws IOException {
        Path target = dir.resolve("custom-profiles.json");
        try (AtomicWrite.Pending p = AtomicWrite.begin(target, null)) {
            assertThat(p.temp().getParent()).isEqualTo(dir.toAbsolutePath());
            assertThat(p.temp().getFileName().toString()).matches("\\.custom-profiles\\.json\\.partial-[0-9a-f]{16}");
            assertThat(TempFiles.isTempName(p.temp().getFileName().toString())).isTrue();
            assertThat(TempFiles.stale(dir, Instant.now().plus(Duration.ofDays(1)))).as("a live temp file is not stale").isEmpty();
        }
        assertThat(files()).isEmpty();
    }

    @Test
    void aLongNameGetsAShortenedTempNameWithinTheFileSystemLimit() {
        String name = "ü".repeat(127);
        String temp = TempFiles.name(name, -1L);
        assertThat(temp.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(TempFiles.isTempName(temp)).isTrue();
        assertThat(TempFiles.name("a.csv", 255L)).isEqualTo(".a.csv.partial-00000000000000ff");
    }

    @Test
    void aWriteRemovesTheStaleTempFilesOfItsOwnTargetOnly() throws IOException {
        Path stale = Files.writeString(dir.resolve(".settings.json.partial-00000000000000aa"), "{\"half\":");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path other = Files.writeString(dir.resolve(".leads.csv.partial-00000000000000bb"), "id\r\n");
        Files.setLastModifiedTime(other, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        AtomicWrite.write(dir.resolve("settings.json"), out -> out.write('1'));
        assertThat(files()).containsExactly(".leads.csv.partial-00000000000000bb", "settings.json");
    }
}
