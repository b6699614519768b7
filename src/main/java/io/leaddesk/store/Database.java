package io.leaddesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * The one database object the store's parts share: the write connection (one {@code BEGIN IMMEDIATE} transaction per
 * write, serialised by a lock), a small pool of read connections, and the checks every write passes first (open,
 * not read-only, not damaged). Every failure leaves here as a {@link StoreException}.
 */
final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    static final int BUSY_TIMEOUT_MS = 5000;
    private static final int MAX_IDLE_READERS = 4;
    private static final long READER_MMAP = 1L << 30;
    /** Well below SQLite's limit of 32766 bound parameters per statement. */
    static final int MAX_PARAMS = 10_000;

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    final Path file;
    /** Null when the cache is read-only. */
    private final Connection writer;
    /** Read connections open the file read-only (and immutable when no WAL can be made), see {@link StoreFile}. */
    private final StoreFile.Access access;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ConcurrentLinkedDeque<Connection> idleReaders = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;
    /** Whether {@code PRAGMA quick_check} ran on this open; guarded by writeLock. */
    private boolean checked;
    /** The damage the check found; every later write is refused with it. Guarded by writeLock. */
    private StoreException damage;

    Database(Path file, Connection writer, StoreFile.Access access) {
        this.file = file;
        this.writer = writer;
        this.access = access;
    }

    boolean readOnly() {
        return writer == null;
    }

    // ---- writing ---------------------------------------------------------------------------------

    /**
     * Runs {@code work} in one IMMEDIATE transaction on the write connection; rolls back on any failure. Refuses
     * (without touching the file) a closed store, a read-only cache and a damaged one.
     */
    <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            ensureWritable();
            try (Statement st = writer.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                throw StoreErrors.writeFailure(file, e);
            }
            try {
                T result = work.run(writer);
                try (Statement st = writer.createStatement()) {
                    st.execute("COMMIT");
                }
                return result;
            } catch (SQLException e) {
                rollback(writer);
                throw StoreErrors.writeFailure(file, e);
            } catch (RuntimeException | Error e) {
                rollback(writer);
                throw e;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on the write connection outside a transaction (checkpoints), with the same checks. */
    <T> T onWriter(Work<T> work) {
        writeLock.lock();
        try {
            ensureWritable();
            return work.run(writer);
        } catch (SQLException e) {
            throw StoreErrors.writeFailure(file, e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Open, writable, and checked once for damage (the first write of each open pays for the check). */
    private void ensureWritable() {
        ensureOpen();
        if (writer == null) {
            throw StoreErrors.readOnly(file);
        }
        checkIntegrity(writer);
    }

    /**
     * {@code PRAGMA quick_check} once per open, before anything is written: a damaged file is refused with the
     * sentence its readers give, and left as it is. Reads every page once (about a second per GB); a write of a
     * second page, a review or a forget afterwards costs nothing more.
     */
    private void checkIntegrity(Connection c) {
        if (damage != null) {
            throw damage;
        }
        if (checked) {
            return;
        }
        List<String> problems = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equalsIgnoreCase(line)) {
                    problems.add(line);
                }
            }
        } catch (SQLException e) {
            if (!StoreErrors.isDamage(e)) {
                throw StoreErrors.writeFailure(file, e);
            }
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            LOG.warn("The lead cache {} failed its integrity check ({} problems); nothing will be written to it", file,
                    problems.size());
            damage = StoreErrors.damaged(file, StoreErrors.CORRUPT);
            throw damage;
        }
        checked = true;
    }

    /** Checks the file before a migration at open (the write connection is not shared yet). */
    void checkBeforeMigration() {
        writeLock.lock();
        try {
            checkIntegrity(writer);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * {@code PRAGMA wal_checkpoint(TRUNCATE)}: copies the WAL into the database and empties the WAL file. Tried at
     * once; when readers (or a writer) of another connection hold the WAL, {@code beforeWaiting} runs and the
     * checkpoint is retried until it succeeds or {@code waitMillis} have passed.
     *
     * @return true when the WAL was emptied
     */
    boolean truncateWal(long waitMillis, Runnable beforeWaiting) {
        return onWriter(c -> {
            try (Statement st = c.createStatement()) {
                try {
                    if (checkpoint(st, 0)) {
                        return true;
                    }
                    if (waitMillis <= 0) {
                        return false;
                    }
                    beforeWaiting.run();
                    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
                    while (true) {
                        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                        if (left <= 0) {
                            return false;
                        }
                        long t0 = System.nanoTime();
                        if (checkpoint(st, left)) {
                            return true;
                        }
                        if (System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(20)) {
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // busy at once: do not spin
                        }
                    }
                } finally {
                    st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                }
            }
        });
    }

    private static boolean checkpoint(Statement st, long busyMillis) throws SQLException {
        st.execute("PRAGMA busy_timeout = " + busyMillis);
        try (ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            return rs.next() && rs.getInt(1) == 0;
        } catch (SQLException e) {
            if (StoreErrors.isBusy(e)) {
                return false;
            }
            throw e;
        }
    }

    /** For tests: caps the database size in pages so that a write fails as on a full disk. */
    void limitPages(long maxPages) {
        onWriter(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA max_page_count = " + maxPages);
            }
            return null;
        });
    }

    // ---- reading ---------------------------------------------------------------------------------

    <T> T read(Work<T> work) {
        ensureOpen();
        Connection c = null;
        try {
            c = borrowReader();
            return work.run(c);
        } catch (SQLException e) {
            throw StoreErrors.readFailure(file, e);
        } finally {
            if (c != null) {
                giveBack(c);
            }
        }
    }

    private Connection borrowReader() throws SQLException {
        Connection c = idleReaders.pollFirst();
        if (c != null) {
            return c;
        }
        c = connect(file, access);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA query_only = 1");
            st.execute("PRAGMA cache_size = -16384");
            // reads straight from the OS page cache instead of a read() per 4 KB page: a million-lead export or a
            // broad search walks most of the file (reads only; the writer keeps ordinary I/O)
            st.execute("PRAGMA mmap_size = " + READER_MMAP);
        } catch (SQLException e) {
            closeQuietly(c);
            throw e;
        }
        return c;
    }

    private void giveBack(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            closeQuietly(c);
            return;
        }
        if (closed || idleReaders.size() >= MAX_IDLE_READERS) {
            closeQuietly(c);
        } else {
            idleReaders.offerFirst(c);
            if (closed && idleReaders.remove(c)) { // closed meanwhile
                closeQuietly(c);
            }
        }
    }

    void ensureOpen() {
        if (closed) {
            throw StoreErrors.closed(file);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Connection c;
        while ((c = idleReaders.pollFirst()) != null) {
            closeQuietly(c);
        }
        writeLock.lock();
        try {
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    // ---- shared helpers --------------------------------------------------------------------------

    /**
     * A connection to {@code db}: WRITABLE opens it read-write in WAL mode; READ_ONLY opens it read-only; IMMUTABLE
     * also tells SQLite that nobody changes the file (when neither the file nor a WAL beside it can be written).
     */
    static Connection connect(Path db, StoreFile.Access access) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        cfg.enforceForeignKeys(true);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        String url = "jdbc:sqlite:" + db;
        if (access == StoreFile.Access.WRITABLE) {
            cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
            cfg.setCacheSize(-65_536); // 64 MB: keeps the indexes of a million leads hot while syncing
        } else {
            cfg.setReadOnly(true);
            cfg.setOpenMode(SQLiteOpenMode.READONLY);
            if (access == StoreFile.Access.IMMUTABLE) {
                cfg.setOpenMode(SQLiteOpenMode.OPEN_URI);
                url = "jdbc:sqlite:" + db.toUri() + "?immutable=1";
            }
        }
        return cfg.createConnection(url);
    }

    /** Runs {@code sql + "(?,?,…)"} over the ids in chunks of at most MAX_PARAMS, handing every result row to {@code row}. */
    static void forEachAmong(Connection c, String sql, Collection<String> ids, RowReader row) throws SQLException {
        List<String> all = ids instanceof List<String> l ? l : new ArrayList<>(ids);
        for (int start = 0; start < all.size(); start += MAX_PARAMS) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + MAX_PARAMS));
            try (PreparedStatement ps = c.prepareStatement(sql + "(" + SqlQuery.marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        }
    }

    static int execute(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    static int bind(PreparedStatement ps, List<?> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    static int intPragma(Statement st, String pragma) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static void rollback(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // no transaction open (SQLite already rolled back, e.g. after SQLITE_FULL)
            LOG.debug("rollback: {}", e.getMessage());
        }
    }

    static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }
}
