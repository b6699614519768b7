package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleForm;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.SyncState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 through the command line: a process killed in the middle of a sliced pull and run again ends with every
 * lead exactly once and fetches little of what it already had; LEADDESK_CONCURRENCY caps the requests in flight.
 */
@Timeout(180)
class SlicedSyncCliTest {
    /** One form with nine tenths of the leads: read as several time slices. */
    private static final int[] HEAVY = {99, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    private static final Pattern FETCHED = Pattern.compile("([0-9,]+) leads fetched");

    @TempDir
    Path home;

    private Map<String, String> env(SampleGraphServer server, int concurrency) {
        Map<String, String> env = new HashMap<>();
        env.put("LEADDESK_GRAPH_URL", server.baseUrl());
        env.put("LEADDESK_TOKEN", SampleTokens.USER);
        env.put("LEADDESK_HOME", home.toString());
        env.put("LEADDESK_PAGE_SIZE", "100");
        env.put("LEADDESK_MAX_RETRY_SECONDS", "5");
        env.put("LEADDESK_CONCURRENCY", Integer.toString(concurrency));
        return env;
    }

    private Process launch(Map<String, String> vars, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.leaddesk.LeadDesk"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(vars);
        return pb.start();
    }

    private static long fetched(String summary) {
        Matcher m = FETCHED.matcher(summary);
        assertThat(m.find()).as(summary).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void killedInTheMiddleOfASlicedPullAndRunAgainEndsWithEveryLeadOnceAndFetchesLittleTwice() throws Exception {
        int total = 40_000;
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(total)
                .withLatencyMs(20).withFormWeights(HEAVY))) {
            SampleForm big = server.dataset().allForms().get(0);
            Process child = launch(env(server, 4), "sync");
            child.getOutputStream().close();
            // wait (on the child's own progress lines, not a timer) until the big form's slices are well under way:
            // a progress line counts leads already committed
            Pattern bigProgress = Pattern.compile("form " + Pattern.quote(big.id()) + ": ([0-9,]+) of ~[0-9,]+ fetched, ");
            try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    Matcher m = bigProgress.matcher(line);
                    if (m.find() && Long.parseLong(m.group(1).replace(",", "")) >= 1000) {
                        break;
                    }
                }
                assertThat(line).as("the child reported progress on the big form before finishing").isNotNull();
                child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            long afterKill;
            List<SyncState.Range> left;
            try (LeadStore store = LeadStore.open(home.resolve("leaddesk.db"))) {
                afterKill = store.countLeads(LeadQuery.all());
                SyncState.Form state = store.syncState().load(big.id());
                assertThat(state.pull()).as("the sliced pull was cut short").isNotNull();
                left = state.pull().ranges();
            }
            assertThat(afterKill).as("pages committed before the kill survive").isGreaterThanOrEqualTo(1000).isLessThan(total);
            assertThat(left).as("the big form's slices, each where it had got to").isNotEmpty();

            CliRunner.Result rerun = CliRunner.run(env(server, 4), "sync");
            assertThat(rerun.code()).as(rerun.err()).isZero();

            try (LeadStore store = LeadStore.open(home.resolve("leaddesk.db"))) {
                Set<String> ids = new HashSet<>();
                store.forEachLead(LeadQuery.all(), l -> assertThat(ids.add(l.id())).as("duplicate " + l.id()).isTrue());
                assertThat(ids).hasSize(total);
                assertThat(store.syncState().load(big.id()).pull()).isNull();
            }
            // what it lacked, plus at most a page per resumed slice and the overlap of the forms already complete
            long slack = 100L * (left.size() + 12);
            assertThat(fetched(rerun.out())).as(rerun.out()).isLessThanOrEqualTo(total - afterKill + slack);
        }
    }

    @Test
    void leaddeskConcurrencyCapsTheRequestsInFlight() {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(6000)
                .withLatencyMs(30).withFormWeights(HEAVY))) {
            CliRunner.Result two = CliRunner.run(env(server, 2), "sync");
            assertThat(two.code()).as(two.err()).isZero();
            assertThat(server.mostRequestsInFlight()).isEqualTo(2);

            server.resetMostRequestsInFlight();
            CliRunner.Result five = CliRunner.run(env(server, 5), "sync", "--full");
            assertThat(five.code()).as(five.err()).isZero();
            assertThat(server.mostRequestsInFlight()).isLessThanOrEqualTo(5).isGreaterThan(2);

            Map<String, String> bad = env(server, 2);
            bad.put("LEADDESK_CONCURRENCY", "0");
            CliRunner.Result refused = CliRunner.run(bad, "sync");
            assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
            assertThat(refused.err()).contains("LEADDESK_CONCURRENCY must be a number of requests at once from 1 to 16");
        }
    }
}
