/**
 * The local lead cache (SQLite through sqlite-jdbc): {@link io.leaddesk.store.LeadStore} and its records.
 *
 * <h2>Rooms</h2>
 * {@code LeadStore} is the public face; each job is a package-private class sharing one {@code Database} (the write
 * connection and its transactions, the pool of read connections, the checks every write passes first):
 * {@code StoreFile} (checks before SQLite writes a byte, the folder and file LeadDesk creates, read-only or not,
 * migrations), {@code FormsTable} (pages and forms), {@code LeadWrites} (what a sync writes), {@code LeadQueries}
 * (counts, row ids, table rows, one lead, every lead parsed), {@code RawLeadStream} (the export's unparsed stream),
 * {@code Reviews}, {@code ExportHistory}, {@code Erasure} (forgetting), {@code ImportWrites} and {@code ImportedForms}
 * (imports of Meta's own lead downloads: one transaction per file, where each imported lead came from, the forms an
 * import created until a sync brings Meta's definitions), {@code StoredColumns} (the stored copies of JSON fields and
 * their mapping onto the lead parser's fallback, written once) and {@code StoreErrors} (SQLite failures as one-sentence
 * {@link io.leaddesk.store.StoreException}s).
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>One write connection, pooled read connections, WAL.</b> Writes are serialised by a lock and each runs in
 *       one {@code BEGIN IMMEDIATE} transaction (one Graph result page = one crash-safe unit). Readers use their own
 *       connections and see a consistent snapshot while a sync writes.</li>
 *   <li><b>Raw JSON in its own table ({@code lead_json}, rowid = leads.rowid).</b> The leads table holds only the
 *       parsed columns, so scans and sorts without an index read ~150 bytes per lead instead of ~750.</li>
 *   <li><b>Sorting: indexes on name and email (schema 4), none on phone.</b> Random keys are dear to write: every
 *       500-lead page dirties ~500 pages of each such index, which a WAL commit writes out whole (measured on the
 *       2-core build machine with name, email and phone indexed: 6-8k leads/s instead of 19k; with name and email,
 *       8-11k). The table sorts by them in ~0.3 s on a million leads instead of the sorter's 7-11 s, so name and email
 *       are indexed; the phone column is not sortable in the app (a phone order means nothing to a reader; search
 *       finds numbers). Created time, form, platform and campaign walk their indexes; review status, organic and
 *       form are bucketed in Java from one unsorted scan ({@code LeadQueries.bucketed}).</li>
 *   <li><b>Search covers review notes.</b> Notes are the agency's own text, written while the lead does not
 *       change, so they stay out of the contentless full-text index: the few leads with a note are read and matched
 *       word by word ({@code NoteSearch}), and their row ids join the index's matches.</li>
 *   <li><b>Contentless FTS5 ({@code content='', contentless_delete=1, detail=none}).</b> Rowid = leads.rowid; rows are
 *       (re)indexed only when a lead is new or changed, so a resync of unchanged leads touches no index. Search
 *       words are prefix terms AND-ed together, so {@code detail=none} (no positions) is enough.</li>
 *   <li><b>Reads: mmap, streaming JSON, lazy columns.</b> Read connections map the file ({@code mmap_size} 1 GiB)
 *       instead of a read() per page; {@code forEachLead} parses raw JSON in one streaming pass and reads the stored
 *       copies of JSON fields only when the JSON lacks them (each column read is a native call). A search in
 *       created-time order lets the FTS index drive and sorts packed (created, rowid) longs in Java.</li>
 *   <li><b>Sync writes: measured, left as they are.</b> Multi-row INSERTs (cached statements) gave no gain over
 *       per-row batches: the cost is SQLite's own work per lead (~5 us the five secondary indexes, ~7 us FTS,
 *       the rest table, unique id index, raw JSON and WAL); {@code columnsize=0} is refused with
 *       {@code contentless_delete=1}.</li>
 *   <li><b>Forgetting a lead erases it.</b> Deleting on a person's request runs with {@code secure_delete} (freed
 *       content zeroed), rebuilds the FTS index ({@code optimize}: a contentless index keeps a deleted row's words
 *       until its segments merge) and truncates the WAL; the lead id alone goes into {@code forgotten} (schema 2)
 *       so that a resync, while Meta still serves the lead, does not store it again. Every page a sync writes looks
 *       its ids up in {@code forgotten} inside its own transaction, so a forget by another process counts at once.
 *       The WAL cannot be emptied while another connection reads it: the forget waits up to 10 s, and if the reader
 *       outlasts that, a row in {@code pending_erase} (schema 3, written in the forget's own transaction) makes every
 *       later open finish the erase (TRUNCATE checkpoint, then the row goes).</li>
 *   <li><b>Imported leads are leads like any other; where they came from is kept apart (schema 4).</b> Their raw JSON
 *       is built in the Graph shape, so {@code leads --json} and every reader see no difference; the file's name and the
 *       import's date are in {@code imports} / {@code lead_imports} ({@link io.leaddesk.store.LeadStore#importOrigin}),
 *       which a trigger empties of a lead whenever the lead is deleted. An import writes only leads the cache lacks
 *       (Meta's data wins), checks {@code forgotten} in its own transaction as a sync's page does, and never moves a
 *       form's watermark.</li>
 *   <li><b>Permissions: only what LeadDesk creates is made owner-only.</b> A data folder or cache file that exists is
 *       left with the permissions its owner gave it. A cache this user cannot write (the file, its -wal/-shm files,
 *       or a folder where they cannot be made) opens read-only (immutable when not even a WAL index can be made):
 *       reads work, every write says the cache is read-only.</li>
 *   <li><b>A damaged file is never written.</b> The first write of each open runs {@code PRAGMA quick_check}
 *       (reads every page once: about a second per 100-300 MB on the build machine, so a few seconds at a million
 *       leads) and refuses with the sentence the readers give; later writes of the same open pay nothing.</li>
 *   <li><b>Schema versions in {@code PRAGMA user_version}, {@code application_id} 'LDK1'.</b> An existing file is
 *       inspected read-only first (SQLite header, application id, version), so a newer, foreign or damaged file is
 *       refused without a single byte written.</li>
 * </ul>
 */
package io.leaddesk.store;
