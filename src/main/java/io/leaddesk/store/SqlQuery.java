package io.leaddesk.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Turns a {@link LeadQuery} into SQL: the FROM/WHERE part with its parameters, and the ORDER BY. */
final class SqlQuery {

    final String fromWhere;
    final String orderBy;
    final List<Object> params;
    /** A full-text search in created-time order: cheaper to sort (created_time, rowid) pairs in Java. */
    final boolean sortMatchesByCreated;
    final boolean descending;

    private SqlQuery(String fromWhere, String orderBy, List<Object> params, boolean sortMatchesByCreated,
                     boolean descending) {
        this.fromWhere = fromWhere;
        this.orderBy = orderBy;
        this.params = params;
        this.sortMatchesByCreated = sortMatchesByCreated;
        this.descending = descending;
    }

    /**
     * @param needReview join reviews even when the query itself does not need it (to read the status column)
     */
    static SqlQuery of(LeadQuery q, boolean needReview) {
        return of(q, needReview, false);
    }

    /**
     * @param joinRawJson also LEFT JOIN the lead's raw JSON as {@code j} (cheaper per row than a correlated subquery;
     *                    LEFT so that a lead whose JSON row is missing still comes, with NULL)
     */
    static SqlQuery of(LeadQuery q, boolean needReview, boolean joinRawJson) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!q.pageIds().isEmpty()) {
            where.add("l.page_id IN (" + marks(q.pageIds().size()) + ")");
            params.addAll(q.pageIds());
        }
        if (!q.formIds().isEmpty()) {
            where.add("l.form_id IN (" + marks(q.formIds().size()) + ")");
            params.addAll(q.formIds());
        }
        if (q.createdFrom() != null) {
            where.add("l.created_time >= ?");
            params.add(q.createdFrom());
        }
        if (q.createdUntil() != null) {
            where.add("l.created_time < ?");
            params.add(q.createdUntil());
        }
        String match = SearchText.toMatch(q.search());
        if (match != null) {
            // the full-text index drives: its matching rowids look their lead up directly (no IN-list, no bloom)
            where.add("leads_fts MATCH ?");
            params.add(match);
        }
        if (!q.platforms().isEmpty()) {
            where.add("l.platform IN (" + marks(q.platforms().size()) + ")");
            params.addAll(q.platforms());
        }
        if (q.organic() != null) {
            where.add(q.organic() ? "l.is_organic = 1" : "coalesce(l.is_organic, 0) = 0");
        }
        boolean join = needReview || q.sort() == LeadSort.STATUS;
        if (!q.statuses().isEmpty()) {
            join = true;
            where.add("coalesce(r.status, 'new') IN (" + marks(q.statuses().size()) + ")");
            for (ReviewStatus s : q.statuses()) {
                params.add(s.wireName());
            }
        }
        if (q.notExportedBefore()) {
            where.add("NOT EXISTS (SELECT 1 FROM export_leads x WHERE x.lead_id = l.id)");
        }
        if (q.newOnly()) {
            where.add(SeenState.isNewCondition());
        }
        StringBuilder sql = new StringBuilder(match != null
                ? " FROM leads_fts JOIN leads l ON l.rowid = leads_fts.rowid" : " FROM leads l");
        if (join) {
            sql.append(" LEFT JOIN reviews r ON r.lead_id = l.id");
        }
        if (joinRawJson) {
            sql.append(" LEFT JOIN lead_json j ON j.rowid = l.rowid");
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        String dir = q.descending() ? " DESC" : " ASC";
        String key = switch (q.sort()) {
            case CREATED -> "l.created_time";
            case NAME -> "l.name";
            case EMAIL -> "l.email";
            case PHONE -> "l.phone";
            case PLATFORM -> "l.platform";
            case ORGANIC -> "l.is_organic";
            case CAMPAIGN -> "l.campaign_name";
            case STATUS -> "CASE coalesce(r.status, 'new') WHEN 'new' THEN 0 WHEN 'contacted' THEN 1"
                    + " WHEN 'qualified' THEN 2 WHEN 'not_interested' THEN 3 WHEN 'spam' THEN 4 ELSE 5 END";
            case FORM -> "(SELECT f.name FROM forms f WHERE f.id = l.form_id) COLLATE NOCASE" + dir + ", l.form_id";
        };
        return new SqlQuery(sql.toString(), " ORDER BY " + key + dir + ", l.rowid" + dir, params,
                match != null && q.sort() == LeadSort.CREATED, q.descending());
    }

    static String marks(int n) {
        StringBuilder sb = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ",?");
        }
        return sb.toString();
    }

    static List<Object> list(Collection<?> c) {
        return new ArrayList<>(c);
    }
}
