package io.leaddesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the sync remembers per form between runs (schema 4): the page size that worked after Meta refused larger
 * pages, whether Meta refused two filters in one request (the form is then read in one piece), and the time ranges
 * an unfinished pull still has to read.
 *
 * <p>A pull of a form covers the creation times from its lower end ({@code from}, null = none) up, cut into ranges
 * that touch without gaps or overlaps. Each range is one row; a row shrinks as the pages of its range are committed
 * (its upper end moves down to the oldest second read, in the page's own transaction), is cut in two when the sync
 * splits a slice, and goes when its range has been read. So at every commit the rows plus the leads stored cover the
 * whole pull, and a pull killed half-way resumes where each slice had got to. The pull is finished, its rows gone and
 * the form's watermark moved, in one transaction ({@link #completePull}).
 */
public final class SyncState {

    /** A time range still to read: creation times in {@code [lo, hi)}, null = no end on that side. */
    public record Range(long id, Long lo, Long hi) {
        @Override
        public String toString() {
            return "#" + id + "[" + (lo == null ? "-inf" : lo) + ", " + (hi == null ? "+inf" : hi) + ")";
        }
    }

    /**
     * The unfinished pull of a form.
     *
     * @param from   its lower end (inclusive), null when it reads every lead Meta has
     * @param ranges what it still has to read
     */
    public record Pull(Long from, List<Range> ranges) {
        public Pull {
            ranges = List.copyOf(ranges);
        }
    }

    /**
     * What is remembered about a form.
     *
     * @param pageSize   the page size that worked when Meta refused larger ones, null = the configured size
     * @param cleanPulls pulls completed at {@code pageSize} without a refusal since it was last set
     * @param sequential Meta refused two filters in one request: the form is read in one piece
     * @param pull       the unfinished pull, null when there is none
     */
    public record Form(Integer pageSize, int cleanPulls, boolean sequential, Pull pull) {
        public static final Form NONE = new Form(null, 0, false, null);
    }

    /** A committed page moved its range's upper end down to {@code hi} (exclusive). */
    public record Progress(long rangeId, Long hi) {
    }

    private final Database db;

    SyncState(Database db) {
        this.db = db;
    }

    /** What is remembered about the form ({@link Form#NONE} when nothing is). */
    public Form load(String formId) {
        Objects.requireNonNull(formId, "formId");
        return db.read(c -> {
            Integer pageSize = null;
            int clean = 0;
            boolean sequential = false;
            boolean open = false;
            Long from = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT page_size, clean_pulls, sequential, pull_open,"
                    + " pull_from FROM sync_state WHERE form_id = ?")) {
                ps.setString(1, formId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Form.NONE;
                    }
                    pageSize = nullableInt(rs, 1);
                    clean = rs.getInt(2);
                    sequential = rs.getInt(3) != 0;
                    open = rs.getInt(4) != 0;
                    from = nullableLong(rs, 5);
                }
            }
            return new Form(pageSize, clean, sequential, open ? new Pull(from, ranges(c, formId)) : null);
        });
    }

    private static List<Range> ranges(Connection c, String formId) throws SQLException {
        List<Range> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, lo, hi FROM sync_ranges WHERE form_id = ? ORDER BY hi IS NULL DESC, hi DESC, id")) {
            ps.setString(1, formId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Range(rs.getLong(1), nullableLong(rs, 2), nullableLong(rs, 3)));
                }
            }
        }
        return out;
    }

    /**
     * Starts (or restarts) a pull of the form from {@code from} with these ranges to read (their ids are ignored), in
     * one transaction that replaces whatever an earlier pull left; returns the ranges with their new ids, in order.
     */
    public List<Range> startPull(String formId, Long from, List<Range> ranges) {
        Objects.requireNonNull(formId, "formId");
        return db.write(c -> {
            Database.execute(c, "DELETE FROM sync_ranges WHERE form_id = ?", List.of(formId));
            List<Range> out = new ArrayList<>(ranges.size());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_ranges(form_id, lo, hi) VALUES (?,?,?)")) {
                for (Range r : ranges) {
                    ps.setString(1, formId);
                    setNullable(ps, 2, r.lo());
                    setNullable(ps, 3, r.hi());
                    ps.executeUpdate();
                    out.add(new Range(lastId(c), r.lo(), r.hi()));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sync_state(form_id, pull_open, pull_from, updated_at) VALUES (?,1,?,?)
                    ON CONFLICT(form_id) DO UPDATE SET pull_open = 1, pull_from = excluded.pull_from,
                        updated_at = excluded.updated_at""")) {
                ps.setString(1, formId);
                setNullable(ps, 2, from);
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return out;
        });
    }

    /**
     * Cuts range {@code rangeId} at {@code at}: it keeps {@code [at, hi)} and a new range {@code [lo, at)} is returned.
     * One transaction.
     */
    public Range split(long rangeId, long at) {
        return db.write(c -> {
            String formId;
            Long lo;
            try (PreparedStatement ps = c.prepareStatement("SELECT form_id, lo FROM sync_ranges WHERE id = ?")) {
                ps.setLong(1, rangeId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("The sync range " + rangeId + " is not in the lead cache; it cannot be"
                                + " split.");
                    }
                    formId = rs.getString(1);
                    lo = nullableLong(rs, 2);
                }
            }
            Database.execute(c, "UPDATE sync_ranges SET lo = ? WHERE id = ?", List.of(at, rangeId));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_ranges(form_id, lo, hi) VALUES (?,?,?)")) {
                ps.setString(1, formId);
                setNullable(ps, 2, lo);
                ps.setLong(3, at);
                ps.executeUpdate();
            }
            return new Range(lastId(c), lo, at);
        });
    }

    /** Records progress of a range outside a page of leads (a page whose leads could none be stored). */
    public void progress(Progress progress) {
        db.write(c -> {
            writeProgress(c, progress);
            return null;
        });
    }

    /** Inside a page's transaction: the range's upper end moves down to what that page read. */
    static void writeProgress(Connection c, Progress progress) throws SQLException {
        if (progress == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sync_ranges SET hi = ? WHERE id = ?")) {
            setNullable(ps, 1, progress.hi());
            ps.setLong(2, progress.rangeId());
            ps.executeUpdate();
        }
    }

    /** The range has been read to its lower end: it goes. */
    public void rangeDone(long rangeId) {
        db.write(c -> Database.execute(c, "DELETE FROM sync_ranges WHERE id = ?", List.of(rangeId)));
    }

    /** Sets the range's upper end (a slice that stopped early is read again from there). */
    public void resetRange(long rangeId, Long hi) {
        progress(new Progress(rangeId, hi));
    }

    /** Remembers the page size that worked and whether the form must be read in one piece; the pull is untouched. */
    public void remember(String formId, Integer pageSize, int cleanPulls, boolean sequential) {
        db.write(c -> {
            upsertRemembered(c, formId, pageSize, cleanPulls, sequential, null);
            return null;
        });
    }

    /**
     * The pull of the form is complete: in one transaction its ranges go, the form's watermark moves to
     * {@code watermark} (kept when null) with {@code at} as its last sync, and the page size and way of reading are
     * remembered.
     */
    public void completePull(String formId, Long watermark, Instant at, Integer pageSize, int cleanPulls,
                             boolean sequential) {
        Objects.requireNonNull(at, "at");
        db.write(c -> {
            if (LeadWrites.markSynced(c, formId, watermark, at) == 0) {
                throw LeadWrites.unknownForm(formId);
            }
            Database.execute(c, "DELETE FROM sync_ranges WHERE form_id = ?", List.of(formId));
            upsertRemembered(c, formId, pageSize, cleanPulls, sequential, Boolean.FALSE);
            return null;
        });
    }

    /** The newest created_time among the form's stored leads, null when none is stored. */
    public Long newestStored(String formId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(created_time) FROM leads WHERE form_id = ?")) {
                ps.setString(1, formId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? nullableLong(rs, 1) : null;
                }
            }
        });
    }

    /** {@code open}: null leaves the pull as it is, FALSE closes it. */
    private static void upsertRemembered(Connection c, String formId, Integer pageSize, int cleanPulls,
                                         boolean sequential, Boolean open) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO sync_state(form_id, page_size, clean_pulls, sequential, pull_open, updated_at)
                VALUES (?,?,?,?,0,?)
                ON CONFLICT(form_id) DO UPDATE SET page_size = excluded.page_size,
                    clean_pulls = excluded.clean_pulls, sequential = excluded.sequential,
                    pull_open = CASE WHEN ? THEN 0 ELSE pull_open END,
                    pull_from = CASE WHEN ? THEN NULL ELSE pull_from END, updated_at = excluded.updated_at""")) {
            ps.setString(1, formId);
            if (pageSize == null) {
                ps.setNull(2, Types.INTEGER);
            } else {
                ps.setInt(2, pageSize);
            }
            ps.setInt(3, cleanPulls);
            ps.setInt(4, sequential ? 1 : 0);
            ps.setLong(5, System.currentTimeMillis());
            boolean close = Boolean.FALSE.equals(open);
            ps.setBoolean(6, close);
            ps.setBoolean(7, close);
            ps.executeUpdate();
        }
    }

    private static long lastId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void setNullable(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    private static Long nullableLong(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    private static Integer nullableInt(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }
}
