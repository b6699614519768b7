package io.leaddesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which leads are new: a lead is new from the moment a sync stores it until it is shown in the detail pane or marked
 * seen. Kept in its own table {@code unseen_leads} (rowid = leads.rowid, nothing else), which holds only the new
 * leads, so it stays small and counting it is cheap; the lead JSON and the leads table are untouched, so
 * {@code leads --json} and exports do not change.
 *
 * <p>The cache's triggers keep the table: a lead inserted by a sync becomes new, a resync of a lead already cached
 * (an upsert that updates) does not, a deleted or forgotten lead leaves it. What counts as new on insert:
 * <ul>
 *   <li>a lead of a form that had completed a pull before (its {@code last_synced} is set), or</li>
 *   <li>a lead created after the first pull of this cache completed (a new form, a new Page).</li>
 * </ul>
 * So the backlog a first sync brings (a new workspace, a newly signed-in Page) is not flagged, and nobody is flooded
 * with thousands of "new" leads they never missed; neither are the leads already in a cache when schema 4 arrives.
 */
final class SeenState {

    /** Schema 4: the table, an index for the trigger's "first pull" test, and the triggers. */
    static final List<String> SCHEMA = List.of(
            "CREATE TABLE unseen_leads(rowid INTEGER PRIMARY KEY)",
            "CREATE INDEX forms_last_synced ON forms(last_synced)",
            """
            CREATE TRIGGER leads_new_on_insert AFTER INSERT ON leads
            WHEN EXISTS (SELECT 1 FROM forms f WHERE f.id = NEW.form_id AND f.last_synced IS NOT NULL)
              OR NEW.created_time * 1000 > (SELECT min(last_synced) FROM forms)
            BEGIN
                INSERT OR IGNORE INTO unseen_leads(rowid) VALUES (NEW.rowid);
            END""",
            """
            CREATE TRIGGER leads_new_on_delete AFTER DELETE ON leads
            BEGIN
                DELETE FROM unseen_leads WHERE rowid = OLD.rowid;
            END""");

    private final Database db;

    SeenState(Database db) {
        this.db = db;
    }

    boolean markSeen(String leadId) {
        Objects.requireNonNull(leadId, "leadId");
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM unseen_leads WHERE rowid = (SELECT rowid FROM leads WHERE id = ?)")) {
                ps.setString(1, leadId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    int markFormSeen(String formId) {
        Objects.requireNonNull(formId, "formId");
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM unseen_leads WHERE rowid IN (SELECT rowid FROM leads WHERE form_id = ?)")) {
                ps.setString(1, formId);
                return ps.executeUpdate();
            }
        });
    }

    int markAllSeen() {
        return db.write(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate("DELETE FROM unseen_leads");
            }
        });
    }

    boolean isNew(String leadId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS(SELECT 1 FROM unseen_leads u"
                    + " JOIN leads l ON l.rowid = u.rowid WHERE l.id = ?)")) {
                ps.setString(1, leadId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) != 0;
                }
            }
        });
    }

    Map<String, Long> newCountsByForm() {
        return db.read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT l.form_id, count(*) FROM unseen_leads u"
                    + " JOIN leads l ON l.rowid = u.rowid GROUP BY l.form_id ORDER BY l.form_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    long newTotal() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM unseen_leads");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    Set<String> newLeadIds() {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT l.id FROM unseen_leads u JOIN leads l ON l.rowid = u.rowid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    long newestRowId() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(rowid), 0) FROM leads");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The new leads stored after {@code rowId}, counted per form, with the newest {@code keep} of them as rows. */
    Arrivals arrivalsAfter(long rowId, int keep) {
        return db.read(c -> {
            Map<String, Long> byForm = new LinkedHashMap<>();
            long total = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT l.form_id, count(*) FROM unseen_leads u"
                    + " JOIN leads l ON l.rowid = u.rowid WHERE u.rowid > ? GROUP BY l.form_id"
                    + " ORDER BY count(*) DESC, l.form_id")) {
                ps.setLong(1, rowId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byForm.put(rs.getString(1), rs.getLong(2));
                        total += rs.getLong(2);
                    }
                }
            }
            List<Long> rowIds = new ArrayList<>();
            if (keep > 0 && total > 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT rowid FROM unseen_leads WHERE rowid > ? ORDER BY rowid DESC LIMIT ?")) {
                    ps.setLong(1, rowId);
                    ps.setInt(2, keep);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rowIds.add(rs.getLong(1));
                        }
                    }
                }
            }
            return new Arrivals(rowId, total, byForm, rowIds);
        });
    }

    /** The SQL condition "lead {@code l} is new", for {@link SqlQuery}. */
    static String isNewCondition() {
        return "l.rowid IN (SELECT rowid FROM unseen_leads)";
    }
}
