package io.leaddesk.store;

import io.leaddesk.graph.Lead;
import io.leaddesk.graph.LeadForm;
import io.leaddesk.graph.PageInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The local lead cache: one SQLite database file (WAL, owner-only permissions), versioned schema migrated at open.
 * Thread-safe: writes are serialised on one connection; reads may run concurrently with a sync.
 * Every method throws {@link StoreException} with a plain sentence on failure.
 *
 * SKELETON: signatures are the contract other packages code against; the store helper implements them.
 */
public final class LeadStore implements AutoCloseable {

    /** Opens (creating if needed) the database at {@code file}; refuses a database written by a newer LeadDesk, untouched. */
    public static LeadStore open(Path file) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The database file. */
    public Path file() {
        throw new UnsupportedOperationException();
    }

    // ---- pages and forms -------------------------------------------------------------------------

    /** Inserts or updates a page (id, name). Never stores the page token. */
    public void upsertPage(PageInfo page) {
        throw new UnsupportedOperationException();
    }

    /** Inserts or updates the forms of a page as synced (questions, disclaimer, counts, raw JSON). */
    public void upsertForms(String pageId, List<LeadForm> forms) {
        throw new UnsupportedOperationException();
    }

    public List<StoredPage> pages() {
        throw new UnsupportedOperationException();
    }

    /** Forms of the given pages (all forms when empty), ordered by page then form name. */
    public List<StoredForm> forms(Collection<String> pageIds) {
        throw new UnsupportedOperationException();
    }

    public Optional<StoredForm> form(String formId) {
        throw new UnsupportedOperationException();
    }

    // ---- leads -----------------------------------------------------------------------------------

    /**
     * Upserts one result page of leads of {@code form} in ONE transaction (crash-safe unit).
     * Same lead id twice = one row; last_seen updated, first_seen kept, review kept.
     * name/email/phone columns are derived through {@code form}'s question types ({@link io.leaddesk.graph.ContactFields}).
     *
     * @return how many of these leads were new to the cache
     */
    public int upsertLeads(String pageId, LeadForm form, List<Lead> leads, Instant seenAt) {
        throw new UnsupportedOperationException();
    }

    /** Records that a pull of {@code formId} completed: its new watermark (Unix seconds, may be null if no leads) and when. */
    public void markFormSynced(String formId, Long watermark, Instant at) {
        throw new UnsupportedOperationException();
    }

    public long countLeads(LeadQuery query) {
        throw new UnsupportedOperationException();
    }

    /** Row ids of every lead matching {@code query}, in its order. Cheap enough for 1,000,000 leads (8 MB). */
    public long[] leadRowIds(LeadQuery query) {
        throw new UnsupportedOperationException();
    }

    /** Table rows for the given row ids, in the same order (missing ids skipped). */
    public List<LeadRow> rows(long[] rowIds, int from, int to) {
        throw new UnsupportedOperationException();
    }

    /** One window of table rows of {@code query} (OFFSET/LIMIT), for callers that do not keep the id list. */
    public List<LeadRow> rows(LeadQuery query, int offset, int limit) {
        throw new UnsupportedOperationException();
    }

    public Optional<StoredLead> lead(String leadId) {
        throw new UnsupportedOperationException();
    }

    /** Streams every matching lead in query order without holding them all in memory. */
    public void forEachLead(LeadQuery query, Consumer<StoredLead> consumer) {
        throw new UnsupportedOperationException();
    }

    // ---- review ----------------------------------------------------------------------------------

    public void setReview(String leadId, ReviewStatus status, String note) {
        throw new UnsupportedOperationException();
    }

    // ---- export history --------------------------------------------------------------------------

    /** Records that these leads went into {@code file}; returns the export id. One transaction. */
    public long recordExport(String file, String profile, Instant at, Collection<String> leadIds) {
        throw new UnsupportedOperationException();
    }

    /** Exports a lead went into, newest first. */
    public List<ExportRecord> exportsOf(String leadId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
