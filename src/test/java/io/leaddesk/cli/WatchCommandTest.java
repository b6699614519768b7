package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.cli.CliRunner.Result;
import io.leaddesk.sample.SampleForm;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadStore;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code leads --new} and its marker; {@code sync --watch [--every DURATION]}. */
class WatchCommandTest {
    /** An ISO time to the second, then "N new lead(s)". */
    static final String LINE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\d+ new leads?(: .+)?";

    @TempDir
    Path home;

    private Map<String, String> env(SampleGraphServer server, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("LEADDESK_GRAPH_URL", server.baseUrl());
        env.put("LEADDESK_HOME", home.toString());
        env.put("LEADDESK_MAX_RETRY_SECONDS", "2");
        if (token != null) {
            env.put("LEADDESK_TOKEN", token);
        }
        return env;
    }

    @Test
    void leadsNewListsOnlyTheLeadsNotYetSeenAndTheTableMarksThemWhileTheJsonStaysAsMetaSentIt() {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(300))) {
            assertThat(CliRunner.run(env(server, SampleTokens.USER), "sync").code()).isZero();
            Result none = CliRunner.run(env(server, null), "leads", "--new");
            assertThat(none.code()).isZero();
            assertThat(none.out()).isEmpty();
            assertThat(none.errLines()).containsExactly("No new leads: every cached lead that matches has been seen.");

            SampleForm form = server.dataset().allForms().stream().filter(f -> "ACTIVE".equals(f.status()))
                    .findFirst().orElseThrow();
            List<String> added = server.dataset().addLeads(form.id(), 2);
            assertThat(CliRunner.run(env(server, SampleTokens.USER), "sync").code()).isZero();

            List<String> json = CliRunner.run(env(server, null), "leads", "--new", "--json").out().lines().toList();
            assertThat(json).hasSize(2);
            int newest = (int) server.dataset().leadCount(form.id()) - 1;
            assertThat(json).containsExactlyInAnyOrder(server.dataset().leadJson(form.id(), newest),
                    server.dataset().leadJson(form.id(), newest - 1));

            List<String> table = CliRunner.run(env(server, null), "leads").out().lines().toList();
            assertThat(table.get(0)).startsWith("NEW  CREATED");
            assertThat(table.stream().filter(l -> l.startsWith("*"))).hasSize(2)
                    .allSatisfy(l -> assertThat(added.stream().anyMatch(l::contains)).isTrue());
            assertThat(table).hasSize(1 + 302);
            List<String> before = CliRunner.run(env(server, null), "leads", "--json").out().lines().toList();
            try (LeadStore store = LeadStore.open(home.resolve("leaddesk.db"))) {
                assertThat(store.markFormSeen(form.id())).isEqualTo(2);
            }
            assertThat(CliRunner.run(env(server, null), "leads", "--json").out().lines().toList())
                    .as("being new is not in the lead JSON").isEqualTo(before);
            assertThat(CliRunner.run(env(server, null), "leads").out().lines().filter(l -> l.startsWith("*"))).isEmpty();
        }
    }

    @Test
    void everyTakesDurationsOfAMinuteOrMoreAndGoesWithWatch() {
        assertThat(WatchLoop.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(WatchLoop.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(WatchLoop.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(WatchLoop.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(WatchLoop.parseDuration("5min")).isEqualTo(Duration.ofMinutes(5));
        for (String bad : new String[]{"", "2", "m", "2x", "0s", "-1m", "2m 3s"}) {
            assertThatThrownBy(() -> WatchLoop.parseDuration(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(10))) {
            Map<String, String> env = env(server, SampleTokens.USER);
            Result often = CliRunner.run(env, "sync", "--watch", "--every", "30s");
            assertThat(often.code()).isEqualTo(ExitCode.USAGE);
            assertThat(often.errLines()).containsExactly("--every 30s is too often: check at most once a minute"
                    + " (--every 1m), so that Meta's rate limits last.");
            Result bad = CliRunner.run(env, "sync", "--watch", "--every", "soon");
            assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
            assertThat(bad.errLines()).containsExactly("--every takes a duration such as 90s, 2m or 1h, not soon.");
            assertThat(CliRunner.run(env, "sync", "--every", "2m").code()).isEqualTo(ExitCode.USAGE);
            assertThat(CliRunner.run(env, "sync", "--watch", "--full").code()).isEqualTo(ExitCode.USAGE);
            assertThat(server.requestCount()).as("nothing was asked of Meta").isZero();
        }
    }

    @Test
    void aWatchWhoseTokenCannotReadLeadsEndsWithExit3AndOneSentence() {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(50))) {
            Map<String, String> env = env(server, SampleTokens.NO_LEADS_PERMISSION);
            env.put(WatchLoop.TEST_MINIMUM, "1s");
            Result r = CliRunner.run(env, "sync", "--watch", "--every", "1s");
            assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.TOKEN);
            assertThat(r.out().lines().toList()).hasSize(1).allSatisfy(l -> assertThat(l).matches(LINE + " \\(the check failed: see stderr\\)"));
            assertThat(r.err()).contains("leads_retrieval");

            Result expired = CliRunner.run(env(server, SampleTokens.EXPIRED), "sync", "--watch");
            assertThat(expired.code()).isEqualTo(ExitCode.TOKEN);
            assertThat(expired.out()).isEmpty();
        }
    }

    /**
     * The acceptance: {@code sync --watch} in a child JVM against {@code sample-server --trickle} prints one line per
     * round with the right counts, and SIGTERM ends it with exit code 0. The trickle's clock moves one minute at each
     * round (when the round asks the first Page for its forms), so every round sees exactly one more minute of leads,
     * however fast or slow this machine is.
     */
    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void watchingASampleServerWithATricklePrintsALinePerRoundAndSigtermEndsItWithExit0() throws Exception {
        AtomicReference<SampleGraphServer> ref = new AtomicReference<>();
        Instant start = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        String firstPage = io.leaddesk.sample.SampleDataset.generate(42, 0, start).pages().get(0).id();
        Clock rounds = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                SampleGraphServer s = ref.get();
                long n = s == null ? 0 : s.requestsWithPath("/" + firstPage + "/leadgen_forms");
                return start.plusSeconds(60 * n);
            }
        };
        // half a lead a minute: none by the first round, one by the second, none more by the third
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(0).withTrickle(0.5),
                rounds)) {
            ref.set(server);
            List<SampleForm> active = server.dataset().allForms().stream().filter(f -> "ACTIVE".equals(f.status())).toList();
            Map<String, String> env = env(server, SampleTokens.USER);
            env.put(WatchLoop.TEST_MINIMUM, "1s");
            Process child = CliRunner.launcher(env, "sync", "--watch", "--every", "1s").start();
            child.getOutputStream().close();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> {
                try {
                    child.getErrorStream().transferTo(err);
                } catch (java.io.IOException ignored) {
                    // the child went away
                }
            });
            errReader.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                    if (lines.size() == 3) {
                        child.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of the pipes)
                    }
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ended").isTrue();
            errReader.join();
            String stderr = err.toString(StandardCharsets.UTF_8);
            CliRunner.assertNoJavaNames("stderr of sync --watch", stderr);
            assertThat(child.exitValue()).as("SIGTERM ends a watch cleanly:%n%s", stderr).isZero();
            assertThat(lines).as(stderr).hasSizeGreaterThanOrEqualTo(3);
            assertThat(lines).allSatisfy(l -> assertThat(l).matches(LINE));
            assertThat(lines.get(0)).endsWith(" 0 new leads");
            assertThat(lines.get(1)).endsWith(" 1 new lead: " + active.get(0).name() + " 1");
            assertThat(lines.get(2)).endsWith(" 0 new leads");
            assertThat(stderr).contains("Checking for new leads every 1 second; Ctrl+C stops.");
            try (LeadStore store = LeadStore.open(home.resolve("leaddesk.db"))) {
                assertThat(store.totalLeads()).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(server.dataset().totalLeadCount());
            }
        }
    }
}
