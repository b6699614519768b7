package io.leaddesk.ui.leads;

import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.ReviewStatus;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The leads table's search and filters as a store query, and how many filters are set (the Filters button's badge). */
final class TableQuery {
    private TableQuery() {
    }

    /** {@code scope} (pages, forms, sort) narrowed by the search box and the filters; days are whole days in {@code zone}. */
    static LeadQuery of(LeadQuery scope, String search, LocalDate dateFrom, LocalDate dateTo, ZoneId zone,
                        LeadsTableViewModel.Platform platform, LeadsTableViewModel.Organic organic, ReviewStatus status,
                        boolean newOnly) {
        LeadQuery q = scope;
        if (search != null && !search.isBlank()) {
            q = q.withSearch(search.strip());
        }
        Long from = dateFrom == null ? null : dateFrom.atStartOfDay(zone).toEpochSecond();
        Long until = dateTo == null ? null : dateTo.plusDays(1).atStartOfDay(zone).toEpochSecond();
        if (from != null || until != null) {
            q = q.withCreated(from, until);
        }
        if (platform != null && platform.wire() != null) {
            q = q.withPlatforms(List.of(platform.wire()));
        }
        if (organic == LeadsTableViewModel.Organic.ORGANIC) {
            q = q.withOrganic(true);
        } else if (organic == LeadsTableViewModel.Organic.PAID) {
            q = q.withOrganic(false);
        }
        if (status != null) {
            q = q.withStatuses(List.of(status));
        }
        return q.withNewOnly(newOnly);
    }

    /** How many of the filters (not the search) are set. */
    static int activeFilters(LocalDate dateFrom, LocalDate dateTo, LeadsTableViewModel.Platform platform,
                             LeadsTableViewModel.Organic organic, ReviewStatus status) {
        int n = 0;
        n += dateFrom != null ? 1 : 0;
        n += dateTo != null ? 1 : 0;
        n += platform != null && platform != LeadsTableViewModel.Platform.ALL ? 1 : 0;
        n += organic != null && organic != LeadsTableViewModel.Organic.ALL ? 1 : 0;
        n += status != null ? 1 : 0;
        return n;
    }
}
