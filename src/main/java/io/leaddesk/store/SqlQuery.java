package io.leaddesk.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns a {@link LeadQuery} into SQL: the FROM/WHERE part with its parameters, and the ORDER BY.
 *
 * <p>Sort orders that no index walks are also given as a small integer {@link #bucketKey} (review status, organic,
 * form): the row ids of the table are then bucketed in Java ({@link LeadQueries}), which on a million leads takes a
 * fraction of SQLite's sorter time. The ORDER BY stays the reference: both give exactly the same order.
 */
final class SqlQuery {

    final String fromWhere;
    final String orderBy;
    final List<Object> params;
    /** A full-text search in created-time order: cheaper to sort (created_time, rowid) pairs in Java. */
    final boolean sortMatchesByCreated;
    final boolean descending;
    /**
     * An SQL expression giving each row a small non-negative integer in sort order (ties broken by rowid), or null
     * when the ORDER BY (an index walk) is the way; {@link #FORM_BUCKET}: the rowid of the lead's form (0 = unknown),
     * ranked by the forms' names.
     */
    final String bucketKey;

    static final String FORM_BUCKET = "coalesce((SELECT f.rowid FROM forms f WHERE f.id = l.form_id), 0)";
    /** The review statuses in the order the table sorts them (no review = new). */
    static final String STATUS_RANK = "CASE coalesce(r.status, 'new') WHEN 'new' THEN 0 WHEN 'contacted' THEN 1"
            + " WHEN 'qualified' THEN 2 WHEN 'not_interested' THEN 3 WHEN 'spam' THEN 4 ELSE 5 END";
    /** No answer first, then paid, then organic (SQLite sorts NULL first). */
    static final String ORGANIC_RANK = "CASE WHEN l.is_organic IS NULL THEN 0 WHEN l.is_organic = 0 THEN 1 ELSE 2 END";

    private SqlQuery(String fromWhere, String orderBy, List<Object> params, boolean sortMatchesByCreated,
                     boolean descending, String bucketKey) {
        this.fromWhere = fromWhere;
        this.orderBy = orderBy;
        this.params = params;
        this.sortMatchesByCreated = sortMatchesByCreated;
        this.descending = descending;
        this.bucketKey = bucketKey;
    }

    /**
     * @param needReview join reviews even when the query itself does not need it (to read the status column)
     */
    static SqlQuery of(LeadQuery q, boolean needReview) {
        return of(q, needReview, false, null);
    }

    static SqlQuery of(LeadQuery q, boolean needReview, boolean joinRawJson) {
        return of(q, needReview, joinRawJson, null);
    }

    /**
     * @param joinRawJson also LEFT JOIN the lead's raw JSON as {@code j} (cheaper per row than a correlated subquery;
     *                    LEFT so that a lead whose JSON row is missing still comes, with NULL)
     * @param noteMatches the row ids (a JSON array) of the leads whose review note matches the search, or null when
     *                    none does: the search then also finds those leads
     */
    static SqlQuery of(LeadQuery q, boolean needReview, boolean joinRawJson, String noteMatches) {
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
        boolean ftsDrives = match != null && noteMatches == null;
        if (ftsDrives) {
            // the full-text index drives: its matching rowids look their lead up directly (no IN-list, no bloom)
            where.add("leads_fts MATCH ?");
            params.add(match);
        } else if (match != null) {
            // some review notes match too (notes are the agency's own words, not in the full-text index)
            where.add("(l.rowid IN (SELECT rowid FROM leads_fts WHERE leads_fts MATCH ?)"
                    + " OR l.rowid IN (SELECT value FROM json_each(?)))");
            params.add(match);
            params.add(noteMatches);
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
        StringBuilder sql = new StringBuilder(ftsDrives
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
            case ORGANIC -> ORGANIC_RANK;
            case CAMPAIGN -> "l.campaign_name";
            case STATUS -> STATUS_RANK;
            // leads whose form is not cached (no name) come first, in rowid order, as the bucketed sort has them
            case FORM -> "(SELECT f.name FROM forms f WHERE f.id = l.form_id) COLLATE NOCASE" + dir
                    + ", (SELECT f.id FROM forms f WHERE f.id = l.form_id)";
        };
        String bucket = switch (q.sort()) {
            case STATUS -> STATUS_RANK;
            case ORGANIC -> ORGANIC_RANK;
            case FORM -> FORM_BUCKET;
            default -> null;
        };
        return new SqlQuery(sql.toString(), " ORDER BY " + key + dir + ", l.rowid" + dir, params,
                match != null && q.sort() == LeadSort.CREATED, q.descending(), bucket);
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
