/**
 * The local lead cache (SQLite through sqlite-jdbc): {@link io.leaddesk.store.LeadStore} and its records.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>One write connection, pooled read connections, WAL.</b> Writes are serialised by a lock and each runs in
 *       one {@code BEGIN IMMEDIATE} transaction (one Graph result page = one crash-safe unit). Readers use their own
 *       connections and see a consistent snapshot while a sync writes.</li>
 *   <li><b>Raw JSON in its own table ({@code lead_json}, rowid = leads.rowid).</b> The leads table holds only the
 *       parsed columns, so scans and sorts without an index read ~150 bytes per lead instead of ~750.</li>
 *   <li><b>No indexes on name, email, phone.</b> Their keys are random: every 500-lead page would dirty ~500 pages of
 *       each such index, which a WAL commit writes out whole. Measured on the 2-core build machine with them: 7k
 *       leads/s at 200k leads (10k/s at 100k), without them 20-40k/s under the same load. Sorting a million leads by
 *       name without an index takes ~2-3 s (SQLite's sorter); by created time, form, platform, campaign it is an
 *       index walk (~0.2 s). If sorting by name at that size matters more than sync speed, a later migration can add
 *       {@code CREATE INDEX leads_name ON leads(name)}.</li>
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
 *       so that a resync, while Meta still serves the lead, does not store it again.</li>
 *   <li><b>Schema versions in {@code PRAGMA user_version}, {@code application_id} 'LDK1'.</b> An existing file is
 *       inspected read-only first (SQLite header, application id, version), so a newer, foreign or damaged file is
 *       refused without a single byte written.</li>
 * </ul>
 */
package io.leaddesk.store;
