package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher in a child JVM: killed mid-sync, and checked for token leaks with full debug logging. */
class ChildProcessSyncTest {
    @TempDir
    Path home;

    private Process launch(String baseUrl, String token, String... args) throws IOException {
        return launch(List.of(), baseUrl, token, args);
    }

    /** Starts the launcher in a child JVM, after {@code prefix} (e.g. a shell that sets a resource limit first). */
    private Process launch(List<String> prefix, String baseUrl, String token, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dleaddesk.logLevel=debug",
                "io.leaddesk.LeadDesk"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("LEADDESK_GRAPH_URL", baseUrl);
        env.put("LEADDESK_TOKEN", token);
        env.put("LEADDESK_HOME", home.toString());
        env.put("LEADDESK_PAGE_SIZE", "100");
        env.put("LEADDESK_MAX_RETRY_SECONDS", "5");
        return pb.start();
    }

    @Test
    void killedMidSyncThenRerunEndsWithEveryLeadExactlyOnce() throws Exception {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(20_000).withLatencyMs(15))) {
            Process child = launch(server.baseUrl(), SampleTokens.USER, "sync");
            child.getOutputStream().close();
            // Wait (on the child's own progress lines, not a timer) until it has committed a good part of the leads.
            try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                int progressLines = 0;
                while ((line = err.readLine()) != null) {
                    if (line.contains(" fetched, ")) {
                        progressLines++;
                        if (progressLines >= 6) {
                            break;
                        }
                    }
                }
                assertThat(line).as("the child reported progress before finishing").isNotNull();
                child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            long afterKill;
            try (LeadStore store = LeadStore.open(home.resolve("leaddesk.db"))) {
                afterKill = store.countLeads(LeadQuery.all());
            }
            assertThat(afterKill).as("leads committed before the kill survive").isGreaterThan(0).isLessThan(20_000);

            CliRunner.Result rerun = CliRunner.run(Map.of("LEADDESK_GRAPH_URL", server.baseUrl(), "LEADDESK_TOKEN", SampleTokens.USER,
                    "LEADDESK_HOME", home.toString()), "sync");
            assertThat(rerun.code()).as(rerun.err()).isZero();

            try (LeadStore store = LeadStore.open(home.resolve("leaddesk.db"))) {
                assertThat(store.countLeads(LeadQuery.all())).isEqualTo(20_000);
                Set<String> ids = new HashSet<>();
                store.forEachLead(LeadQuery.all(), l -> assertThat(ids.add(l.id())).as("duplicate " + l.id()).isTrue());
                assertThat(ids).hasSize(20_000);
            }
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFullDiskMidSyncExitsWith5KeepsWhatWasStoredAndTheNextSyncCompletes() throws Exception {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(20_000))) {
            // The shell caps the size of any file the child writes at 4 MB: the cache fills up part-way, as on a full disk.
            Process child = launch(List.of("bash", "-c", "ulimit -f 8192; exec \"$0\" \"$@\""), server.baseUrl(), SampleTokens.USER, "sync");
            child.getOutputStream().close();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(child.exitValue()).as(err).isEqualTo(ExitCode.STORAGE);
            assertThat(err).contains("Could not write to the lead cache").contains("nothing already stored was lost");
            assertThat(out).contains("failed");
            long kept;
            try (LeadStore store = LeadStore.open(home.resolve("leaddesk.db"))) {
                kept = store.countLeads(LeadQuery.all());
            }
            assertThat(kept).as("pages committed before the disk filled are kept").isGreaterThan(0).isLessThan(20_000);

            CliRunner.Result rerun = CliRunner.run(Map.of("LEADDESK_GRAPH_URL", server.baseUrl(), "LEADDESK_TOKEN", SampleTokens.USER,
                    "LEADDESK_HOME", home.toString()), "sync");
            assertThat(rerun.code()).as(rerun.err()).isZero();
            try (LeadStore store = LeadStore.open(home.resolve("leaddesk.db"))) {
                Set<String> ids = new HashSet<>();
                store.forEachLead(LeadQuery.all(), l -> assertThat(ids.add(l.id())).as("duplicate " + l.id()).isTrue());
                assertThat(ids).hasSize(20_000);
            }
        }
    }

    @Test
    void tokenNeverAppearsInOutputLogsOrTheDatabaseFiles() throws Exception {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(800).withFaults("transient=0.1,seed=3"))) {
            StringBuilder everything = new StringBuilder();
            for (String[] args : List.of(new String[]{"whoami", "--debug"}, new String[]{"pages"}, new String[]{"sync", "--debug"},
                    new String[]{"forms", "--json"}, new String[]{"leads", "--json"})) {
                Process p = launch(server.baseUrl(), SampleTokens.USER, args);
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                byte[] err = p.getErrorStream().readAllBytes();
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(new String(err, StandardCharsets.UTF_8)).isZero();
                everything.append(new String(out, StandardCharsets.UTF_8)).append(new String(err, StandardCharsets.UTF_8));
            }
            Process expired = launch(server.baseUrl(), SampleTokens.EXPIRED, "sync", "--debug");
            everything.append(new String(expired.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            assertThat(expired.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(expired.exitValue()).isEqualTo(3);

            assertThat(everything.toString()).contains("DEBUG").doesNotContain(SampleTokens.USER).doesNotContain(SampleTokens.EXPIRED)
                    .doesNotContain("sample-page-token-");
            try (Stream<Path> files = Files.list(home)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertThat(bytes).as(f.getFileName().toString()).doesNotContain(SampleTokens.USER).doesNotContain("sample-page-token-");
                }
            }
        }
    }
}
