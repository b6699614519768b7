package io.leaddesk.store;

import io.leaddesk.model.ContactFields;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** What a sync writes: one result page of leads per transaction, and the form's watermark once its pull completed. */
final class LeadWrites {

    private static final String UPSERT_LEAD = """
            INSERT INTO leads(rowid, id, form_id, page_id, created_time, created_time_raw, ad_id, ad_name, adset_id,
                              adset_name, campaign_id, campaign_name, is_organic, platform, name, email, phone,
                              first_seen, last_seen)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(id) DO UPDATE SET
                form_id = excluded.form_id, page_id = excluded.page_id, created_time = excluded.created_time,
                created_time_raw = excluded.created_time_raw, ad_id = excluded.ad_id, ad_name = excluded.ad_name,
                adset_id = excluded.adset_id, adset_name = excluded.adset_name, campaign_id = excluded.campaign_id,
                campaign_name = excluded.campaign_name, is_organic = excluded.is_organic,
                platform = excluded.platform, name = excluded.name, email = excluded.email, phone = excluded.phone,
                last_seen = excluded.last_seen""";
    private static final String UPSERT_JSON = """
            INSERT INTO lead_json(rowid, raw_json) VALUES (?,?)
            ON CONFLICT(rowid) DO UPDATE SET raw_json = excluded.raw_json""";

    private final Database db;
    private final GroupCommit<Prepared> commits;

    LeadWrites(Database db) {
        this.db = db;
        this.commits = new GroupCommit<>(db, LeadWrites::writePage);
    }

    /** The columns of a stored lead compared to decide whether a resync changed it. */
    private record Existing(long rowId, String formId, String pageId, String name, String email, String phone,
                            String raw) {
    }

    /**
     * Upserts one result page of leads of {@code form}, whole, in one transaction (which pages other threads hand in at
     * the same moment may share, see {@link GroupCommit}); returns once it is committed. Leads forgotten on a person's
     * request (by this process or any other, up to the moment the page is written) are left out.
     *
     * @return how many of these leads were new to the cache
     */
    int upsertLeads(String pageId, LeadForm form, List<Lead> leads, Instant seenAt) {
        return upsertLeads(pageId, form, leads, seenAt, null);
    }

