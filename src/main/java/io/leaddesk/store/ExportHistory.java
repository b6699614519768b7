package io.leaddesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Which leads went into which export file, and when (the "not exported before" filter and a lead's history). */
final class ExportHistory {

    private static final int EXPORT_CHUNK = 1000;

    private final Database db;

    ExportHistory(Database db) {
        this.db = db;
    }

    /**
     * Records that these leads went into {@code file}; returns the export id. One transaction.
     * The ids are read straight from {@code leadIds} (no copy: a million ids would cost ~100 MB of heap);
     * duplicates and nulls are skipped and the export counts each distinct lead once.
     */
    long recordExport(String file, String profile, Instant at, Collection<String> leadIds) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leadIds, "leadIds");
        return db.write(c -> {
            long exportId;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO exports(at, file, profile, lead_count) VALUES (?,?,?,0)")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, file);
                ps.setString(3, profile);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                exportId = rs.getLong(1);
            }
            // INSERT OR IGNORE: a duplicate id inserts nothing, so the changes add up to the distinct ids. The ids go
            // in as JSON arrays of EXPORT_CHUNK ids (one bound value per chunk instead of one per id: a third less
            // time for a million ids); an id with a control character (never seen in Graph ids) goes in on its own
            long distinct = 0;
            StringBuilder json = new StringBuilder(EXPORT_CHUNK * 20);
            int n = 0;
            try (PreparedStatement chunk = c.prepareStatement("INSERT OR IGNORE INTO export_leads(export_id, lead_id)"
                    + " SELECT ?, value FROM json_each(?)");
                 PreparedStatement one = c.prepareStatement("INSERT OR IGNORE INTO export_leads(export_id, lead_id) VALUES (?,?)")) {
                chunk.setLong(1, exportId);
                one.setLong(1, exportId);
                for (String id : leadIds) {
                    if (id == null) {
                        continue;
                    }
                    if (!appendJsonString(json.append(n == 0 ? '[' : ','), id)) {
                        json.setLength(json.length() - 1);
                        one.setString(2, id);
                        distinct += one.executeUpdate();
                        continue;
                    }
                    if (++n == EXPORT_CHUNK) {
                        distinct += insertLinks(chunk, json);
                        n = 0;
                    }
                }
                if (n > 0) {
                    distinct += insertLinks(chunk, json);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE exports SET lead_count = ? WHERE id = ?")) {
                ps.setLong(1, distinct);
                ps.setLong(2, exportId);
                ps.executeUpdate();
            }
            return exportId;
        });
    }

    /** Inserts the ids of the JSON array being built in {@code json} (closes it, then empties it). */
    private static int insertLinks(PreparedStatement ps, StringBuilder json) throws SQLException {
        ps.setString(2, json.append(']').toString());
        json.setLength(0);
        return ps.executeUpdate();
    }

    /** Appends {@code id} as a JSON string; false (and nothing appended) when it has a control character. */
    private static boolean appendJsonString(StringBuilder json, String id) {
        int mark = json.length();
        json.append('"');
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch < 0x20) {
                json.setLength(mark);
                return false;
            }
            if (ch == '"' || ch == '\\') {
                json.append('\\');
            }
            json.append(ch);
        }
        json.append('"');
        return true;
    }

    /** Exports a lead went into, newest first. */
    List<ExportRecord> exportsOf(String leadId) {
        return db.read(c -> {
            List<ExportRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT e.id, e.at, e.file, e.profile, e.lead_count
                    FROM exports e JOIN export_leads x ON x.export_id = e.id
                    WHERE x.lead_id = ? ORDER BY e.at DESC, e.id DESC""")) {
                ps.setString(1, leadId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ExportRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getLong(5)));
                    }
                }
            }
            return out;
        });
    }
}
