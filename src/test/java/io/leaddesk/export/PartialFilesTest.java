package io.leaddesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.files.TempFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hidden partial file of an export ({@code .<name>.partial-<random>}) holds personal data: it is owner-only, and
 * one a killed export left behind is removed by the next export into that folder, while one a live export is writing
 * (in this process or another) is never touched. {@link Exporter#leftoverPartials} lists what is left.
 */
@Timeout(120)
class PartialFilesTest {

    @TempDir
    Path dir;

    /** A clock an hour ahead: every partial file looks old, so only the locks and the registry protect live ones. */
    static Clock anHourLater() {
        return Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
    }

    List<Path> partials() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> TempFiles.isTempName(p.getFileName().toString())).toList();
        }
    }

    List<String> filesLeft() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aKilledExportLeavesAnOwnerOnlyPartialThatTheNextExportIntoTheFolderRemoves() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PartialExportChild.class.getName(),
                dir.resolve("leads.csv").toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path partial;
        try {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = out.readLine();
                } while (line != null && !line.equals("WRITING"));
                assertThat(line).as("the child reported that it was writing").isEqualTo("WRITING");
            }
            assertThat(partials()).hasSize(1);
            partial = partials().get(0);
            assertThat(partial.getFileName().toString()).matches("\\.leads\\.csv\\.partial-[0-9a-f]{16}");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(partial))).isEqualTo("rw-------");
            assertThat(Files.size(partial)).as("rows of lead data are in it").isPositive();

            // the child is alive and holds the partial file's lock: it is not left over, however old it looks, and
            // another export into the folder leaves it alone
            assertThat(Exporter.leftoverPartials(List.of(dir), anHourLater().instant())).isEmpty();
            new Exporter(anHourLater()).export(Fixtures.sample(), ExportOptions.defaults(), dir.resolve("meanwhile.csv"), null, null);
            assertThat(partial).exists();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(partial).as("kill -9 leaves the partial file behind").exists();
        assertThat(Exporter.leftoverPartials(List.of(dir, dir.resolve(".")), anHourLater().instant())).containsExactly(partial);

        new Exporter(anHourLater()).export(Fixtures.sample(), ExportOptions.defaults(), dir.resolve("next.csv"), null, null);
        assertThat(filesLeft()).containsExactly("meanwhile.csv", "next.csv");
        assertThat(Exporter.leftoverPartials(List.of(dir), anHourLater().instant())).isEmpty();
    }

    @Test
    void aPartialFileThisProcessIsWritingIsNeverRemovedByAnotherExport() throws Exception {
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExportPipelineTest.Generated many = new ExportPipelineTest.Generated(20_000);
        CompletableFuture<ExportResult> first = CompletableFuture.supplyAsync(() -> new Exporter().export(many,
                ExportOptions.defaults().withProfile(BuiltInProfile.HUBSPOT), dir.resolve("first.csv"), p -> {
                    if (p.done() == 5000) {
                        paused.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }, null));
        assertThat(paused.await(60, TimeUnit.SECONDS)).isTrue();
        List<Path> live = partials();
        assertThat(live).hasSize(1);

        assertThat(Exporter.leftoverPartials(List.of(dir), anHourLater().instant())).isEmpty();
        new Exporter(anHourLater()).export(Fixtures.sample(), ExportOptions.defaults(), dir.resolve("second.csv"), null, null);
        assertThat(live.get(0)).exists();

        release.countDown();
        ExportResult r = first.get(60, TimeUnit.SECONDS);
        assertThat(r.rowsWritten()).isEqualTo(20_000);
        assertThat(CsvReadBack.read(dir.resolve("first.csv"), ',').rows()).hasSize(20_000);
        assertThat(filesLeft()).containsExactly("first.csv", "second.csv");
    }

    @Test
    void staleLeftoversOfLeadDesksNamingAreRemovedAndEverythingElseIsKept() throws IOException {
        Instant now = Instant.now();
        Path old = write(".old.csv.partial-0123456789abcdef", now.minus(Duration.ofHours(2)));
        Path olderVersion = write(".leads.csv.partial-1a2b3c", now.minus(Duration.ofDays(3)));
        Path settings = write(".settings.json.partial-00000000000000ff", now.minus(Duration.ofMinutes(5)));
        Path fresh = write(".fresh.csv.partial-fedcba9876543210", now);
        Path notOurs = write(".notes.partial-draft", now.minus(Duration.ofDays(3)));
        Path noDot = write("report.csv.partial-0123", now.minus(Duration.ofDays(3)));
        Path plain = write("kept.csv", now.minus(Duration.ofDays(3)));

        assertThat(Exporter.leftoverPartials(List.of(dir), now)).containsExactlyInAnyOrder(old, olderVersion, settings);

        new Exporter().export(Fixtures.sample(), ExportOptions.defaults(), dir.resolve("new.csv"), null, null);
        assertThat(old).doesNotExist();
        assertThat(olderVersion).doesNotExist();
        assertThat(settings).doesNotExist();
        assertThat(fresh).as("within the grace period: perhaps an export that is just starting").exists();
        assertThat(notOurs).exists();
        assertThat(noDot).exists();
        assertThat(plain).exists();
        assertThat(dir.resolve("new.csv")).exists();
    }

    @Test
    void anExportIntoAnotherFolderLeavesThisOneAlone() throws IOException {
        Path old = write(".old.csv.partial-0123456789abcdef", Instant.now().minus(Duration.ofHours(2)));
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        new Exporter().export(Fixtures.sample(), ExportOptions.defaults(), elsewhere.resolve("x.csv"), null, null);
        assertThat(old).exists();
    }

    Path write(String name, Instant modified) throws IOException {
        Path p = Files.writeString(dir.resolve(name), "id,email\r\n1,someone@example.com\r\n");
        Files.setLastModifiedTime(p, FileTime.from(modified));
        return p;
    }
}