    /** The same, and in the same transaction the sync's progress through the range the page came from. */
    int upsertLeads(String pageId, LeadForm form, List<Lead> leads, Instant seenAt, SyncState.Progress progress) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(seenAt, "seenAt");
        if (leads.isEmpty() && progress == null) {
            return 0;
        }
        String page = pageId != null ? pageId : form.pageId();
        // the same lead twice in one page: the last copy wins
        Map<String, Lead> unique = new LinkedHashMap<>();
        for (Lead l : leads) {
            unique.put(l.id(), l);
        }
        // Everything that needs no database is worked out before the page is queued for its transaction, so that the
        // forms being synced concurrently prepare their pages in parallel and the writer does only SQLite's own work.
        List<Row> rows = new ArrayList<>(unique.size());
        for (Lead l : unique.values()) {
            rows.add(Row.of(l, form, page));
        }
        return commits.commit(new Prepared(rows, new ArrayList<>(unique.keySet()), seenAt.toEpochMilli(), progress));
    }

    /** One result page ready to be written: its rows, their ids, when it was seen, and the slice's progress. */
    private record Prepared(List<Row> rows, List<String> ids, long seen, SyncState.Progress progress) {
    }

    /** Writes one prepared page in the open transaction {@code c}; returns how many of its leads were new. */
    private static int writePage(Connection c, Prepared p) throws SQLException {
        if (p.rows().isEmpty()) {
            SyncState.writeProgress(c, p.progress());
            return 0;
        }
        List<Row> rows = p.rows();
        long seen = p.seen();
        // read in this transaction, so a forget committed by another process a moment ago counts (the table is
        // small and indexed; an empty one costs one lookup per page)
        Set<String> forgotten = forgottenAmong(c, p.ids());
        Map<String, Existing> existing = existing(c, p.ids());
        long nextRowId;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(rowid) FROM leads")) {
            nextRowId = (rs.next() ? rs.getLong(1) : 0) + 1;
        }
        int fresh = 0;
        try (PreparedStatement up = c.prepareStatement(UPSERT_LEAD);
             PreparedStatement json = c.prepareStatement(UPSERT_JSON);
             PreparedStatement touch = c.prepareStatement("UPDATE leads SET last_seen = ? WHERE rowid = ?");
             PreparedStatement ftsDel = c.prepareStatement("DELETE FROM leads_fts WHERE rowid = ?");
             PreparedStatement ftsAdd = c.prepareStatement("INSERT INTO leads_fts(rowid, body) VALUES (?,?)")) {
            int ups = 0, touches = 0, dels = 0;
            for (Row r : rows) {
                if (!forgotten.isEmpty() && forgotten.contains(r.lead().id())) {
                    continue; // deleted on the person's request: not stored again
                }
                Existing old = existing.get(r.lead().id());
                if (old != null && r.sameAs(old)) {
                    touch.setLong(1, seen);
                    touch.setLong(2, old.rowId());
                    touch.addBatch();
                    touches++;
                    continue;
                }
                long rowId;
                if (old == null) {
                    rowId = nextRowId++;
                    fresh++;
                } else {
                    rowId = old.rowId();
                    ftsDel.setLong(1, rowId);
                    ftsDel.addBatch();
                    dels++;
                }
                bindLead(up, rowId, r.lead(), r.formId(), r.pageId(), r.name(), r.email(), r.phone(), seen);
                up.addBatch();
                json.setLong(1, rowId);
                json.setString(2, r.raw());
                json.addBatch();
                ups++;
                ftsAdd.setLong(1, rowId);
                ftsAdd.setString(2, r.searchText());
                ftsAdd.addBatch();
            }
            if (ups > 0) {
                up.executeBatch();
                json.executeBatch();
            }
            if (touches > 0) {
                touch.executeBatch();
            }
            if (dels > 0) {
                ftsDel.executeBatch();
            }
            if (ups > 0) {
                ftsAdd.executeBatch();
            }
        }
        SyncState.writeProgress(c, p.progress());
        return fresh;
    }

    /** A lead with the derived columns it is stored with, worked out before the write transaction. */
    private record Row(Lead lead, String formId, String pageId, String name, String email, String phone, String raw,
                       String searchText) {

        static Row of(Lead l, LeadForm form, String page) {
            ContactFields who = ContactFields.of(form.questions(), l.fieldData());
            String name = who.displayName();
            String email = who.email();
            String phone = who.phone();
            String raw = l.rawJson() != null ? l.rawJson() : LeadJson.synthesize(l);
            String formId = l.formId() != null ? l.formId() : form.id();
            return new Row(l, formId, page, name, email, phone, raw, SearchText.of(l, name, email, phone));
        }

        /** True when a resync brought nothing new for this lead: only last_seen moves. */
        boolean sameAs(Existing old) {
            return Objects.equals(old.raw(), raw) && old.name().equals(name) && old.email().equals(email)
                    && old.phone().equals(phone) && old.formId().equals(formId) && Objects.equals(old.pageId(), pageId);
        }
    }

    /** The ids among {@code ids} that were forgotten; one cheap lookup when nothing ever was. */
    private static Set<String> forgottenAmong(Connection c, Collection<String> ids) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT EXISTS(SELECT 1 FROM forgotten)")) {
            if (!rs.next() || rs.getInt(1) == 0) {
                return Set.of();
            }
        }
        Set<String> out = new HashSet<>();
        Database.forEachAmong(c, "SELECT lead_id FROM forgotten WHERE lead_id IN ", ids, rs -> out.add(rs.getString(1)));
        return out;
    }

    private static Map<String, Existing> existing(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Existing> out = new HashMap<>();
        Database.forEachAmong(c, "SELECT l.rowid, l.id, l.form_id, l.page_id, l.name, l.email, l.phone, j.raw_json"
                + " FROM leads l LEFT JOIN lead_json j ON j.rowid = l.rowid WHERE l.id IN ", ids,
                rs -> out.put(rs.getString(2), new Existing(rs.getLong(1), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))));
        return out;
    }

    /** Binds a lead's row of {@code leads} (the 19 columns of UPSERT_LEAD, and of ImportWrites' insert). */
    static void bindLead(PreparedStatement ps, long rowId, Lead l, String formId, String pageId, String name,
                         String email, String phone, long seen) throws SQLException {
        ps.setLong(1, rowId);
        ps.setString(2, l.id());
        ps.setString(3, formId);
        ps.setString(4, pageId);
        ps.setLong(5, l.createdEpochSecond());
        ps.setString(6, l.createdTime());
        ps.setString(7, l.adId());
        ps.setString(8, l.adName());
        ps.setString(9, l.adsetId());
        ps.setString(10, l.adsetName());
        ps.setString(11, l.campaignId());
        ps.setString(12, l.campaignName());
        if (l.isOrganic() == null) {
            ps.setNull(13, Types.INTEGER);
        } else {
            ps.setInt(13, l.isOrganic() ? 1 : 0);
        }
        ps.setString(14, l.platform());
        ps.setString(15, name);
        ps.setString(16, email);
        ps.setString(17, phone);
        ps.setLong(18, seen);
        ps.setLong(19, seen);
    }

    /** Records that a pull of {@code formId} completed: its new watermark (Unix seconds, may be null if no leads) and when. */
    void markFormSynced(String formId, Long watermark, Instant at) {
        Objects.requireNonNull(at, "at");
        int n = db.write(c -> markSynced(c, formId, watermark, at));
        if (n == 0) {
            throw unknownForm(formId);
        }
    }

    /** In a transaction: the form's last sync and watermark (kept when null); how many forms matched. */
    static int markSynced(Connection c, String formId, Long watermark, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE forms SET last_synced = ?, watermark = coalesce(?, watermark) WHERE id = ?")) {
            ps.setLong(1, at.toEpochMilli());
            if (watermark == null) {
                ps.setNull(2, Types.INTEGER);
            } else {
                ps.setLong(2, watermark);
            }
            ps.setString(3, formId);
            return ps.executeUpdate();
        }
    }

    static StoreException unknownForm(String formId) {
        return new StoreException("The form " + formId + " is not in the lead cache yet; store the form before"
                + " marking it synced.");
    }
}
