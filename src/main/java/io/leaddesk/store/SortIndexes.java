package io.leaddesk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name and e-mail sort indexes (schema 7), set aside while a sync brings in more leads than the cache holds.
 *
 * <p>Their keys are random, so every committed page rewrites pages all over both indexes: on the 2-core build
 * machine they take about a quarter of a big first sync's write time. Built afresh in one sorted pass at the end they
 * cost a fraction of that (about 0.25 s each per 100,000 leads there). So a sync that expects at least
 * {@value #MINIMUM_NEW} new leads, and at least as many as the cache already holds, drops them before it writes and
 * builds them again when it ends, however it ends. Meanwhile the cache stays correct: sorting by name or e-mail only
 * sorts without the index. A process killed in between leaves them missing; the next open builds them
 * ({@link #ensure}). See docs/decisions/0011-growing-pages-and-bulk-sort-indexes.md.
 */
public final class SortIndexes {
    private static final Logger LOG = LoggerFactory.getLogger(SortIndexes.class);

    /** Fewer new leads than this are written with the indexes in place. */
    static final long MINIMUM_NEW = 20_000;
    static final List<String> CREATE = List.of(
            "CREATE INDEX IF NOT EXISTS leads_name ON leads(name)",
            "CREATE INDEX IF NOT EXISTS leads_email ON leads(email)");
    private static final List<String> DROP = List.of(
            "DROP INDEX IF EXISTS leads_name",
            "DROP INDEX IF EXISTS leads_email");

    /** What a sync holds while it writes; closing it builds the indexes again if they were set aside. */
    public interface Deferral extends AutoCloseable {
        /** True when the indexes were dropped for this sync. */
        boolean deferred();

        @Override
        void close();
    }

    private static final Deferral KEPT = new Deferral() {
        @Override
        public boolean deferred() {
            return false;
        }

        @Override
        public void close() {
        }
    };

    private final Database db;

    SortIndexes(Database db) {
        this.db = db;
    }

    /** True when a sync expecting {@code expectedNew} new leads into a cache of {@code cached} should defer. */
    static boolean worthDeferring(long expectedNew, long cached) {
        return expectedNew >= MINIMUM_NEW && expectedNew >= cached;
    }

    /**
     * Before a sync writes: drops both indexes when {@code expectedNew} new leads make it worth it (see the class
     * comment), or keeps them. A read-only cache, or one that cannot be changed now, keeps them; the sync then writes
     * (or fails) as it would have.
     */
    public Deferral deferFor(long expectedNew) {
        if (db.readOnly() || expectedNew < MINIMUM_NEW) {
            return KEPT;
        }
        try {
            boolean dropped = db.write(c -> {
                if (!worthDeferring(expectedNew, count(c))) {
                    return false;
                }
                // the freed index pages are zeroed: they hold every name and e-mail, and a later forget of a lead
                // could not reach copies left in free pages (see Erasure)
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA secure_delete = ON");
                    try {
                        execute(c, DROP);
                    } finally {
                        st.execute("PRAGMA secure_delete = OFF");
                    }
                }
                return true;
            });
            if (!dropped) {
                return KEPT;
            }
        } catch (StoreException e) {
            LOG.warn("Sort indexes kept for this sync: {}", e.getMessage());
            return KEPT;
        }
        LOG.info("Sort indexes set aside while about {} new leads are written", expectedNew);
        return new Deferral() {
            private boolean closed;

            @Override
            public boolean deferred() {
                return true;
            }

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    long t0 = System.nanoTime();
                    db.write(c -> {
                        execute(c, CREATE);
                        return null;
                    });
                    LOG.info("Sort indexes built again in {} ms", (System.nanoTime() - t0) / 1_000_000);
                } catch (StoreException e) {
                    // the leads are stored; the next open builds the indexes (ensure)
                    LOG.warn("Sort indexes not built again yet: {}", e.getMessage());
                }
            }
        };
    }

    /**
     * At open: builds the indexes a process killed during a deferral left missing (a sync of another process that
     * set them aside a moment ago then simply writes with them). Costs one lookup on {@code writer} when they are
     * there; the write that builds them checks the file first, like every first write of an open.
     */
    static void ensure(Connection writer, Database db) throws SQLException {
        if (present(writer)) {
            return;
        }
        LOG.info("Sort indexes missing (a sync ended without building them again): building them");
        db.write(c -> {
            execute(c, CREATE);
            return null;
        });
    }

    /** Whether both indexes exist now. */
    public boolean present() {
        return db.read(SortIndexes::present);
    }

    private static boolean present(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN ('leads_name', 'leads_email')")) {
            return rs.next() && rs.getInt(1) == 2;
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM leads")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static void execute(Connection c, List<String> sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
