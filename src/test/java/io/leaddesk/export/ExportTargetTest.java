package io.leaddesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.model.FailureKind;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the chosen name is decides how an export is written: pipes and character devices are written into and never
 * replaced, a symbolic link is followed (and stays a link), a folder is refused; failures of the file system are one
 * sentence with their kind, never advice to free space when space is not the problem.
 */
class ExportTargetTest {

    static final int S_IFMT = 0170000;
    static final int S_IFIFO = 0010000;
    static final int S_IFCHR = 0020000;

    @TempDir
    Path dir;
    @TempDir
    Path refDir;

    final Exporter exporter = new Exporter(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    final ExecutorService readers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-fifo-reader");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    static int fileType(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
    }

    List<String> filesLeft() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** What the same export writes into a new regular file. */
    String referenceCsv() throws IOException {
        Path ref = refDir.resolve("ref.csv");
        exporter.export(Fixtures.sample(), ExportOptions.defaults().withOverwrite(true), ref, null, null);
        return Files.readString(ref);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void devNullStaysACharacterDevice() throws IOException {
        Path devNull = Path.of("/dev/null");
        assertThat(fileType(devNull)).isEqualTo(S_IFCHR);
        ExportResult r = exporter.export(Fixtures.sample(), ExportOptions.defaults().withOverwrite(true), devNull, null, null);
        assertThat(r.rowsWritten()).isEqualTo(4);
        assertThat(fileType(devNull)).isEqualTo(S_IFCHR);
        assertThat(Files.isRegularFile(devNull)).isFalse();
        assertThat(Files.newInputStream(devNull).read()).isEqualTo(-1);
        // also without permission to replace: nothing is replaced
        exporter.export(Fixtures.sample(), ExportOptions.defaults().withFormat(ExportFormat.XLSX), devNull, null, null);
        assertThat(fileType(devNull)).isEqualTo(S_IFCHR);
    }

    Path mkfifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
        return fifo;
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFifoReceivesTheWholeCsvInOnePassAndStaysAFifo() throws Exception {
        Path fifo = mkfifo("leads.pipe");
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, readers);
        InMemorySource source = Fixtures.sample();
        ExportResult r = exporter.export(source, ExportOptions.defaults(), fifo, null, null);

        String csv = new String(received.get(30, TimeUnit.SECONDS), java.nio.charset.StandardCharsets.UTF_8);
        // the sample has an answer key no question describes: a pipe cannot be written twice, so the keys are
        // collected first and the reader gets exactly what a file would hold
        assertThat(csv).isEqualTo(referenceCsv());
        assertThat(source.passes).isEqualTo(2);
        assertThat(r.rowsWritten()).isEqualTo(4);
        assertThat(r.file()).isEqualTo(fifo.toAbsolutePath());
        assertThat(fileType(fifo)).isEqualTo(S_IFIFO);
        assertThat(filesLeft()).containsExactly("leads.pipe");
        assertThat(source.exports).hasSize(1);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aCancelledExportIntoAFifoSaysThatWhatWasWrittenWentIn() throws Exception {
        Path fifo = mkfifo("cancel.pipe");
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, readers);
        boolean[] cancel = {false};
        ExportResult r = exporter.export(new ExportPipelineTest.Generated(20_000), ExportOptions.defaults()
                .withProfile(BuiltInProfile.HUBSPOT), fifo, p -> cancel[0] |= p.done() >= 2000, () -> cancel[0]);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.warnings()).containsExactly("The export into " + fifo.toAbsolutePath()
                + " was cancelled part-way; what was already written went into it.");
        assertThat(received.get(30, TimeUnit.SECONDS).length).isPositive();
        assertThat(fileType(fifo)).isEqualTo(S_IFIFO);
        assertThat(filesLeft()).containsExactly("cancel.pipe");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aSymlinksTargetIsWrittenAndTheLinkStaysALink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("leads.csv");
        Files.writeString(real, "old export");
        Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), Path.of("real", "leads.csv"));

        assertThatThrownBy(() -> exporter.export(Fixtures.sample(), ExportOptions.defaults(), link, null, null))
                .isInstanceOf(ExportException.class).hasMessageContaining("already exists");
        assertThat(Files.readString(real)).isEqualTo("old export");

        ExportResult r = exporter.export(Fixtures.sample(), ExportOptions.defaults().withOverwrite(true), link, null, null);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real", "leads.csv"));
        assertThat(Files.readString(real)).isEqualTo(referenceCsv());
        assertThat(r.file()).isEqualTo(real.toAbsolutePath());

        // a link to nothing yet: the file appears where it points
        Path later = dir.resolve("real").resolve("later.csv");
        Path dangling = Files.createSymbolicLink(dir.resolve("next.csv"), later);
        exporter.export(Fixtures.sample(), ExportOptions.defaults(), dangling, null, null);
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(Files.readString(later)).isEqualTo(referenceCsv());

        // a link to a pipe: written into, the pipe stays
        Path fifo = Files.createDirectory(dir.resolve("pipes")).resolve("p");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path toFifo = Files.createSymbolicLink(dir.resolve("to-pipe.csv"), fifo);
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readAllBytes(fifo);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, readers);
        exporter.export(Fixtures.sample(), ExportOptions.defaults().withOverwrite(true), toFifo, null, null);
        assertThat(new String(received.join(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(referenceCsv());
        assertThat(fileType(fifo)).isEqualTo(S_IFIFO);
        assertThat(Files.isSymbolicLink(toFifo)).isTrue();
    }

    @Test
    void aFolderIsRefusedWithASentence() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("exports"));
        assertThatThrownBy(() -> exporter.export(Fixtures.sample(), ExportOptions.defaults().withOverwrite(true), folder, null, null))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.failureKind()).isEqualTo(FailureKind.INPUT))
                .hasMessage(folder.toAbsolutePath() + " is a folder; choose a file name.");
        assertThat(Files.isDirectory(folder)).isTrue();
        assertThat(filesLeft()).containsExactly("exports");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aLinkToAFolderIsRefusedToo() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("exports"));
        Path link = Files.createSymbolicLink(dir.resolve("out.csv"), folder);
        assertThatThrownBy(() -> exporter.export(Fixtures.sample(), ExportOptions.defaults().withOverwrite(true), link, null, null))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.failureKind()).isEqualTo(FailureKind.INPUT))
                .hasMessage(link.toAbsolutePath() + " (a link to " + folder.toAbsolutePath() + ") is a folder; choose a file name.");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aNameTooLongForTheFileSystemIsAnInputProblemNotAFullDisk() {
        Path file = dir.resolve("a".repeat(300) + ".csv");
        assertThatThrownBy(() -> exporter.export(Fixtures.sample(), ExportOptions.defaults(), file, null, null))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.failureKind()).isEqualTo(FailureKind.INPUT))
                .hasMessage("The file name " + "a".repeat(37) + "... is too long for the file system of " + dir.toAbsolutePath()
                        + "; choose a shorter name.");
    }

    @Test
    void aLongButValidNameIsWrittenThroughAShortenedPartialName() throws IOException {
        // 250 bytes is a valid name; ".<name>.partial-<16 hex>" would not be
        String name = "л".repeat(120) + "leads.csv";
        assertThat(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        Path file = dir.resolve(name);
        exporter.export(Fixtures.sample(), ExportOptions.defaults(), file, null, null);
        assertThat(Files.readString(file)).isEqualTo(referenceCsv());
        assertThat(filesLeft()).containsExactly(name);
    }

    @Test
    void permissionDeniedSaysSoWithTheFolderAndNeverAdvisesFreeingSpace() throws IOException {
        Path file = dir.resolve("denied.csv");
        Exporter denied = new Exporter(Clock.systemUTC(), p -> {
            throw new AccessDeniedException(p.toString());
        });
        assertThatThrownBy(() -> denied.export(Fixtures.sample(), ExportOptions.defaults(), file, null, null))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.failureKind()).isEqualTo(FailureKind.STORAGE))
                .hasMessage("Permission denied: LeadDesk may not write files in the folder " + dir.toAbsolutePath()
                        + "; nothing was written under denied.csv. Choose another folder, or ask for write access.");
        assertThat(filesLeft()).isEmpty();
    }

    @Test
    void permissionDeniedMidWriteIsReportedTheSameWay() throws IOException {
        Path file = dir.resolve("denied.csv");
        Exporter denied = new Exporter(Clock.systemUTC(), p -> new FilterOutputStream(Files.newOutputStream(p)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new AccessDeniedException(p.toString(), null, "Permission denied");
            }
        });
        assertThatThrownBy(() -> denied.export(Fixtures.sample(), ExportOptions.defaults(), file, null, null))
                .isInstanceOf(ExportException.class)
                .hasMessageStartingWith("Permission denied: LeadDesk may not write files in the folder " + dir.toAbsolutePath())
                .hasMessageNotContaining("free space");
        assertThat(filesLeft()).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFolderTheSystemRefusesEvenToRootIsAStorageProblemWithItsPath() {
        // sysfs refuses new files to everyone, root included (file modes do not stop root)
        Path file = Path.of("/sys/leaddesk-export-test.csv");
        assertThatThrownBy(() -> exporter.export(Fixtures.sample(), ExportOptions.defaults(), file, null, null))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.failureKind()).isEqualTo(FailureKind.STORAGE))
                .hasMessageContaining("/sys")
                .hasMessageNotContaining("free space")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("Permission denied", "read-only file system"));
        assertThat(file).doesNotExist();
    }

    @Test
    void aCharacterTheEncodingCannotHoldIsTheUsersChoiceNotTheDisk() {
        Path file = dir.resolve("ascii.csv");
        assertThatThrownBy(() -> exporter.export(Fixtures.sample(),
                ExportOptions.defaults().withCharset(java.nio.charset.StandardCharsets.US_ASCII), file, null, null))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.failureKind()).isEqualTo(FailureKind.INPUT))
                .hasMessage("Some leads contain characters the chosen encoding cannot hold; nothing was written under ascii.csv."
                        + " Export as UTF-8 instead.");
    }

    @Test
    void anUnexpectedFailureIsABugSentenceWithoutAClassName() {
        InMemorySource broken = new InMemorySource() {
            @Override
            public long countLeads(io.leaddesk.store.LeadQuery query) {
                throw new IllegalStateException("index 7 out of bounds");
            }
        };
        assertThatThrownBy(() -> exporter.export(broken, ExportOptions.defaults(), dir.resolve("x.csv"), null, null))
                .isInstanceOfSatisfying(ExportException.class, e -> assertThat(e.failureKind()).isEqualTo(FailureKind.BUG))
                .hasMessage("The export stopped because of an unexpected problem in LeadDesk. Nothing was written under x.csv."
                        + " Please report it (the log, or --debug on the command line, has the details).")
                .hasMessageNotContaining("Exception");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void thePartialFileIsOwnerOnlyFromTheStartAndWhileItIsWritten() throws IOException {
        List<String> modes = new java.util.ArrayList<>();
        Exporter watching = new Exporter(Clock.systemUTC(), p -> {
            modes.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
            OutputStream out = Files.newOutputStream(p);
            return new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    modes.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                    out.write(b, off, len);
                }
            };
        });
        Path file = dir.resolve("modes.csv");
        watching.export(Fixtures.sample(), ExportOptions.defaults(), file, null, null);
        assertThat(modes).hasSizeGreaterThan(1).containsOnly("rw-------");
        // a new export is owner-only too: lead data is personal
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.size(file)).isPositive();
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aReplacedFileKeepsThePermissionsItsUserGaveIt() throws IOException {
        Path file = dir.resolve("shared.csv");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        exporter.export(Fixtures.sample(), ExportOptions.defaults().withOverwrite(true), file, null, null);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw-r--");
        assertThat(Files.readString(file)).isEqualTo(referenceCsv());
    }
}
