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
import java.util.Optional;
import java.util.Set;

/**
 * What an import of Meta's own lead download writes, and where an imported lead came from. A file's leads go in ONE
 * transaction: only leads the cache lacks are written (a lead it holds, synced from Meta or imported before, is left
 * exactly as it is, so Meta's data wins and a re-import changes nothing), leads forgotten on a person's request are
 * looked up in that same transaction and left out, and the forms the file names that the cache lacks are created from
 * the file's columns. The raw JSON is built in the Graph shape ({@link LeadJson#synthesize}); where the lead came from
 * goes into {@code lead_imports}, never into its JSON.
 */
final class ImportWrites {

    /** Leads looked up and inserted together, inside the one transaction. */
    static final int CHUNK = 500;

    private static final String INSERT_LEAD = """
            INSERT INTO leads(rowid, id, form_id, page_id, created_time, created_time_raw, ad_id, ad_name, adset_id,
                              adset_name, campaign_id, campaign_name, is_organic, platform, name, email, phone,
                              first_seen, last_seen)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""";

    private final Database db;

    ImportWrites(Database db) {
        this.db = db;
    }

    ImportOutcome write(ImportBatch batch) {
        Map<String, LeadForm> fromFile = new HashMap<>();
        for (LeadForm f : batch.formsFromFile()) {
            fromFile.put(f.id(), f);
        }
        return db.write(c -> {
            Run run = new Run(c, batch, fromFile);
            List<Lead> chunk = new ArrayList<>(CHUNK);
            while (batch.leads().hasNext()) {
                chunk.add(Objects.requireNonNull(batch.leads().next(), "lead"));
                if (chunk.size() == CHUNK) {
                    run.write(chunk);
                    chunk.clear();
                }
            }
            run.write(chunk);
            return run.finish();
        });
    }

    /** One file's write, inside its transaction. */
    private static final class Run {
        private final Connection c;
        private final ImportBatch batch;
        private final Map<String, LeadForm> fromFile;
        private final Map<String, ImportFit> fits = new HashMap<>();
        private final Map<String, Long> newByForm = new LinkedHashMap<>();
        private final List<String> created = new ArrayList<>();
        private final long at;
        private long nextRowId = -1;
        private Long importId;
        private long fresh, cached, forgotten;

        Run(Connection c, ImportBatch batch, Map<String, LeadForm> fromFile) {
            this.c = c;
            this.batch = batch;
            this.fromFile = fromFile;
            this.at = batch.at().toEpochMilli();
        }

        void write(List<Lead> chunk) throws SQLException {
            if (chunk.isEmpty()) {
                return;
            }
            Map<String, Lead> unique = new LinkedHashMap<>();
            for (Lead l : chunk) {
                if (unique.putIfAbsent(l.id(), l) != null) {
                    cached++; // the same lead twice: the first copy is the one written
                }
            }
            List<String> ids = new ArrayList<>(unique.keySet());
            Set<String> gone = forgottenAmong(c, ids);
            Set<String> present = new HashSet<>();
            Database.forEachAmong(c, "SELECT id FROM leads WHERE id IN ", ids, rs -> present.add(rs.getString(1)));
            try (PreparedStatement up = c.prepareStatement(INSERT_LEAD);
                 PreparedStatement json = c.prepareStatement("INSERT INTO lead_json(rowid, raw_json) VALUES (?,?)");
                 PreparedStatement fts = c.prepareStatement("INSERT INTO leads_fts(rowid, body) VALUES (?,?)");
                 PreparedStatement origin = c.prepareStatement(
                         "INSERT INTO lead_imports(lead_id, import_id) VALUES (?,?)")) {
                int n = 0;
                for (Lead raw : unique.values()) {
                    if (gone.contains(raw.id())) {
                        forgotten++; // deleted on the person's request: not brought back
                        continue;
                    }
                    if (present.contains(raw.id())) {
                        cached++;
                        continue;
                    }
                    ImportFit fit = fit(raw.formId());
                    Lead l = fit.fit(raw);
                    ContactFields who = fit.contact(l);
                    String name = who.displayName();
                    long rowId = nextRowId();
                    bind(up, rowId, l, fit.pageId, name, who.email(), who.phone(), at);
                    up.addBatch();
                    json.setLong(1, rowId);
                    json.setString(2, LeadJson.synthesize(l));
                    json.addBatch();
                    fts.setLong(1, rowId);
                    fts.setString(2, SearchText.of(l, name, who.email(), who.phone()));
                    fts.addBatch();
                    origin.setString(1, l.id());
                    origin.setLong(2, importId());
                    origin.addBatch();
                    newByForm.merge(l.formId(), 1L, Long::sum);
                    fresh++;
                    n++;
                }
                if (n > 0) {
                    up.executeBatch();
                    json.executeBatch();
                    fts.executeBatch();
                    origin.executeBatch();
                }
            }
        }

