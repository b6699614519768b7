package io.leaddesk.store;

import io.leaddesk.graph.PageInfo;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The local lead cache: one SQLite database file (WAL; the folder and file LeadDesk creates are owner-only), versioned
 * schema migrated at open. Thread-safe: writes are serialised on one connection; reads may run concurrently with a sync.
 * Every method throws {@link StoreException} with a plain sentence on failure.
 *
 * <p>Reads use a small pool of separate connections (WAL lets them read a consistent snapshot while a sync
 * writes). Access tokens are never stored. A cache this user cannot write opens read-only: reads work, every write
 * says so. A damaged cache is never written: the first write of each open checks the file first.
 *
 * <p>This class is the public face; each job lives in a class of its own sharing one {@link Database}: the file
 * ({@link StoreFile}), pages and forms ({@link FormsTable}), sync writes ({@link LeadWrites}), table queries
 * ({@link LeadQueries}), the raw export stream ({@link RawLeadStream}), reviews ({@link Reviews}), export history
 * ({@link ExportHistory}), forgetting ({@link Erasure}), imports of Meta's lead downloads ({@link ImportWrites},
 * {@link ImportedForms}), which leads are new ({@link SeenState}) and what the sync remembers per form
 * ({@link SyncState}).
 */
public final class LeadStore implements AutoCloseable {

    private final Database db;
    private final FormsTable forms;
    private final LeadWrites writes;
    private final LeadQueries queries;
    private final RawLeadStream raw;
    private final Reviews reviews;
    private final ExportHistory exports;
    private final Erasure erasure;
    private final ImportWrites imports;
    private final ImportedForms importedForms;
    private final SeenState seen;
    private final SyncState syncState;
    private final SortIndexes sortIndexes;

    private LeadStore(Database db) {
        this.db = db;
        this.forms = new FormsTable(db);
        this.writes = new LeadWrites(db);
        this.queries = new LeadQueries(db);
        this.raw = new RawLeadStream(db);
        this.reviews = new Reviews(db);
        this.exports = new ExportHistory(db);
        this.erasure = new Erasure(db);
        this.imports = new ImportWrites(db);
        this.importedForms = new ImportedForms(db);
        this.seen = new SeenState(db);
        this.syncState = new SyncState(db);
        this.sortIndexes = new SortIndexes(db);
    }

    // ---- opening ---------------------------------------------------------------------------------

    /**
     * Opens (creating if needed) the database at {@code file}; refuses a database written by a newer LeadDesk,
     * untouched; opens a cache this user cannot write read-only; finishes an erase an earlier forget left pending.
     */
    public static LeadStore open(Path file) {
        return open(file, null);
    }

