package io.leaddesk.ui;

import io.leaddesk.store.ExportRecord;
import io.leaddesk.store.ImportOrigin;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.store.StoredForm;
import io.leaddesk.store.StoredLead;
import io.leaddesk.store.StoredPage;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the ViewModels read from and write to the local cache: the part of {@link LeadStore} the GUI uses.
 * A port, so ViewModel tests can run against an in-memory fake; {@link #of(LeadStore)} adapts the real store.
 * Every method may block (database work): call it only from background tasks.
 */
public interface LeadCache {
    List<StoredPage> pages();

    List<StoredForm> forms(Collection<String> pageIds);

    long countLeads(LeadQuery query);

    long[] leadRowIds(LeadQuery query);

    List<LeadRow> rows(long[] rowIds, int from, int to);

    Optional<StoredLead> lead(String leadId);

    Optional<StoredForm> form(String formId);

    void setReview(String leadId, ReviewStatus status, String note);

    /**
     * Deletes a lead on the person's request, leaving no readable copy in the cache and keeping later syncs from
     * storing it again; false if it was not in the cache.
     */
    boolean deleteLead(String leadId);

    /** The exports this lead went into, newest first (none by default, for fakes). */
    default List<ExportRecord> exportsOf(String leadId) {
        return List.of();
    }

    /** Where the lead came from when an import of Meta's lead downloads brought it (none by default, for fakes). */
    default Optional<ImportOrigin> importOrigin(String leadId) {
        return Optional.empty();
    }

    // ---- issue 14: which leads are new (not yet shown in the detail pane nor marked seen) ----

    /** New leads per form id (forms without any are absent); none by default, for fakes. */
    default Map<String, Long> newCountsByForm() {
        return Map.of();
    }

    /** The lead was shown in the detail pane: no longer new; false if it was not new (or not cached). */
    default boolean markSeen(String leadId) {
        return false;
    }

    /** "Mark all as seen" for a form: how many of its leads were new. */
    default int markFormSeen(String formId) {
        return 0;
    }

    static LeadCache of(LeadStore store) {
        return new LeadCache() {
            @Override
            public List<StoredPage> pages() {
                return store.pages();
            }

            @Override
            public List<StoredForm> forms(Collection<String> pageIds) {
                return store.forms(pageIds);
            }

            @Override
            public long countLeads(LeadQuery query) {
                return store.countLeads(query);
            }

            @Override
            public long[] leadRowIds(LeadQuery query) {
                return store.leadRowIds(query);
            }

            @Override
            public List<LeadRow> rows(long[] rowIds, int from, int to) {
                return store.rows(rowIds, from, to);
            }

            @Override
            public Optional<StoredLead> lead(String leadId) {
                return store.lead(leadId);
            }

            @Override
            public Optional<StoredForm> form(String formId) {
                return store.form(formId);
            }

            @Override
            public void setReview(String leadId, ReviewStatus status, String note) {
                store.setReview(leadId, status, note);
            }

            @Override
            public boolean deleteLead(String leadId) {
                return store.deleteLead(leadId);
            }

            @Override
            public List<ExportRecord> exportsOf(String leadId) {
                return store.exportsOf(leadId);
            }

            @Override
            public Optional<ImportOrigin> importOrigin(String leadId) {
                return store.importOrigin(leadId);
            }

            @Override
            public Map<String, Long> newCountsByForm() {
                return store.newCountsByForm();
            }

            @Override
            public boolean markSeen(String leadId) {
                return store.markSeen(leadId);
            }

            @Override
            public int markFormSeen(String formId) {
                return store.markFormSeen(formId);
            }
        };
    }
}
