package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.model.Lead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forgetting while another connection holds a read transaction (another LeadDesk reading the cache): the WAL cannot be
 * emptied then, so the forget waits for the reader, bounded; when the reader outlasts the wait, the leads are deleted,
 * the store says the files still hold copies, and the next open of the cache erases them.
 */
class PendingEraseTest {

    static final String EMAIL = "zyxwvut.forgetme@private.example";

    @TempDir
    Path dir;
    Path db;
    LeadStore store;
    /** A plain SQLite connection of "another process": holds a read transaction when asked to. */
    Connection other;

    @BeforeEach
    void seed() throws Exception {
        db = dir.resolve("data").resolve("leaddesk.db");
        store = LeadStore.open(db);
        LeadStoreTest.seedInto(store);
        List<Lead> others = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            others.add(Fixtures.en("keep" + i, 1_700_001_000L + i, "Keeper " + i, "keeper" + i + "@acme.com", "", false));
        }
        store.upsertLeads("p-2", Fixtures.englishForm(), others, LeadStoreTest.T1);
        store.upsertLeads("p-2", Fixtures.englishForm(),
                List.of(Fixtures.en("gone", 1_700_000_500L, "Zyxwvut Forgetme", EMAIL, "+1 555 0199", false)), LeadStoreTest.T1);
        assertThat(filesHoldingTheEmail()).isNotEmpty();
        other = DriverManager.getConnection("jdbc:sqlite:" + db);
    }

    @AfterEach
    void close() throws Exception {
        other.close();
        store.close();
    }

    /** Starts a read transaction on the other connection, as a slow `leads --json` reader would keep it. */
    void otherStartsReading() throws SQLException {
        other.setAutoCommit(false);
        try (Statement st = other.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM leads")) {
            assertThat(rs.next()).isTrue();
        }
    }

    void otherStopsReading() throws SQLException {
        other.rollback();
        other.setAutoCommit(true);
    }

    /** The cache files (database, WAL) that hold the forgotten person's e-mail address. */
    List<String> filesHoldingTheEmail() throws Exception {
        return CacheFiles.holding(db.getParent(), EMAIL);
    }

    /** Forgets still to be erased from the files (read on a fresh connection: the other one may hold an old snapshot). */
    long pendingMarkers() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pending_erase")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Test
    void aForgetWaitsForAReaderThatFinishesSaysWhyAndThenLeavesNoCopy() throws Exception {
        otherStartsReading();
        store.eraseWaitForTest(60_000);
        List<String> notices = new ArrayList<>();

        ForgetResult r = store.forget(List.of("gone"), null, notice -> {
            notices.add(notice);
            try {
                otherStopsReading(); // the reader finishes while the forget waits for it
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        });

        assertThat(r.filesErased()).isTrue();
        assertThat(r.deletedIds()).containsExactly("gone");
        assertThat(notices).singleElement().asString()
                .startsWith("Waiting up to 60 seconds for another LeadDesk window or command to stop reading the lead cache")
                .doesNotContain("\n", "Exception");
        assertThat(filesHoldingTheEmail()).isEmpty();
        assertThat(pendingMarkers()).isZero();
    }

    @Test
    void aReaderThatOutlastsTheWaitLeavesThePendingEraseToTheNextOpenWhichRemovesEveryCopy() throws Exception {
        otherStartsReading();
        store.eraseWaitForTest(300);

        ForgetResult r = store.forget(List.of("gone", "not-cached"), null, notice -> { });

        assertThat(r.filesErased()).isFalse();
        assertThat(r.deletedIds()).containsExactly("gone");
        assertThat(store.lead("gone")).as("deleted from the cache at once").isEmpty();
        assertThat(store.countLeads(LeadQuery.all().withSearch("Zyxwvut"))).isZero();
        assertThat(filesHoldingTheEmail()).as("the reader's snapshot still needs the old pages").isNotEmpty();

        otherStopsReading();
        assertThat(pendingMarkers()).isEqualTo(1);
        // the next open of the cache (the next command, or the app starting), while this store is still open
        try (LeadStore next = LeadStore.open(db)) {
            assertThat(next.lead("gone")).isEmpty();
            assertThat(filesHoldingTheEmail()).as("no copy in the database or the WAL").isEmpty();
        }
        assertThat(pendingMarkers()).isZero();
        assertThat(store.totalLeads()).isEqualTo(306);
    }

    @Test
    void deletingThroughTheOlderApiSaysTheCopiesRemainWithOneSentence() throws Exception {
        otherStartsReading();
        store.eraseWaitForTest(200);

        assertThatThrownBy(() -> store.deleteLead("gone"))
                .isInstanceOf(EraseIncompleteException.class)
                .isInstanceOf(StoreException.class)
                .hasMessage("Deleted 1 lead from the local cache, but copies of their data remain in the cache files"
                        + " until LeadDesk is closed everywhere (another LeadDesk window or command is still reading"
                        + " the cache); they are erased the next time the cache is opened.");
        assertThatThrownBy(() -> store.purgeOlderThan(1_700_000_100L))
                .isInstanceOf(EraseIncompleteException.class)
                .satisfies(e -> assertThat(((EraseIncompleteException) e).deleted()).isEqualTo(2));
        assertThat(store.lead("gone")).isEmpty();
        otherStopsReading();
        assertThat(pendingMarkers()).isEqualTo(2);
        try (LeadStore next = LeadStore.open(db)) {
            assertThat(filesHoldingTheEmail()).isEmpty();
        }
        assertThat(pendingMarkers()).isZero();
    }

    @Test
    void aPendingEraseSurvivesUntilAnOpenFindsNoReader() throws Exception {
        otherStartsReading();
        store.eraseWaitForTest(100);
        assertThat(store.forget(List.of("gone"), null, n -> { }).filesErased()).isFalse();

        try (LeadStore next = LeadStore.open(db)) { // still read: this open cannot finish it, and does not wait
            assertThat(next.lead("gone")).isEmpty();
        }
        assertThat(pendingMarkers()).isEqualTo(1);
        assertThat(filesHoldingTheEmail()).isNotEmpty();

        otherStopsReading();
        try (LeadStore next = LeadStore.open(db)) {
            assertThat(filesHoldingTheEmail()).isEmpty();
        }
        assertThat(pendingMarkers()).isZero();
    }
}
