package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleForm;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync} exits 4 when a form was not read to the end or leads had to be skipped, and says so. */
class SyncCommandTest {
    @TempDir
    Path home;

    record Result(int code, String out, String err) { }

    private Result run(SampleGraphServer server, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("LEADDESK_GRAPH_URL", server.baseUrl());
        env.put("LEADDESK_HOME", home.toString());
        env.put("LEADDESK_MAX_RETRY_SECONDS", "5");
        env.put("LEADDESK_TOKEN", SampleTokens.USER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFormNotReadToTheEndExits4AndTheSummaryDoesNotClaimSuccess() {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(200)
                .withMaxPageSize(25).withCursor(SampleOptions.Cursor.OFFSET).withArrivals(25))) {
            SampleForm form = server.dataset().pages().get(0).forms().get(0);
            Result r = run(server, "sync", "--form", form.id());
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.GRAPH);
            assertThat(r.out().strip().lines()).hasSize(1);
            assertThat(r.out()).startsWith("Sync incomplete: 1 form,").doesNotContain("0 failed");
            assertThat(r.err()).contains(form.name() + ": LeadDesk stopped reading this form before the end because")
                    .contains("the next sync reads the form again");
        }
    }

    @Test
    void skippedLeadsExit4AndAreListedByPosition() {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(600)
                .withFaults("badleads=0.02,seed=9"))) {
            Result r = run(server, "sync");
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.GRAPH);
            assertThat(r.out()).contains("with skipped leads:").contains("leads skipped").doesNotContain("0 failed");
            assertThat(r.err()).contains("could not be stored and w").contains("result page 1, lead ")
                    .doesNotContain("local cache").doesNotContain("Exception");
            Result leads = run(server, "leads", "--json");
            assertThat(leads.code()).isZero();
            assertThat(leads.out().lines().count()).isGreaterThan(500);
        }
    }

    @Test
    void sampleServerRejectsABadModeWithOneSentence() {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(10))) {
            for (String[] args : new String[][]{{"sample-server", "--cursor", "sideways"},
                    {"sample-server", "--arrivals", "ten"}, {"sample-server", "--faults", "bogus"}}) {
                Result r = run(server, args);
                assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
                assertThat(r.err().strip().lines()).hasSize(1);
                assertThat(r.err()).startsWith("The sample server options are not valid (").doesNotContain("Exception");
            }
            Result help = run(server, "sample-server", "--help");
            assertThat(help.out()).contains("--cursor").contains("--arrivals").contains("--max-page-size")
                    .contains("badleads");
        }
    }
}
