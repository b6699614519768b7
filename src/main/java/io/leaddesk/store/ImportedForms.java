package io.leaddesk.store;

import io.leaddesk.model.ContactFields;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Forms an import created from a file's columns ({@code import_forms}), and what happens when a sync brings Meta's own
 * definition of one: {@link FormsTable#upsertForms} replaces the placeholder questions like any form's, then the leads
 * the imports brought for it are fitted again to the real questions (multiple-choice cells split, checkbox columns
 * made disclaimer responses, name, email and phone found through the question types) and moved to the form's page, and
 * the form stops being a placeholder. Leads a sync served itself are not touched: Meta's data wins.
 */
final class ImportedForms {

    /** Imported leads fitted again per statement batch (bounded memory for a form of any size). */
    private static final int BATCH = 1000;

    private final Database db;

    ImportedForms(Database db) {
        this.db = db;
    }

    /** Ids of the forms whose questions are still an import's placeholders. */
    Set<String> provisionalFormIds() {
        return db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT form_id FROM import_forms ORDER BY form_id")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The form as the cache holds it, as an import writes leads against it; null when the cache lacks it. */
    static ImportFit stored(Connection c, String formId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT page_id, name, questions_json, disclaimer_json,"
                + " EXISTS(SELECT 1 FROM import_forms i WHERE i.form_id = f.id) FROM forms f WHERE f.id = ?")) {
            ps.setString(1, formId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                LeadForm form = new LeadForm(formId, rs.getString(1), rs.getString(2), null, null, null, 0, 0, 0,
                        LeadJson.questions(rs.getString(3)), LeadJson.disclaimer(rs.getString(4)), null, null);
                return new ImportFit(form, rs.getString(1), rs.getInt(5) != 0);
            }
        }
    }

    /**
     * After {@code forms} of {@code pageId} were stored as synced: the imported leads of those among them that were
     * placeholders are fitted to Meta's definitions. Costs one indexed lookup when no form is a placeholder.
     */
    void formsSynced(String pageId, List<LeadForm> forms) {
        if (forms.isEmpty()) {
            return;
        }
        List<String> ids = forms.stream().map(LeadForm::id).filter(Objects::nonNull).toList();
        Set<String> provisional = db.read(c -> {
            Set<String> out = new LinkedHashSet<>();
            Database.forEachAmong(c, "SELECT form_id FROM import_forms WHERE form_id IN ", ids,
                    rs -> out.add(rs.getString(1)));
            return out;
        });
        if (provisional.isEmpty()) {
            return;
        }
        for (LeadForm f : forms) {
            if (provisional.contains(f.id())) {
                String page = pageId != null ? pageId : f.pageId();
                db.write(c -> {
                    refit(c, new ImportFit(f, page, false));
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM import_forms WHERE form_id = ?")) {
                        ps.setString(1, f.id());
                        ps.executeUpdate();
                    }
                    return null;
                });
            }
        }
    }

    private record Refit(long rowId, Lead lead) {
    }

    private static void refit(Connection c, ImportFit fit) throws SQLException {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Refit> batch = new ArrayList<>(BATCH);
            try (PreparedStatement ps = c.prepareStatement("SELECT l.rowid, j.raw_json, l.created_time, "
                    + StoredColumns.LIST + " FROM leads l JOIN lead_imports i ON i.lead_id = l.id"
                    + " LEFT JOIN lead_json j ON j.rowid = l.rowid"
                    + " WHERE l.form_id = ? AND l.rowid > ? ORDER BY l.rowid LIMIT " + BATCH)) {
                ps.setString(1, fit.form.id());
                ps.setLong(2, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LeadJson.Columns cols = new LeadJson.Columns(rs.getString(4), rs.getString(5), rs.getLong(3),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                rs.getString(11), rs.getString(12), organic(rs, 13), rs.getString(14));
                        batch.add(new Refit(rs.getLong(1), LeadJson.parse(rs.getString(2), cols)));
                    }
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE leads SET page_id = ?, name = ?, email = ?, phone = ? WHERE rowid = ?");
                 PreparedStatement json = c.prepareStatement("UPDATE lead_json SET raw_json = ? WHERE rowid = ?");
                 PreparedStatement ftsDel = c.prepareStatement("DELETE FROM leads_fts WHERE rowid = ?");
                 PreparedStatement ftsAdd = c.prepareStatement("INSERT INTO leads_fts(rowid, body) VALUES (?,?)")) {
                for (Refit r : batch) {
                    Lead l = fit.fit(r.lead());
                    ContactFields who = fit.contact(l);
                    String name = who.displayName();
                    up.setString(1, fit.pageId);
                    up.setString(2, name);
                    up.setString(3, who.email());
                    up.setString(4, who.phone());
                    up.setLong(5, r.rowId());
                    up.addBatch();
                    if (l != r.lead()) {
                        json.setString(1, LeadJson.synthesize(l));
                        json.setLong(2, r.rowId());
                        json.addBatch();
                    }
                    ftsDel.setLong(1, r.rowId());
                    ftsDel.addBatch();
                    ftsAdd.setLong(1, r.rowId());
                    ftsAdd.setString(2, SearchText.of(l, name, who.email(), who.phone()));
                    ftsAdd.addBatch();
                }
                up.executeBatch();
                json.executeBatch();
                ftsDel.executeBatch();
                ftsAdd.executeBatch();
            }
            after = batch.get(batch.size() - 1).rowId();
        }
    }

    private static Boolean organic(ResultSet rs, int col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v != 0;
    }
}
