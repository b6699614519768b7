package io.leaddesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pages handed in while another is being written share one transaction; each caller still learns its own outcome. */
class GroupCommitTest {
    @TempDir
    Path dir;

    private Database db;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    /** Released to let the page "slow" finish writing. */
    private final CountDownLatch slowMayFinish = new CountDownLatch(1);
    private final CountDownLatch slowWriting = new CountDownLatch(1);
    /** One permit per page queued. */
    private final Semaphore queued = new Semaphore(0);
    private GroupCommit<String> commits;

    @BeforeEach
    void open() {
        db = StoreFile.open(dir.resolve("group.db"), null);
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE handed_in(name TEXT PRIMARY KEY)");
            }
            return null;
        });
        commits = new GroupCommit<>(db, (c, page) -> {
            if (page.equals("slow")) {
                slowWriting.countDown();
                await(slowMayFinish);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO handed_in(name) VALUES (?)")) {
                ps.setString(1, page);
                ps.executeUpdate();
            }
            if (page.startsWith("bad")) {
                throw new SQLException("disk I/O error");
            }
            return page.length();
        }, queued::release);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        db.close();
    }

    @Test
    void pagesQueuedWhileAnotherIsWrittenAreCommittedTogetherAndEachCallerGetsItsOwnCount() throws Exception {
        Future<Integer> slow = threads.submit(() -> commits.commit("slow"));
        assertTrue(slowWriting.await(10, TimeUnit.SECONDS));
        queued.acquire(); // "slow" itself
        List<Future<Integer>> others = new ArrayList<>();
        for (String page : List.of("a", "bb", "ccc")) {
            others.add(threads.submit(() -> commits.commit(page)));
        }
        assertTrue(queued.tryAcquire(3, 10, TimeUnit.SECONDS), "the three pages are waiting");
        assertEquals(List.of(), committedNames(), "nothing is visible before its transaction commits");

        slowMayFinish.countDown();
        assertEquals(4, slow.get(10, TimeUnit.SECONDS));
        assertEquals(1, others.get(0).get(10, TimeUnit.SECONDS));
        assertEquals(2, others.get(1).get(10, TimeUnit.SECONDS));
        assertEquals(3, others.get(2).get(10, TimeUnit.SECONDS));
        assertEquals(List.of("a", "bb", "ccc", "slow"), committedNames());
        assertEquals(2, commits.transactions(), "the slow page alone, then the three waiting ones in one transaction");
    }

    @Test
    void aPageThatFailsInASharedTransactionFailsOnlyItsOwnCaller() throws Exception {
        Future<Integer> slow = threads.submit(() -> commits.commit("slow"));
        assertTrue(slowWriting.await(10, TimeUnit.SECONDS));
        queued.acquire();
        Future<Integer> before = threads.submit(() -> commits.commit("before"));
        assertTrue(queued.tryAcquire(10, TimeUnit.SECONDS));
        Future<Integer> bad = threads.submit(() -> commits.commit("bad page"));
        assertTrue(queued.tryAcquire(10, TimeUnit.SECONDS));
        Future<Integer> after = threads.submit(() -> commits.commit("after"));
        assertTrue(queued.tryAcquire(10, TimeUnit.SECONDS));

        slowMayFinish.countDown();
        assertEquals(4, slow.get(10, TimeUnit.SECONDS));
        assertEquals(6, before.get(10, TimeUnit.SECONDS));
        assertEquals(5, after.get(10, TimeUnit.SECONDS));
        ExecutionException failed = assertThrows(ExecutionException.class, () -> bad.get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof StoreException, String.valueOf(failed.getCause()));
        assertEquals(List.of("after", "before", "slow"), committedNames(), "the bad page left nothing behind");
    }

    private List<String> committedNames() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM handed_in ORDER BY name")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test did not release the slow page");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