        private long nextRowId() throws SQLException {
            if (nextRowId < 0) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(rowid) FROM leads")) {
                    nextRowId = (rs.next() ? rs.getLong(1) : 0) + 1;
                }
            }
            return nextRowId++;
        }

        /** The import's row, written with its first new lead: an import that brings nothing new writes nothing. */
        private long importId() throws SQLException {
            if (importId == null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO imports(file_name, at, new_leads) VALUES (?,?,0)")) {
                    ps.setString(1, batch.fileName());
                    ps.setLong(2, at);
                    ps.executeUpdate();
                }
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
                    rs.next();
                    importId = rs.getLong(1);
                }
            }
            return importId;
        }

        /** The form a lead is written against: as the cache holds it, else created from the file's columns. */
        private ImportFit fit(String formId) throws SQLException {
            if (formId == null) {
                throw new IllegalArgumentException("an imported lead needs its form id");
            }
            ImportFit fit = fits.get(formId);
            if (fit != null) {
                return fit;
            }
            fit = ImportedForms.stored(c, formId);
            if (fit == null) {
                LeadForm f = fromFile.get(formId);
                if (f == null) {
                    throw new IllegalArgumentException("form " + formId + " is neither cached nor given by the file");
                }
                create(f);
                fit = new ImportFit(f, f.pageId(), true);
            }
            fits.put(formId, fit);
            return fit;
        }

        private void create(LeadForm f) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO forms(id, page_id, name, status, locale, created_time, questions_json, disclaimer_json,
                                      privacy_policy_url, raw_json, updated_at)
                    VALUES (?,?,?,?,?,?,?,?,?,NULL,?)""")) {
                ps.setString(1, f.id());
                ps.setString(2, f.pageId() == null ? "" : f.pageId());
                ps.setString(3, f.name() == null ? "" : f.name());
                ps.setString(4, f.status());
                ps.setString(5, f.locale());
                ps.setString(6, f.createdTime());
                ps.setString(7, LeadJson.questionsJson(f.questions()));
                ps.setString(8, LeadJson.disclaimerJson(f.disclaimer()));
                ps.setString(9, f.privacyPolicyUrl());
                ps.setLong(10, at);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO import_forms(form_id, import_id) VALUES (?,?)")) {
                ps.setString(1, f.id());
                ps.setLong(2, importId());
                ps.executeUpdate();
            }
            created.add(f.id());
        }

        ImportOutcome finish() throws SQLException {
            if (importId != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE imports SET new_leads = ? WHERE id = ?")) {
                    ps.setLong(1, fresh);
                    ps.setLong(2, importId);
                    ps.executeUpdate();
                }
            }
            return new ImportOutcome(importId, fresh, cached, forgotten, newByForm, created);
        }
    }

    private static void bind(PreparedStatement ps, long rowId, Lead l, String pageId, String name, String email,
                             String phone, long seen) throws SQLException {
        ps.setLong(1, rowId);
        ps.setString(2, l.id());
        ps.setString(3, l.formId());
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

    /** The ids among {@code ids} forgotten on a person's request; one cheap lookup when nothing ever was. */
    static Set<String> forgottenAmong(Connection c, Collection<String> ids) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT EXISTS(SELECT 1 FROM forgotten)")) {
            if (!rs.next() || rs.getInt(1) == 0) {
                return Set.of();
            }
        }
        Set<String> out = new HashSet<>();
        Database.forEachAmong(c, "SELECT lead_id FROM forgotten WHERE lead_id IN ", ids, rs -> out.add(rs.getString(1)));
        return out;
    }

    // ---- reads -----------------------------------------------------------------------------------

    ImportCheck check(Collection<String> leadIds) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(leadIds));
        if (ids.isEmpty()) {
            return new ImportCheck(Set.of(), Set.of());
        }
        return db.read(c -> {
            Set<String> cachedIds = new HashSet<>();
            Database.forEachAmong(c, "SELECT id FROM leads WHERE id IN ", ids, rs -> cachedIds.add(rs.getString(1)));
            return new ImportCheck(cachedIds, forgottenAmong(c, ids));
        });
    }

    Optional<ImportOrigin> origin(String leadId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT i.id, i.file_name, i.at FROM lead_imports li"
                    + " JOIN imports i ON i.id = li.import_id WHERE li.lead_id = ?")) {
                ps.setString(1, leadId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new ImportOrigin(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))))
                            : Optional.<ImportOrigin>empty();
                }
            }
        });
    }

    List<ImportRecord> history() {
        return db.read(c -> {
            List<ImportRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, file_name, at, new_leads FROM imports ORDER BY at DESC, id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ImportRecord(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getLong(4)));
                }
            }
            return out;
        });
    }
}
