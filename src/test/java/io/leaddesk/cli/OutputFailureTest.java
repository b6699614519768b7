package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.cli.CliRunner.Result;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output that cannot be written (a full disk, a closed pipe) ends the run with exit 5 and one sentence, never exit 0. */
class OutputFailureTest {
    static SampleGraphServer server;

    @TempDir
    static Path home;

    /** One cache of 2,500 leads for every test here (none of them changes it). */
    @BeforeAll
    static void startServerAndSync() {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(2500));
        assertThat(CliRunner.run(env(SampleTokens.USER), "sync").code()).isZero();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static Map<String, String> env(String token) {
        Map<String, String> env = new HashMap<>();
        env.put("LEADDESK_GRAPH_URL", server.baseUrl());
        env.put("LEADDESK_HOME", home.toString());
        if (token != null) {
            env.put("LEADDESK_TOKEN", token);
        }
        return env;
    }

    /** Takes {@code room} bytes, then fails every write as a full disk does; counts what it was offered. */
    static final class FullDisk extends OutputStream {
        final long room;
        final AtomicLong offered = new AtomicLong();
        long taken;

        FullDisk(long room) {
            this.room = room;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            offered.addAndGet(len);
            if (taken + len > room) {
                throw new IOException("No space left on device");
            }
            taken += len;
        }
    }

    @Test
    void leadsJsonOnAFullDiskExits5WithOneSentenceAndStopsWriting() {
        FullDisk disk = new FullDisk(100_000);
        Result r = CliRunner.run(env(null), new PrintStream(disk, false, StandardCharsets.UTF_8), "leads", "--json");
        assertThat(r.code()).isEqualTo(ExitCode.STORAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("The output could not be written");
        // 2,500 leads are about 2.5 MB: the listing stopped within about a thousand leads of the failure
        assertThat(disk.offered.get()).isLessThan(1_500_000);
    }

    @Test
    void theLaunchersStdoutTellsWhyItFailed() {
        for (String[] args : new String[][]{{"leads"}, {"leads", "--json"}, {"forms"}, {"--help"}, {"--version"}, {"leads", "--help"}}) {
            Result r = CliRunner.run(env(null), Output.standard(new FullDisk(0)), args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(ExitCode.STORAGE);
            assertThat(r.errLines()).as(String.join(" ", args)).endsWith("The output could not be written (no space left on device);"
                    + " make sure where it goes has room and stays open (a full disk, a closed pipe), and run the command again.");
        }
    }

    @Test
    void aCommandThatFailedAnywayKeepsItsOwnCodeAndSentence() {
        Result r = CliRunner.run(env(null), Output.standard(new FullDisk(0)), "whoami");
        assertThat(r.code()).isEqualTo(ExitCode.TOKEN);
        assertThat(r.errLines()).hasSize(1).allMatch(l -> l.contains("LEADDESK_TOKEN"));
    }

    @Test
    void outputThatFitsIsNotAFailure() {
        FullDisk roomy = new FullDisk(Long.MAX_VALUE);
        Result r = CliRunner.run(env(null), Output.standard(roomy), "leads", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(roomy.taken).isEqualTo(roomy.offered.get()).isGreaterThan(1_000_000);
    }
}
