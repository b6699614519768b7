package io.leaddesk.store;

import io.leaddesk.model.Lead;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** The lead table's queries: counts, row ids in query order, table rows, one lead, every lead parsed. */
final class LeadQueries {

    private static final String ROW_COLUMNS = "l.rowid, l.id, l.form_id, l.page_id, l.created_time, l.name, l.email,"
            + " l.phone, l.platform, l.is_organic, l.campaign_name, l.ad_name, r.status,"
            + " EXISTS(SELECT 1 FROM unseen_leads u WHERE u.rowid = l.rowid)";

    private final Database db;

    LeadQueries(Database db) {
        this.db = db;
    }

    long countLeads(LeadQuery query) {
        return db.read(c -> {
            SqlQuery q = SqlQuery.of(query, false, false, NoteSearch.matches(c, query));
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + q.fromWhere)) {
                Database.bind(ps, q.params);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /**
     * The row ids of every matching lead in the query's order. Orders an index walks (created, name, email, phone,
     * platform, campaign) come from SQLite; review status, organic and form are bucketed in Java
     * ({@link SqlQuery#bucketKey}), and a search in created-time order sorts packed (created, rowid) pairs in Java.
     */
    long[] leadRowIds(LeadQuery query) {
        return db.read(c -> {
            SqlQuery q = SqlQuery.of(query, false, false, NoteSearch.matches(c, query));
            if (q.sortMatchesByCreated) {
                long[] sorted = matchesByCreated(c, q);
                if (sorted != null) {
                    return sorted;
                }
            }
            if (q.bucketKey != null) {
                long[] sorted = bucketed(c, q);
                if (sorted != null) {
                    return sorted;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT l.rowid" + q.fromWhere + q.orderBy)) {
                Database.bind(ps, q.params);
                ps.setFetchSize(10_000);
                long[] ids = new long[1024];
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == ids.length) {
                            ids = Arrays.copyOf(ids, ids.length * 2);
                        }
                        ids[n++] = rs.getLong(1);
                    }
                }
                return Arrays.copyOf(ids, n);
            }
        });
    }

