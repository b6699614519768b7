package io.leaddesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.function.Consumer;

/**
 * The raw export stream: the same leads as forEachLead (same query, order and columns) without parsing their raw
 * JSON, so that an export reads on one thread and parses on another ({@link LeadStore.RawStoredLead}).
 *
 * <p>Only what the parse cannot do without is read per row: the raw text (as UTF-8 bytes, decoded by the parse) and
 * the columns JSON does not hold. The stored copies of JSON fields (the fallback when the raw JSON lacks a field) are
 * not read: a bit mask says which are NULL, and if the parse needs one that is not (raw JSON that lacks a field its
 * columns have, or damaged JSON: rare, as both come from the same Graph response), the parse reads that lead's
 * columns then, by rowid ({@link #fallbackColumns}).
 */
final class RawLeadStream {

    private static final int ALL_FALLBACKS = (1 << StoredColumns.COUNT) - 1;

    private final Database db;

    RawLeadStream(Database db) {
        this.db = db;
    }

    void forEachRawLead(LeadQuery query, Consumer<LeadStore.RawStoredLead> consumer) {
        SqlQuery q = SqlQuery.of(query, true, true);
        String sql = "SELECT " + StoredColumns.RAW_LEAD_COLUMNS + q.fromWhere + q.orderBy;
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                Database.bind(ps, q.params);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // the raw text as its UTF-8 bytes: decoding them (most of this thread's work) is left to the
                        // parse, and so are the Instants and the review status; NULL fallback columns are known
                        // without reading them, the others are read by the parse if it needs them
                        consumer.accept(new LeadStore.RawStoredLead(this, rs.getLong(8), rs.getBytes(1), rs.getString(2),
                                rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                                ~rs.getInt(9) & ALL_FALLBACKS));
                    }
                }
            }
            return null;
        });
    }

    /** Every fallback column of one row (the rare case where a parse asks for one left out while streaming). */
    Object[] fallbackColumns(long rowid) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + StoredColumns.LIST + " FROM leads l WHERE l.rowid = ?")) {
                ps.setLong(1, rowid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("A lead was deleted from the lead cache while it was being read; try again.");
                    }
                    Object[] out = new Object[StoredColumns.COUNT];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = StoredColumns.read(rs, 1, i);
                    }
                    return out;
                }
            }
        });
    }
}