    /**
     * {@link #open(Path)} with the access decided by the caller instead of the file's permissions (tests: as root,
     * every file is writable); null decides as {@link #open(Path)} does.
     */
    static LeadStore open(Path file, StoreFile.Access forced) {
        Objects.requireNonNull(file, "file");
        Database db = StoreFile.open(file.toAbsolutePath().normalize(), forced);
        try {
            LeadStore store = new LeadStore(db);
            store.erasure.finishPending();
            return store;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The database file. */
    public Path file() {
        return db.file;
    }

    /** True when this user cannot write the cache: reads work, writes throw StoreException. */
    public boolean isReadOnly() {
        return db.readOnly();
    }

    // ---- pages and forms -------------------------------------------------------------------------

    /** Inserts or updates a page (id, name). Never stores the page token. */
    public void upsertPage(PageInfo page) {
        forms.upsertPage(page);
    }

    /**
     * Inserts or updates the forms of a page as synced (questions, disclaimer, counts, raw JSON). A form an import had
     * created from a file's columns gets Meta's definition like any other, and the leads imported for it are fitted to it
     * (see {@link #importLeads}).
     */
    public void upsertForms(String pageId, List<LeadForm> forms) {
        this.forms.upsertForms(pageId, forms);
        importedForms.formsSynced(pageId, forms);
    }

    public List<StoredPage> pages() {
        return forms.pages();
    }

    /** Forms of the given pages (all forms when empty), ordered by page then form name. */
    public List<StoredForm> forms(Collection<String> pageIds) {
        return forms.forms(pageIds);
    }

    public Optional<StoredForm> form(String formId) {
        return forms.form(formId);
    }

    /** How many leads of each form the cache holds (forms without leads are absent). */
    public Map<String, Long> cachedCountsByForm() {
        return forms.cachedCountsByForm();
    }

    /** How many leads the cache holds. */
    public long totalLeads() {
        return forms.totalLeads();
    }

    // ---- leads -----------------------------------------------------------------------------------

    /**
     * Upserts one result page of leads of {@code form} in one transaction (crash-safe unit: the page is committed whole,
     * with its progress, before this returns; pages handed in by other threads at the same moment may share the
     * transaction, see {@link GroupCommit}).
     * Same lead id twice = one row; last_seen updated, first_seen kept, review kept. A lead forgotten on a person's
     * request, by this or any other process, is not stored again.
     * name/email/phone columns are derived through {@code form}'s question types ({@link io.leaddesk.model.ContactFields}).
     *
     * @return how many of these leads were new to the cache
     */
    public int upsertLeads(String pageId, LeadForm form, List<Lead> leads, Instant seenAt) {
        return writes.upsertLeads(pageId, form, leads, seenAt);
    }

    /**
     * {@link #upsertLeads(String, LeadForm, List, Instant)}, and in the same transaction the sync's progress through the
     * time range the page came from ({@link SyncState}); with no leads only the progress is written.
     */
    public int upsertLeads(String pageId, LeadForm form, List<Lead> leads, Instant seenAt, SyncState.Progress progress) {
        return writes.upsertLeads(pageId, form, leads, seenAt, progress);
    }

    /** What the sync remembers per form between runs: page size, way of reading, the unfinished pull's ranges. */
    public SyncState syncState() {
        return syncState;
    }

    /** The name and e-mail sort indexes, which a sync of many new leads sets aside while it writes. */
    public SortIndexes sortIndexes() {
        return sortIndexes;
    }

    /** Records that a pull of {@code formId} completed: its new watermark (Unix seconds, may be null if no leads) and when. */
    public void markFormSynced(String formId, Long watermark, Instant at) {
        writes.markFormSynced(formId, watermark, at);
    }

    public long countLeads(LeadQuery query) {
        return queries.countLeads(query);
    }

    /** Row ids of every lead matching {@code query}, in its order. Cheap enough for 1,000,000 leads (8 MB). */
    public long[] leadRowIds(LeadQuery query) {
        return queries.leadRowIds(query);
    }

    /** Table rows for the given row ids, in the same order (missing ids skipped). */
    public List<LeadRow> rows(long[] rowIds, int from, int to) {
        return queries.rows(rowIds, from, to);
    }

    /** One window of table rows of {@code query} (OFFSET/LIMIT), for callers that do not keep the id list. */
    public List<LeadRow> rows(LeadQuery query, int offset, int limit) {
        return queries.rows(query, offset, limit);
    }

    public Optional<StoredLead> lead(String leadId) {
        return queries.lead(leadId);
    }

    /** Streams every matching lead in query order without holding them all in memory. */
    public void forEachLead(LeadQuery query, Consumer<StoredLead> consumer) {
        queries.forEachLead(query, consumer);
    }

    /**
     * Streams the same leads as {@link #forEachLead} (same query, order and columns) without parsing their raw JSON:
     * {@link RawStoredLead#parse()} (on any thread, once the stream has moved on) gives exactly the StoredLead that
     * forEachLead gives. An export reads with this on one thread and parses on another.
     */
    public void forEachRawLead(LeadQuery query, Consumer<RawStoredLead> consumer) {
        raw.forEachRawLead(query, consumer);
    }

    /**
     * A lead as {@link #forEachRawLead} streams it: the raw JSON text (UTF-8) and the stored columns, not yet parsed.
     * {@link #parse()} gives the StoredLead {@link #forEachLead} gives for the same row. Not thread-safe: hand it over
     * to one other thread (e.g. through a queue) and parse it there.
     */
    public static final class RawStoredLead implements Supplier<StoredLead> {
        private final RawLeadStream source;
        private final long rowid;
        private final byte[] rawUtf8;
        private final String pageId;
        private final long createdEpoch;
        private final long firstSeen;
        private final long lastSeen;
        private final String status;
        private final String note;
        /** Bit i set: fallback column i is known (NULL while streaming, or read since into {@code columns}). */
        private int known;
        private Object[] columns;

        RawStoredLead(RawLeadStream source, long rowid, byte[] rawUtf8, String pageId, long createdEpoch,
                      long firstSeen, long lastSeen, String status, String note, int known) {
            this.source = source;
            this.rowid = rowid;
            this.rawUtf8 = rawUtf8;
            this.pageId = pageId;
            this.createdEpoch = createdEpoch;
            this.firstSeen = firstSeen;
            this.lastSeen = lastSeen;
            this.status = status;
            this.note = note;
            this.known = known;
        }

        /** The stored raw JSON text, decoded anew on each call (null for a damaged row; the parse then uses the columns). */
        public String rawJson() {
            return rawUtf8 == null ? null : new String(rawUtf8, StandardCharsets.UTF_8);
        }

        public String pageId() {
            return pageId;
        }

        /** Parses the raw JSON exactly as forEachLead does. May read the cache (rarely); throws StoreException then. */
        public StoredLead parse() {
            return parse(true);
        }

        /**
         * {@link #parse()} for a reader that never looks at the raw text (an export): the same StoredLead, except that
         * {@code lead().rawJson()} may be null, so the text is never decoded to a String.
         */
        public StoredLead parseWithoutRawJson() {
            return parse(false);
        }

        /** Same as {@link #parse()}. */
        @Override
        public StoredLead get() {
            return parse();
        }

        private StoredLead parse(boolean keepRaw) {
            Lead lead = LeadJson.parse(rawUtf8, new Columns(), keepRaw);
            return StoredColumns.stored(lead, pageId, firstSeen, lastSeen, status, note);
        }

        /** The fallback columns: NULL ones known from the stream, the others read by rowid on first need. */
        private final class Columns extends StoredColumns {
            @Override
            public long createdEpoch() {
                return createdEpoch;
            }

            @Override
            Object column(int i) {
                if ((known & (1 << i)) == 0) {
                    Object[] all = source.fallbackColumns(rowid);
                    for (int j = 0; j < all.length; j++) {
                        if ((known & (1 << j)) != 0) {
                            all[j] = null; // NULL when streamed: this lead stays as its snapshot had it
                        }
                    }
                    columns = all;
                    known = (1 << all.length) - 1;
                }
                return columns == null ? null : columns[i];
            }
        }
    }

    // ---- imports of Meta's own lead downloads ----------------------------------------------------

    /**
     * Writes the leads of one file in ONE transaction: a failure part-way (the batch's iterator throws, the disk is
     * full) leaves the cache as it was. Only leads the cache lacks are written, each as a lead like any other (searchable,
     * reviewable, exportable, counted in its form) with Graph-shaped raw JSON and the file as its {@link #importOrigin};
     * a lead the cache holds (synced from Meta, or imported before) is left exactly as it is; a lead forgotten by id, by
     * this or any other process, is not brought back. A form the cache lacks is created from the batch's
     * {@link ImportBatch#formsFromFile}; a later {@link #upsertForms} from a sync replaces its placeholder questions and
     * fits its imported leads to Meta's definitions. Does not move any form's sync watermark.
     */
    public ImportOutcome importLeads(ImportBatch batch) {
        return imports.write(batch);
    }

    /** Which of these lead ids the cache holds and which were forgotten by id (what an import's preview counts). */
    public ImportCheck importCheck(Collection<String> leadIds) {
        return imports.check(leadIds);
    }

    /** Where a lead came from when an import brought it; empty for a lead synced from Graph (or not cached). */
    public Optional<ImportOrigin> importOrigin(String leadId) {
        return imports.origin(leadId);
    }

    /** Every import that brought leads in, newest first. */
    public List<ImportRecord> imports() {
        return imports.history();
    }

    /**
     * Forms an import created from a file's columns whose questions (typed CUSTOM, labelled with the column's key) wait
     * for a sync to bring Meta's definitions; their page is not known yet (page id "").
     */
    public Set<String> provisionalFormIds() {
        return importedForms.provisionalFormIds();
    }

    // ---- review ----------------------------------------------------------------------------------

    public void setReview(String leadId, ReviewStatus status, String note) {
        reviews.setReview(leadId, status, note);
    }

    // ---- new and seen ----------------------------------------------------------------------------

    /**
     * True while the lead is new: stored by a sync and not yet shown in the detail pane or marked seen (see
     * {@link SeenState} for which stored leads count as new: not a first sync's backlog).
     */
    public boolean isNew(String leadId) {
        return seen.isNew(leadId);
    }

    /** The lead has been seen (shown in the detail pane, or marked); false when it was not new (or not cached). */
    public boolean markSeen(String leadId) {
        return seen.markSeen(leadId);
    }

    /** "Mark all as seen" of a form; returns how many of its leads were new. */
    public int markFormSeen(String formId) {
        return seen.markFormSeen(formId);
    }

    /** Every lead of the cache seen; returns how many were new. */
    public int markAllSeen() {
        return seen.markAllSeen();
    }

    /** How many new leads each form has (forms without any are absent). */
    public Map<String, Long> newCountsByForm() {
        return seen.newCountsByForm();
    }

    /** How many new leads the cache holds. */
    public long newLeadsTotal() {
        return seen.newTotal();
    }

    /** The ids of every new lead (what a listing marks). */
    public Set<String> newLeadIds() {
        return seen.newLeadIds();
    }

    /** The row id of the newest stored lead (0 when none): the mark {@link #arrivalsAfter} counts from. */
    public long newestRowId() {
        return seen.newestRowId();
    }

    /**
     * The new leads stored after the mark {@link #newestRowId()} gave before a sync: what a notification about that
     * sync tells. {@code keep} = how many of the newest of them to list by row id.
     */
    public Arrivals arrivalsAfter(long rowId, int keep) {
        return seen.arrivalsAfter(rowId, keep);
    }

    // ---- export history --------------------------------------------------------------------------

    /**
     * Records that these leads went into {@code file}; returns the export id. One transaction.
     * The ids are read straight from {@code leadIds} (no copy: a million ids would cost ~100 MB of heap);
     * duplicates and nulls are skipped and the export counts each distinct lead once.
     */
    public long recordExport(String file, String profile, Instant at, Collection<String> leadIds) {
        return exports.recordExport(file, profile, at, leadIds);
    }

    /** Exports a lead went into, newest first. */
    public List<ExportRecord> exportsOf(String leadId) {
        return exports.exportsOf(leadId);
    }

    // ---- privacy ---------------------------------------------------------------------------------

    /**
     * Deletes on a person's request the leads with these ids and, when {@code createdBefore} is not null, every lead
     * created before it (Unix seconds), with their reviews and export links, in one transaction; remembers the ids so
     * that no later sync stores them again, and erases every copy from the cache files. When another LeadDesk process
     * is reading the cache, waits for it up to about 10 seconds, telling {@code waitNotice} (one sentence) why; if it
     * still reads, the leads are deleted but {@link ForgetResult#filesErased()} is false, and the next open of the
     * cache finishes the erase.
     */
    public ForgetResult forget(Collection<String> leadIds, Long createdBefore, Consumer<String> waitNotice) {
        return erasure.forget(leadIds, createdBefore, waitNotice == null ? s -> { } : waitNotice);
    }

    /**
     * Deletes everything the cache holds about one lead (row, search index, review, export links) on the person's
     * request; a later sync does not store it again (see {@link #deleteLeads}).
     */
    public boolean deleteLead(String leadId) {
        return !deleteLeads(List.of(leadId)).isEmpty();
    }

    /**
     * Deletes these leads (with their reviews and export links) in one go, leaving no trace in the files (see
     * {@link #forget}), and remembers their ids so that no later sync stores them again; returns the ids that were
     * in the cache.
     *
     * @throws EraseIncompleteException when they are deleted but another process kept copies readable in the files
     */
    public Set<String> deleteLeads(Collection<String> leadIds) {
        ForgetResult r = forget(leadIds, null, null);
        if (!r.filesErased()) {
            throw new EraseIncompleteException(r.deleted());
        }
        return r.deletedIds();
    }

    /**
     * Deletes every lead created before {@code epochSecond} (Unix seconds) with its review and export links.
     *
     * @throws EraseIncompleteException when they are deleted but another process kept copies readable in the files
     */
    public int purgeOlderThan(long epochSecond) {
        ForgetResult r = forget(List.of(), epochSecond, null);
        if (!r.filesErased()) {
            throw new EraseIncompleteException(r.deleted());
        }
        return r.olderDeleted();
    }

    // ---- for tests -------------------------------------------------------------------------------

    /** For tests: caps the database size in pages so that a write fails as on a full disk. */
    void limitPagesForTest(long maxPages) {
        db.limitPages(maxPages);
    }

    /** For tests: how long a forget waits for other readers of the cache. */
    void eraseWaitForTest(long millis) {
        erasure.waitMillis(millis);
    }

    @Override
    public void close() {
        db.close();
    }
}
