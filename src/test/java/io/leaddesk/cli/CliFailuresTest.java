package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.cli.CliRunner.Result;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure the command line can meet exits with its documented code and one sentence, never a Java name. */
class CliFailuresTest {
    static SampleGraphServer server;

    @TempDir
    Path home;

    @BeforeAll
    static void startServer() {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(120));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private Map<String, String> env(String token, String... more) {
        Map<String, String> env = new HashMap<>();
        env.put("LEADDESK_GRAPH_URL", server.baseUrl());
        env.put("LEADDESK_HOME", home.toString());
        env.put("LEADDESK_MAX_RETRY_SECONDS", "2");
        if (token != null) {
            env.put("LEADDESK_TOKEN", token);
        }
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private static void assertOneSentence(Result r, int code) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.errLines()).as(r.err()).hasSize(1);
        assertThat(r.err().strip()).endsWith(".");
    }

    @Test
    void everyFailureKindHasOneExitCodeAndGraphKindsAgreeWithGraphException() {
        assertThat(ExitCode.of(FailureKind.INPUT)).isEqualTo(2);
        assertThat(ExitCode.of(FailureKind.ACCESS)).isEqualTo(3);
        assertThat(ExitCode.of(FailureKind.REMOTE)).isEqualTo(4);
        assertThat(ExitCode.of(FailureKind.STORAGE)).isEqualTo(5);
        assertThat(ExitCode.of(FailureKind.BUG)).isEqualTo(1);
        for (GraphErrorKind k : GraphErrorKind.values()) {
            assertThat(ExitCode.of(k)).as(k.name()).isEqualTo(ExitCode.of(GraphException.failureKind(k)))
                    .isEqualTo(ExitCode.of(new GraphException(k, "x.")));
        }
        assertThat(ExitCode.of((GraphErrorKind) null)).isEqualTo(ExitCode.GRAPH);
        for (int code = 1; code <= 5; code++) {
            CliException e = new CliException(code, "x.");
            assertThat(e).isInstanceOf(LeadDeskException.class);
            assertThat(e.exitCode()).isEqualTo(code).isEqualTo(ExitCode.of(e));
        }
        assertThat(new CliException(ExitCode.USAGE, "x.").failureKind()).isEqualTo(FailureKind.INPUT);
        assertThat(ExitCode.of(new LeadDeskException(FailureKind.STORAGE, "x."))).isEqualTo(5);
        assertThat(ExitCode.of(new IllegalStateException("x"))).isEqualTo(1);
    }

    @Test
    void anUnexpectedFailureSaysItIsABugAndWhereTheLogIsWithoutJavaNames() throws IOException {
        CliEnvironment environment = new CliEnvironment(Map.of("LEADDESK_HOME", home.toString()), System.out, System.err);
        String m = Cli.message(new IllegalArgumentException("Unexpected char 0x0a at 9 in Authorization value"), environment);
        assertThat(m).contains("bug").contains("--debug").doesNotContain("IllegalArgument").doesNotContain("0x0a")
                .doesNotContain("log is");
        CliRunner.assertNoJavaNames("bug sentence", m);
        assertThat(m.lines()).hasSize(1);

        Path log = home.resolve("logs/leaddesk.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, "");
        assertThat(Cli.message(new NullPointerException(), environment)).contains("the log is " + log);

        String io = Cli.message(new UncheckedIOException(new AccessDeniedException("/srv/leads.csv")), environment);
        assertThat(io).isEqualTo("The file /srv/leads.csv could not be read or written (permission denied); check that it"
                + " exists and that you may use it, and run the command again.");
        String plain = Cli.message(new UncheckedIOException(new IOException("java.io.IOException: Input/output error")), environment);
        CliRunner.assertNoJavaNames("file sentence", plain);
        assertThat(ExitCode.of(new UncheckedIOException(new IOException("x")))).isEqualTo(ExitCode.STORAGE);
    }

    @Test
    void aTokenWithALineBreakOrNonAsciiIsATokenProblem() {
        for (String token : new String[]{SampleTokens.USER + "\nsecond-line", "EAAB\u00e9\u00e8", "two words"}) {
            for (String command : new String[]{"whoami", "pages", "sync"}) {
                Result r = CliRunner.run(env(token), command);
                assertOneSentence(r, ExitCode.TOKEN);
                assertThat(r.err()).startsWith("The token contains characters a Meta token never has").doesNotContain("second-line");
            }
        }
    }

    @Test
    void badGraphVariablesAreUsageErrorsNamingTheVariable() {
        Result url = CliRunner.run(env(SampleTokens.USER, "LEADDESK_GRAPH_URL", "::bogus"), "whoami");
        assertOneSentence(url, ExitCode.USAGE);
        assertThat(url.err()).startsWith("LEADDESK_GRAPH_URL must be an http or https address");

        for (String size : new String[]{"0", "5001", "many"}) {
            Result r = CliRunner.run(env(SampleTokens.USER, "LEADDESK_PAGE_SIZE", size), "sync");
            assertOneSentence(r, ExitCode.USAGE);
            assertThat(r.err()).contains("LEADDESK_PAGE_SIZE must be a number of leads from 1 to 5000");
        }
        assertThat(CliRunner.run(env(SampleTokens.USER, "LEADDESK_PAGE_SIZE", "5000"), "sync").code()).isZero();
        assertOneSentence(CliRunner.run(env(SampleTokens.USER, "LEADDESK_MAX_RETRY_SECONDS", "-3"), "whoami"), ExitCode.USAGE);
        assertOneSentence(CliRunner.run(env(SampleTokens.USER, "LEADDESK_GRAPH_VERSION", "newest"), "pages"), ExitCode.USAGE);
        // a command that does not reach Graph is not stopped by a Graph variable
        assertThat(CliRunner.run(env(null, "LEADDESK_GRAPH_URL", "::bogus"), "leads").code()).isZero();
    }

    @Test
    void aBadFaultSpecForTheSampleServerIsAUsageError() {
        Result r = CliRunner.run(env(null), "sample-server", "--faults", "bogus");
        assertOneSentence(r, ExitCode.USAGE);
        assertThat(r.err()).startsWith("The sample server options are not valid").contains("bogus");
    }

    @Test
    void anUnknownRegionSaysHowToWriteOne() {
        assertThat(CliRunner.run(env(SampleTokens.USER), "sync").code()).isZero();
        Path csv = home.resolve("out.csv");
        Result r = CliRunner.run(env(null), "export", "--out", csv.toString(), "--e164", "--region", "ZZ");
        assertOneSentence(r, ExitCode.USAGE);
        assertThat(r.err()).contains("--region ZZ").contains("UA, DE or BR");
        assertThat(csv).doesNotExist();
        assertThat(CliRunner.run(env(null), "export", "--out", csv.toString(), "--e164", "--region", "ua").code()).isZero();
    }

    @Test
    void sinceLaterThanUntilIsAUsageErrorInEveryCommandWithThem() {
        assertThat(CliRunner.run(env(SampleTokens.USER), "sync").code()).isZero();
        Path csv = home.resolve("range.csv");
        Result leads = CliRunner.run(env(null), "leads", "--since", "2025-10-09", "--until", "2025-10-08");
        assertOneSentence(leads, ExitCode.USAGE);
        assertThat(leads.err()).startsWith("--since 2025-10-09 is later than --until 2025-10-08");
        assertThat(leads.out()).isEmpty();
        Result json = CliRunner.run(env(null), "leads", "--json", "--since", "1760000000", "--until", "1759999999");
        assertOneSentence(json, ExitCode.USAGE);
        Result export = CliRunner.run(env(null), "export", "--out", csv.toString(), "--since", "2025-10-09T10:00:00Z",
                "--until", "2025-10-09T09:00:00Z");
        assertOneSentence(export, ExitCode.USAGE);
        assertThat(csv).doesNotExist();
        // one day given as both bounds is that whole day, not an empty range
        assertThat(CliRunner.run(env(null), "leads", "--since", "2025-10-08", "--until", "2025-10-08").code()).isZero();
    }

    @Test
    void syncOfAFormThatDoesNotExistSaysSoAndExits4() {
        Result r = CliRunner.run(env(SampleTokens.USER), "sync", "--form", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.GRAPH);
        assertThat(r.err()).contains("Form 1 is not among the forms this token reaches");
        assertThat(r.out()).as("the summary does not claim success").contains("1 form not found").doesNotContain("0 failed");
    }
}
