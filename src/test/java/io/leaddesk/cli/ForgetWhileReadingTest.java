package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forget} while another process holds a read transaction on the cache (a {@code leads --json} piped into a slow
 * reader): it waits for the reader, saying why, and when the reader outlasts the wait it does not say "Deleted" but
 * exits 5 with one sentence; the next command that opens the cache finishes the erase.
 */
class ForgetWhileReadingTest {

    @TempDir
    Path home;

    record Result(int code, String out, String err) { }

    Result run(SampleGraphServer server, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("LEADDESK_GRAPH_URL", server.baseUrl());
        env.put("LEADDESK_HOME", home.toString());
        env.put("LEADDESK_TOKEN", SampleTokens.USER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<String> filesHolding(String text) throws Exception {
        return io.leaddesk.store.CacheFiles.holding(home, text);
    }

    @Test
    void forgetWhileAnotherProcessReadsExitsWith5SayingCopiesRemainAndTheNextOpenErasesThem() throws Exception {
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(60))) {
            assertThat(run(server, "sync").code()).isZero();
            Path db = home.resolve("leaddesk.db");
            String id, email;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT min(id), email FROM leads WHERE email LIKE '%@%'"
                         + " GROUP BY email HAVING count(*) = 1 ORDER BY email LIMIT 1")) {
                assertThat(rs.next()).isTrue();
                id = rs.getString(1);
                email = rs.getString(2);
            }
            // a second connection that stays open all along, so no close of ours empties the WAL by chance
            try (Connection idle = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Connection reader = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                reader.setAutoCommit(false);
                try (Statement st = reader.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM leads")) {
                    assertThat(rs.next()).isTrue();
                }

                Result forget = run(server, "forget", "--lead", id);

                assertThat(forget.code()).as(forget.err()).isEqualTo(ExitCode.STORAGE);
                assertThat(forget.out()).doesNotContain("Deleted");
                assertThat(forget.err().lines().toList()).containsExactly(
                        "Waiting up to 10 seconds for another LeadDesk window or command to stop reading the lead cache,"
                                + " so that no copy of the deleted leads stays in its files.",
                        "Deleted 1 lead from the local cache, but copies of their data remain in the cache files until"
                                + " LeadDesk is closed everywhere (another LeadDesk window or command is still reading the"
                                + " cache); they are erased the next time the cache is opened.");
                assertThat(filesHolding(email)).isNotEmpty();

                reader.rollback();
                reader.setAutoCommit(true);
                Result leads = run(server, "leads", "--json");
                assertThat(leads.code()).isZero();
                assertThat(leads.out()).doesNotContain("\"" + id + "\"");
                assertThat(filesHolding(email)).as("no copy in the database or its WAL").isEmpty();
                assertThat(idle.isValid(1)).isTrue();
            }
        }
    }
}
