package io.leaddesk.store;

import java.util.List;
import java.util.Set;

/**
 * Which cached leads to read. Every criterion is optional (null / empty = no restriction).
 *
 * @param pageIds          leads of these pages
 * @param formIds          leads of these forms
 * @param createdFrom      created_time at or after this (Unix seconds, inclusive)
 * @param createdUntil     created_time before this (Unix seconds, exclusive)
 * @param search           full-text search over answers, names, email, phone, campaign and ad names; each word matches as a prefix
 * @param platforms        e.g. "fb", "ig"
 * @param organic          true = organic only, false = paid only
 * @param statuses         review statuses
 * @param notExportedBefore only leads that never went into an export
 * @param sort             order; null = newest first
 * @param descending       direction of {@code sort}
 * @param newOnly          only new leads (not yet opened or marked seen; see {@link LeadStore#isNew})
 */
public record LeadQuery(
        Set<String> pageIds,
        Set<String> formIds,
        Long createdFrom,
        Long createdUntil,
        String search,
        Set<String> platforms,
        Boolean organic,
        Set<ReviewStatus> statuses,
        boolean notExportedBefore,
        LeadSort sort,
        boolean descending,
        boolean newOnly) {

    public LeadQuery {
        pageIds = pageIds == null ? Set.of() : Set.copyOf(pageIds);
        formIds = formIds == null ? Set.of() : Set.copyOf(formIds);
        platforms = platforms == null ? Set.of() : Set.copyOf(platforms);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        if (sort == null) {
            sort = LeadSort.CREATED;
            descending = true;
        }
    }

    public static LeadQuery all() {
        return new LeadQuery(null, null, null, null, null, null, null, null, false, LeadSort.CREATED, true, false);
    }

    public LeadQuery withForms(java.util.Collection<String> ids) {
        return new LeadQuery(pageIds, Set.copyOf(ids), createdFrom, createdUntil, search, platforms, organic, statuses, notExportedBefore, sort, descending, newOnly);
    }

    public LeadQuery withPages(java.util.Collection<String> ids) {
        return new LeadQuery(Set.copyOf(ids), formIds, createdFrom, createdUntil, search, platforms, organic, statuses, notExportedBefore, sort, descending, newOnly);
    }

    public LeadQuery withSearch(String text) {
        return new LeadQuery(pageIds, formIds, createdFrom, createdUntil, text, platforms, organic, statuses, notExportedBefore, sort, descending, newOnly);
    }

    public LeadQuery withCreated(Long from, Long until) {
        return new LeadQuery(pageIds, formIds, from, until, search, platforms, organic, statuses, notExportedBefore, sort, descending, newOnly);
    }

    public LeadQuery withPlatforms(java.util.Collection<String> p) {
        return new LeadQuery(pageIds, formIds, createdFrom, createdUntil, search, Set.copyOf(p), organic, statuses, notExportedBefore, sort, descending, newOnly);
    }

    public LeadQuery withOrganic(Boolean o) {
        return new LeadQuery(pageIds, formIds, createdFrom, createdUntil, search, platforms, o, statuses, notExportedBefore, sort, descending, newOnly);
    }

    public LeadQuery withStatuses(java.util.Collection<ReviewStatus> s) {
        return new LeadQuery(pageIds, formIds, createdFrom, createdUntil, search, platforms, organic, Set.copyOf(s), notExportedBefore, sort, descending, newOnly);
    }

    public LeadQuery withNotExportedBefore(boolean b) {
        return new LeadQuery(pageIds, formIds, createdFrom, createdUntil, search, platforms, organic, statuses, b, sort, descending, newOnly);
    }

    public LeadQuery sortedBy(LeadSort s, boolean desc) {
        return new LeadQuery(pageIds, formIds, createdFrom, createdUntil, search, platforms, organic, statuses, notExportedBefore, s, desc, newOnly);
    }

    public LeadQuery withNewOnly(boolean b) {
        return new LeadQuery(pageIds, formIds, createdFrom, createdUntil, search, platforms, organic, statuses, notExportedBefore, sort, descending, b);
    }

    public boolean hasSearch() {
        return search != null && !search.isBlank();
    }

    /** Convenience for tests and the CLI. */
    public static LeadQuery forms(List<String> ids) {
        return all().withForms(ids);
    }
}
