package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.LeadDesk;
import io.leaddesk.cli.CliRunner.Result;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The real launcher in a child JVM: what only a process shows (stdout on a full device, no display, Ctrl+C). */
class LauncherTest {
    @TempDir
    Path home;

    @Test
    @EnabledOnOs(OS.LINUX)
    void stdoutOnAFullDeviceExits5WithOneSentence() throws Exception {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(300))) {
            Map<String, String> env = Map.of("LEADDESK_GRAPH_URL", server.baseUrl(), "LEADDESK_HOME", home.toString());
            Map<String, String> withToken = new java.util.HashMap<>(env);
            withToken.put("LEADDESK_TOKEN", SampleTokens.USER);
            assertThat(CliRunner.run(withToken, "sync").code()).isZero();
            for (String[] args : List.of(new String[]{"leads", "--json"}, new String[]{"leads"}, new String[]{"--help"})) {
                Process p = CliRunner.launcher(env, args).redirectOutput(new File("/dev/full")).start();
                Result r = CliRunner.finish(p, args);
                assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.STORAGE);
                assertThat(r.errLines()).as(r.err()).containsExactly("The output could not be written (no space left on device);"
                        + " make sure where it goes has room and stays open (a full disk, a closed pipe), and run the command again.");
            }
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void noCommandAndNoDisplayIsOneSentenceWithExit2() throws Exception {
        Result none = CliRunner.finish(CliRunner.launcher(Map.of("LEADDESK_HOME", home.toString())).start());
        assertThat(none.code()).as(none.err()).isEqualTo(2);
        assertThat(none.errLines()).containsExactly(LeadDesk.NO_DISPLAY);
        assertThat(none.err()).isEqualTo("No display: run a command, or start LeadDesk from a desktop session." + System.lineSeparator());
        // a display that cannot be opened: the toolkit's own failure is caught and told the same way
        Result bogus = CliRunner.finish(CliRunner.launcher(Map.of("LEADDESK_HOME", home.toString(), "DISPLAY", ":9876")).start());
        assertThat(bogus.code()).as(bogus.err()).isEqualTo(2);
        assertThat(bogus.errLines()).containsExactly(LeadDesk.NO_DISPLAY);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void ctrlCDuringASyncKeepsWhatWasFetchedPrintsTheSummaryAndExits130() throws Exception {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(20_000).withLatencyMs(15))) {
            Map<String, String> env = Map.of("LEADDESK_GRAPH_URL", server.baseUrl(), "LEADDESK_TOKEN", SampleTokens.USER,
                    "LEADDESK_HOME", home.toString(), "LEADDESK_PAGE_SIZE", "100");
            // A shell may start its background jobs with SIGINT ignored, and the JVM then keeps ignoring it: reset it
            // to the default first, as an interactive terminal has it.
            Process child = CliRunner.launcher(List.of("perl", "-e", "$SIG{INT}='DEFAULT'; exec @ARGV or die"), env, "sync").start();
            child.getOutputStream().close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread outReader = new Thread(() -> {
                try {
                    child.getInputStream().transferTo(out);
                } catch (java.io.IOException ignored) {
                    // the child went away
                }
            });
            outReader.start();
            StringBuilder err = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                int progress = 0;
                while ((line = lines.readLine()) != null) {
                    err.append(line).append('\n');
                    if (line.contains(" fetched, ") && ++progress == 4) {
                        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).inheritIO().start();
                        assertThat(kill.waitFor()).isZero();
                    }
                }
                assertThat(progress).as("the child reported progress before ending:%n%s", err).isGreaterThanOrEqualTo(4);
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            outReader.join();
            Result r = new Result(child.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString());
            CliRunner.check(r, "sync");
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(r.out().strip()).as("the summary of what was kept").startsWith("Sync cancelled:").contains("leads fetched");
            long kept;
            try (LeadStore store = LeadStore.open(home.resolve("leaddesk.db"))) {
                kept = store.countLeads(LeadQuery.all());
            }
            assertThat(kept).isGreaterThan(0).isLessThan(20_000);
            assertThat(r.out()).contains(String.format(java.util.Locale.ROOT, "%,d new", kept));
        }
    }
}