    /**
     * Row ids of a full-text search in created-time order: SQLite hands over the matches' (rowid, created_time)
     * unsorted and Java sorts them packed into one long each (a broad search of 180k matches in a million leads:
     * the SQL sorter took ~100 ms of the ~280). Null when the values do not pack into 63 bits (then SQL sorts).
     */
    private static long[] matchesByCreated(Connection c, SqlQuery q) throws SQLException {
        long[] rowIds = new long[1024];
        long[] created = new long[1024];
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT l.rowid, l.created_time" + q.fromWhere)) {
            Database.bind(ps, q.params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == rowIds.length) {
                        rowIds = Arrays.copyOf(rowIds, n * 2);
                        created = Arrays.copyOf(created, n * 2);
                    }
                    rowIds[n] = rs.getLong(1);
                    created[n++] = rs.getLong(2);
                }
            }
        }
        long minCreated = Long.MAX_VALUE, maxCreated = Long.MIN_VALUE, maxRow = 0;
        for (int i = 0; i < n; i++) {
            minCreated = Math.min(minCreated, created[i]);
            maxCreated = Math.max(maxCreated, created[i]);
            if (rowIds[i] < 0) {
                return null;
            }
            maxRow = Math.max(maxRow, rowIds[i]);
        }
        if (n == 0) {
            return new long[0];
        }
        int rowBits = 64 - Long.numberOfLeadingZeros(maxRow);
        long span = maxCreated - minCreated;
        if (span < 0 || rowBits + (64 - Long.numberOfLeadingZeros(span)) > 63) {
            return null;
        }
        long[] keys = rowIds; // packed in place: (created - min) << rowBits | rowid
        for (int i = 0; i < n; i++) {
            keys[i] = ((created[i] - minCreated) << rowBits) | rowIds[i];
        }
        Arrays.sort(keys, 0, n);
        long mask = rowBits == 0 ? 0 : -1L >>> (64 - rowBits);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[q.descending ? n - 1 - i : i] = keys[i] & mask;
        }
        return out;
    }

    /**
     * Row ids ordered by a small integer key ({@link SqlQuery#bucketKey}) and then rowid, in the query's direction:
     * SQLite hands over (rowid, key) unsorted and Java sorts them packed into one long each. The form key (a form's
     * rowid) is first turned into the form's rank by name. Null when the values do not pack into 63 bits.
     */
    private static long[] bucketed(Connection c, SqlQuery q) throws SQLException {
        Map<Long, Integer> formRank = null;
        if (SqlQuery.FORM_BUCKET.equals(q.bucketKey)) {
            formRank = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM forms ORDER BY name COLLATE NOCASE, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    formRank.put(rs.getLong(1), formRank.size() + 1); // 0 = a form that is not cached
                }
            }
        }
        long[] rowIds = new long[1024];
        int[] keys = new int[1024];
        int n = 0;
        long maxRow = 0;
        int maxKey = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT l.rowid, " + q.bucketKey + q.fromWhere)) {
            Database.bind(ps, q.params);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == rowIds.length) {
                        rowIds = Arrays.copyOf(rowIds, n * 2);
                        keys = Arrays.copyOf(keys, n * 2);
                    }
                    long row = rs.getLong(1);
                    long k = rs.getLong(2);
                    int key = formRank == null ? (int) k : formRank.getOrDefault(k, 0);
                    if (row < 0 || key < 0) {
                        return null;
                    }
                    rowIds[n] = row;
                    keys[n++] = key;
                    maxRow = Math.max(maxRow, row);
                    maxKey = Math.max(maxKey, key);
                }
            }
        }
        int rowBits = 64 - Long.numberOfLeadingZeros(maxRow);
        int keyBits = 32 - Integer.numberOfLeadingZeros(maxKey);
        if (rowBits + keyBits > 63) {
            return null;
        }
        for (int i = 0; i < n; i++) {
            rowIds[i] = ((long) keys[i] << rowBits) | rowIds[i];
        }
        Arrays.sort(rowIds, 0, n);
        long mask = rowBits == 0 ? 0 : -1L >>> (64 - rowBits);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[q.descending ? n - 1 - i : i] = rowIds[i] & mask;
        }
        return out;
    }

    List<LeadRow> rows(long[] rowIds, int from, int to) {
        Objects.checkFromToIndex(from, to, rowIds.length);
        if (from == to) {
            return List.of();
        }
        return db.read(c -> {
            Map<Long, LeadRow> byId = new HashMap<>((to - from) * 2);
            for (int start = from; start < to; start += Database.MAX_PARAMS) {
                int end = Math.min(to, start + Database.MAX_PARAMS);
                try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS
                        + " FROM leads l LEFT JOIN reviews r ON r.lead_id = l.id WHERE l.rowid IN ("
                        + SqlQuery.marks(end - start) + ")")) {
                    for (int i = start; i < end; i++) {
                        ps.setLong(i - start + 1, rowIds[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            LeadRow row = row(rs);
                            byId.put(row.rowId(), row);
                        }
                    }
                }
            }
            List<LeadRow> out = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                LeadRow row = byId.get(rowIds[i]);
                if (row != null) {
                    out.add(row);
                }
            }
            return out;
        });
    }

    List<LeadRow> rows(LeadQuery query, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        return db.read(c -> {
            SqlQuery q = SqlQuery.of(query, true, false, NoteSearch.matches(c, query));
            List<LeadRow> out = new ArrayList<>(Math.min(limit, 10_000));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + q.fromWhere + q.orderBy
                    + " LIMIT ? OFFSET ?")) {
                int i = Database.bind(ps, q.params);
                ps.setInt(i++, limit);
                ps.setInt(i, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    private static LeadRow row(ResultSet rs) throws SQLException {
        int org = rs.getInt(10);
        Boolean organic = rs.wasNull() ? null : org != 0;
        return new LeadRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), organic, rs.getString(11),
                rs.getString(12), StoredColumns.status(rs.getString(13)), rs.getInt(14) != 0);
    }

    Optional<StoredLead> lead(String leadId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + StoredColumns.LEAD_COLUMNS
                    + " FROM leads l LEFT JOIN reviews r ON r.lead_id = l.id WHERE l.id = ?")) {
                ps.setString(1, leadId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(storedLead(rs)) : Optional.<StoredLead>empty();
                }
            }
        });
    }

    void forEachLead(LeadQuery query, Consumer<StoredLead> consumer) {
        db.read(c -> {
            SqlQuery q = SqlQuery.of(query, true, false, NoteSearch.matches(c, query));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + StoredColumns.LEAD_COLUMNS + q.fromWhere
                    + q.orderBy, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                Database.bind(ps, q.params);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(storedLead(rs));
                    }
                }
            }
            return null;
        });
    }

    /** The current row of a {@link StoredColumns#LEAD_COLUMNS} result as a StoredLead. */
    private static StoredLead storedLead(ResultSet rs) throws SQLException {
        RowFallback cols = new RowFallback(rs, rs.getLong(3));
        Lead lead;
        try {
            lead = LeadJson.parse(rs.getString(1), cols);
        } catch (StoredColumns.UncheckedSql e) {
            throw e.getCause();
        }
        return StoredColumns.stored(lead, rs.getString(2), rs.getLong(4), rs.getLong(5), rs.getString(6),
                rs.getString(7));
    }

    /**
     * The stored columns of the current row, each read only when the raw JSON lacks that field: a usual lead needs
     * none or a few of them, and every column read is a native call (~0.2 us) that a million-row export feels.
     */
    private static final class RowFallback extends StoredColumns {
        private final ResultSet rs;
        private final long createdEpoch;

        RowFallback(ResultSet rs, long createdEpoch) {
            this.rs = rs;
            this.createdEpoch = createdEpoch;
        }

        @Override
        public long createdEpoch() {
            return createdEpoch;
        }

        @Override
        Object column(int i) {
            try {
                return read(rs, LEAD_FALLBACK_FIRST, i);
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }
    }
}
