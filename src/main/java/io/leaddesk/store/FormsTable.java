package io.leaddesk.store;

import io.leaddesk.graph.PageInfo;
import io.leaddesk.model.CustomDisclaimer;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Pages and forms as synced, with the counts the lists show. */
final class FormsTable {

    private static final String FORM_COLUMNS = "f.id, f.page_id, f.name, f.status, f.locale, f.created_time,"
            + " f.leads_count, f.organic_leads_count, f.expired_leads_count, f.questions_json, f.disclaimer_json,"
            + " f.privacy_policy_url, f.raw_json, f.last_synced, f.watermark,"
            + " (SELECT count(*) FROM leads l WHERE l.form_id = f.id)";

    private final Database db;

    FormsTable(Database db) {
        this.db = db;
    }

    void upsertPage(PageInfo page) {
        Objects.requireNonNull(page, "page");
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO pages(id, name, updated_at) VALUES (?,?,?)
                    ON CONFLICT(id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at""")) {
                ps.setString(1, page.id());
                ps.setString(2, page.name() == null ? "" : page.name());
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    void upsertForms(String pageId, List<LeadForm> forms) {
        if (forms.isEmpty()) {
            return;
        }
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO forms(id, page_id, name, status, locale, created_time, leads_count, organic_leads_count,
                                      expired_leads_count, questions_json, disclaimer_json, privacy_policy_url,
                                      raw_json, updated_at)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                    ON CONFLICT(id) DO UPDATE SET
                        page_id = excluded.page_id, name = excluded.name, status = excluded.status,
                        locale = excluded.locale, created_time = excluded.created_time,
                        leads_count = excluded.leads_count, organic_leads_count = excluded.organic_leads_count,
                        expired_leads_count = excluded.expired_leads_count, questions_json = excluded.questions_json,
                        disclaimer_json = excluded.disclaimer_json, privacy_policy_url = excluded.privacy_policy_url,
                        raw_json = excluded.raw_json, updated_at = excluded.updated_at""")) {
                long now = System.currentTimeMillis();
                for (LeadForm f : forms) {
                    bindForm(ps, f, pageId, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void bindForm(PreparedStatement ps, LeadForm f, String pageId, long now) throws SQLException {
        ps.setString(1, f.id());
        ps.setString(2, pageId != null ? pageId : f.pageId());
        ps.setString(3, f.name() == null ? "" : f.name());
        ps.setString(4, f.status());
        ps.setString(5, f.locale());
        ps.setString(6, f.createdTime());
        ps.setLong(7, f.leadsCount());
        ps.setLong(8, f.organicLeadsCount());
        ps.setLong(9, f.expiredLeadsCount());
        ps.setString(10, LeadJson.questionsJson(f.questions()));
        ps.setString(11, LeadJson.disclaimerJson(f.disclaimer()));
        ps.setString(12, f.privacyPolicyUrl());
        ps.setString(13, f.rawJson());
        ps.setLong(14, now);
    }

    List<StoredPage> pages() {
        return db.read(c -> {
            List<StoredPage> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.id, p.name,
                           (SELECT count(*) FROM leads l WHERE l.page_id = p.id),
                           (SELECT max(f.last_synced) FROM forms f WHERE f.page_id = p.id)
                    FROM pages p ORDER BY p.name COLLATE NOCASE, p.id""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredPage(rs.getString(1), rs.getString(2), rs.getLong(3), Database.instant(rs, 4)));
                }
            }
            return out;
        });
    }

    List<StoredForm> forms(Collection<String> pageIds) {
        List<Object> params = pageIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(pageIds));
        String where = params.isEmpty() ? "" : " WHERE f.page_id IN (" + SqlQuery.marks(params.size()) + ")";
        return db.read(c -> {
            List<StoredForm> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FORM_COLUMNS
                    + " FROM forms f LEFT JOIN pages p ON p.id = f.page_id" + where
                    + " ORDER BY p.name COLLATE NOCASE, f.page_id, f.name COLLATE NOCASE, f.id")) {
                Database.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(storedForm(rs));
                    }
                }
            }
            return out;
        });
    }

    Optional<StoredForm> form(String formId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FORM_COLUMNS + " FROM forms f WHERE f.id = ?")) {
                ps.setString(1, formId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(storedForm(rs)) : Optional.<StoredForm>empty();
                }
            }
        });
    }

    private StoredForm storedForm(ResultSet rs) throws SQLException {
        List<Question> questions;
        CustomDisclaimer disclaimer;
        try {
            questions = LeadJson.questions(rs.getString(10));
            disclaimer = LeadJson.disclaimer(rs.getString(11));
        } catch (RuntimeException e) { // stored JSON the reader cannot take: the row is damaged, not the caller
            throw StoreErrors.damaged(db.file, "a stored form cannot be read", e);
        }
        LeadForm form = new LeadForm(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), questions, disclaimer,
                rs.getString(12), rs.getString(13));
        long wm = rs.getLong(15);
        Long watermark = rs.wasNull() ? null : wm;
        return new StoredForm(form, rs.getLong(16), Database.instant(rs, 14), watermark);
    }

    /** How many leads of each form the cache holds (forms without leads are absent). */
    Map<String, Long> cachedCountsByForm() {
        return db.read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT form_id, count(*) FROM leads GROUP BY form_id ORDER BY form_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    long totalLeads() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM leads");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }
}
