package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lead forgotten while a sync runs stays forgotten: the sync's store, opened before the forget, checks the forgotten
 * ids with every page it writes, whether the forget came from another store in this process (the app) or from
 * another process ({@code leaddesk forget} while the app or a sync is running).
 */
class ForgetDuringSyncTest {

    @TempDir
    Path home;

    Path db() {
        return home.resolve(DataFolder.DATABASE_FILE);
    }

    @Test
    void aForgetThroughAnotherStoreOfThisProcessIsSeenByTheSyncAlreadyRunning() {
        try (LeadStore sync = LeadStore.open(db())) {
            LeadStoreTest.seedInto(sync); // the sync has written its first pages: nothing was forgotten at its open
            try (LeadStore app = LeadStore.open(db())) {
                assertThat(app.deleteLead("r1")).isTrue();
            }
            // the sync's next page brings the forgotten lead again (a full resync, or an overlapping incremental one)
            assertThat(sync.upsertLeads("p-1", Fixtures.russianForm(), LeadStoreTest.RU, LeadStoreTest.T2)).isZero();
            assertThat(sync.lead("r1")).isEmpty();
            assertThat(sync.lead("r2")).isPresent();
            assertThat(sync.countLeads(LeadQuery.all().withSearch("Иван"))).isZero();
        }
    }

    @Test
    void aForgetByAnotherProcessIsSeenByTheSyncAlreadyRunning() throws Exception {
        try (LeadStore sync = LeadStore.open(db())) {
            LeadStoreTest.seedInto(sync);

            Process forget = launch("forget", "--lead", "r1");
            String out = new String(forget.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(forget.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(forget.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(forget.exitValue()).as(err).isZero();
            assertThat(out).contains("Deleted 1 lead from the local cache.");

            assertThat(sync.upsertLeads("p-1", Fixtures.russianForm(), LeadStoreTest.RU, LeadStoreTest.T2)).isZero();
            assertThat(sync.lead("r1")).isEmpty();
            assertThat(sync.totalLeads()).isEqualTo(5);
        }
        try (LeadStore later = LeadStore.open(db())) {
            assertThat(later.lead("r1")).isEmpty();
        }
    }

    /** The real launcher in a child JVM on this test's data folder. */
    private Process launch(String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "io.leaddesk.LeadDesk"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("LEADDESK_HOME", home.toString());
        pb.environment().remove("LEADDESK_TOKEN");
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }
}
