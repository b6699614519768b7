package io.leaddesk.store;

import io.leaddesk.model.Lead;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored copies of a lead's JSON fields (the fallback when its raw JSON lacks a field), written out once: their
 * SQL names in order, and their mapping onto {@link LeadJson.Fallback}. Subclasses say how column {@code i} is read.
 * Also the lead columns both lead reads select, and the parse that turns stored data into a {@link StoredLead}.
 */
abstract class StoredColumns implements LeadJson.Fallback {

    /** The fallback columns, in this order; {@link #column} takes an index into it. */
    static final List<String> NAMES = List.of("l.id", "l.created_time_raw", "l.form_id", "l.ad_id", "l.ad_name",
            "l.adset_id", "l.adset_name", "l.campaign_id", "l.campaign_name", "l.is_organic", "l.platform");
    static final int COUNT = 11;
    private static final int ID = 0, CREATED_RAW = 1, FORM_ID = 2, AD_ID = 3, AD_NAME = 4, ADSET_ID = 5,
            ADSET_NAME = 6, CAMPAIGN_ID = 7, CAMPAIGN_NAME = 8, ORGANIC = 9, PLATFORM = 10;

    /** "l.id, l.created_time_raw, …": the fallback columns as a select list. */
    static final String LIST = String.join(", ", NAMES);
    /** One integer whose bit i is set when fallback column i is not NULL (read instead of the columns themselves). */
    static final String NOT_NULL_MASK = notNullMask();

    /** What a lead read needs besides its raw JSON and fallback columns (select positions 2-7). */
    private static final String STORED = " l.page_id, l.created_time, l.first_seen, l.last_seen, r.status, r.note";
    /** Raw JSON (1), {@link #STORED} (2-7), then the fallback columns (8-18): what {@code lead()} and forEachLead read. */
    static final String LEAD_COLUMNS = "(SELECT j.raw_json FROM lead_json j WHERE j.rowid = l.rowid)," + STORED + ", "
            + LIST;
    /** First fallback column of {@link #LEAD_COLUMNS}. */
    static final int LEAD_FALLBACK_FIRST = 8;
    /**
     * Raw JSON (1), {@link #STORED} (2-7), the rowid (8) and {@link #NOT_NULL_MASK} (9): the raw export stream. The
     * fallback columns themselves are not selected: SQLite would decode them for every row (a tenth of the reading time).
     */
    static final String RAW_LEAD_COLUMNS = "j.raw_json," + STORED + ", l.rowid, " + NOT_NULL_MASK;

    private static String notNullMask() {
        List<String> bits = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            bits.add(i == 0 ? "(" + NAMES.get(i) + " IS NOT NULL)" : "((" + NAMES.get(i) + " IS NOT NULL) << " + i + ")");
        }
        return String.join(" | ", bits);
    }

    /** Fallback column {@code i}: a Boolean for is_organic, a String otherwise (null when NULL). */
    abstract Object column(int i);

    /** Fallback column {@code i} (0-10) of the current row of a result whose fallback columns start at {@code first}. */
    static Object read(ResultSet rs, int first, int i) throws SQLException {
        if (i == ORGANIC) {
            int org = rs.getInt(first + i);
            return rs.wasNull() ? null : org != 0;
        }
        return rs.getString(first + i);
    }

    @Override
    public String id() {
        return (String) column(ID);
    }

    @Override
    public String createdRaw() {
        return (String) column(CREATED_RAW);
    }

    @Override
    public String formId() {
        return (String) column(FORM_ID);
    }

    @Override
    public String adId() {
        return (String) column(AD_ID);
    }

    @Override
    public String adName() {
        return (String) column(AD_NAME);
    }

    @Override
    public String adsetId() {
        return (String) column(ADSET_ID);
    }

    @Override
    public String adsetName() {
        return (String) column(ADSET_NAME);
    }

    @Override
    public String campaignId() {
        return (String) column(CAMPAIGN_ID);
    }

    @Override
    public String campaignName() {
        return (String) column(CAMPAIGN_NAME);
    }

    @Override
    public Boolean organic() {
        return (Boolean) column(ORGANIC);
    }

    @Override
    public String platform() {
        return (String) column(PLATFORM);
    }

    // ---- from stored data to StoredLead -----------------------------------------------------------

    /** The review status as stored (absent = new; one written by a newer LeadDesk that this build does not know = new). */
    static ReviewStatus status(String wire) {
        if (wire == null) {
            return ReviewStatus.NEW;
        }
        try {
            return ReviewStatus.parse(wire);
        } catch (IllegalArgumentException e) {
            return ReviewStatus.NEW;
        }
    }

    static StoredLead stored(Lead lead, String pageId, long firstSeen, long lastSeen, String status, String note) {
        return new StoredLead(lead, pageId, Instant.ofEpochMilli(firstSeen), Instant.ofEpochMilli(lastSeen),
                status(status), note);
    }

    /** An SQLException thrown through {@link LeadJson.Fallback}, whose methods cannot throw checked exceptions. */
    static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException e) {
            super(e);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
