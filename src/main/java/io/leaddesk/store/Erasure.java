package io.leaddesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgetting leads so that nothing of them stays readable in the cache files (a privacy request must not leave the
 * person's answers in free pages or the WAL): SQLite's secure_delete zeroes the freed content, the full-text index is
 * rebuilt without the deleted rows' words, and the WAL, which still holds earlier page images, is checkpointed and
 * truncated. When another process keeps reading the WAL, the wait is bounded; the forget then stays recorded in
 * {@code pending_erase} (in its own transaction, so even a crash keeps it) and every open finishes it.
 */
final class Erasure {

    private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);

    static final long DEFAULT_WAIT_MILLIS = 10_000;

    private final Database db;
    private volatile long waitMillis = DEFAULT_WAIT_MILLIS;

    Erasure(Database db) {
        this.db = db;
    }

    /** For tests: how long a forget waits for other readers of the WAL. */
    void waitMillis(long millis) {
        this.waitMillis = millis;
    }

    private record Deleted(Set<String> found, int older, long marker) {
        int total() {
            return found.size() + older;
        }
    }

    /**
     * Deletes the leads with these ids (remembering the ids, so that no later sync stores them again) and every lead
     * created before {@code createdBefore} (Unix seconds; null = none), with their reviews and export links, in one
     * transaction; then empties the WAL, waiting up to {@link #DEFAULT_WAIT_MILLIS} for other readers, after telling
     * {@code notice} why it waits.
     */
    ForgetResult forget(Collection<String> leadIds, Long createdBefore, Consumer<String> notice) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(leadIds));
        if (ids.isEmpty() && createdBefore == null) {
            return new ForgetResult(Set.of(), 0, true);
        }
        long now = System.currentTimeMillis();
        Deleted d = db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA secure_delete = ON");
            }
            try {
                Set<String> found = present(c, ids);
                int older = 0;
                if (!found.isEmpty()) {
                    remember(c, found, now);
                    List<Object> params = new ArrayList<>(found);
                    for (int start = 0; start < params.size(); start += Database.MAX_PARAMS) {
                        List<Object> chunk = params.subList(start, Math.min(params.size(), start + Database.MAX_PARAMS));
                        deleteWhere(c, "id IN (" + SqlQuery.marks(chunk.size()) + ")", chunk);
                    }
                }
                if (createdBefore != null) {
                    older = deleteWhere(c, "created_time < ?", List.of(createdBefore));
                }
                long marker = 0;
                if (found.size() + older > 0) {
                    try (Statement st = c.createStatement()) {
                        st.execute("INSERT INTO leads_fts(leads_fts) VALUES ('optimize')");
                    }
                    marker = markPending(c, now);
                }
                return new Deleted(found, older, marker);
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA secure_delete = OFF");
                }
            }
        });
        if (d.total() == 0) {
            return new ForgetResult(Set.of(), 0, true);
        }
        long wait = waitMillis;
        boolean erased = db.truncateWal(wait, () -> notice.accept("Waiting up to " + Math.max(1, wait / 1000)
                + " seconds for another LeadDesk window or command to stop reading the lead cache, so that no copy of"
                + " the deleted leads stays in its files."));
        if (erased) {
            clearPending(List.of(d.marker()));
        } else {
            LOG.warn("Deleted leads are still in the cache's WAL (another process reads it); erased at the next open");
        }
        return new ForgetResult(d.found(), d.older(), erased);
    }

    /**
     * At open: finishes the erases that other readers kept from completing (no wait: the next open tries again). Never
     * fails the open: a cache that cannot be written here (damaged, full disk) is refused by the first write instead.
     */
    void finishPending() {
        if (db.readOnly()) {
            return;
        }
        try {
            finishPendingNow();
        } catch (StoreException e) {
            LOG.warn("Could not finish an earlier forget's erase at open (the next open retries): {}", e.getMessage());
        }
    }

    private void finishPendingNow() {
        List<Long> markers = db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM pending_erase")) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out;
        });
        if (markers.isEmpty()) {
            return;
        }
        if (db.truncateWal(0, () -> { })) {
            clearPending(markers);
            LOG.info("Finished erasing {} earlier forget(s) from the cache files", markers.size());
        } else {
            LOG.info("Earlier forgets still wait to be erased from the cache files (another process reads the cache)");
        }
    }

    /**
     * Removes the finished markers. The WAL is empty by now, so what this writes holds no personal data; it is
     * emptied again if nobody reads it. A failure here loses nothing: the marker stays and the next open retries.
     */
    private void clearPending(List<Long> markers) {
        try {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_erase WHERE id = ?")) {
                    for (long id : markers) {
                        ps.setLong(1, id);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
            db.truncateWal(0, () -> { });
        } catch (StoreException e) {
            LOG.warn("Could not clear the pending-erase marker (the next open retries): {}", e.getMessage());
        }
    }

    private static Set<String> present(Connection c, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<String> in = new HashSet<>();
        Database.forEachAmong(c, "SELECT id FROM leads WHERE id IN ", ids, rs -> in.add(rs.getString(1)));
        Set<String> found = new LinkedHashSet<>();
        for (String id : ids) {
            if (in.contains(id)) {
                found.add(id);
            }
        }
        return found;
    }

    private static void remember(Connection c, Set<String> ids, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO forgotten(lead_id, at) VALUES (?,?)")) {
            for (String id : ids) {
                ps.setString(1, id);
                ps.setLong(2, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static long markPending(Connection c, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pending_erase(at) VALUES (?)")) {
            ps.setLong(1, now);
            ps.executeUpdate();
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int deleteWhere(Connection c, String where, List<?> params) throws SQLException {
        String victims = "SELECT rowid FROM leads WHERE " + where;
        String victimIds = "SELECT id FROM leads WHERE " + where;
        for (String sql : new String[] {
                "DELETE FROM leads_fts WHERE rowid IN (" + victims + ")",
                "DELETE FROM lead_json WHERE rowid IN (" + victims + ")",
                "DELETE FROM reviews WHERE lead_id IN (" + victimIds + ")",
                "DELETE FROM export_leads WHERE lead_id IN (" + victimIds + ")"}) {
            Database.execute(c, sql, params);
        }
        return Database.execute(c, "DELETE FROM leads WHERE " + where, params);
    }
}
