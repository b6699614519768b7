package io.leaddesk.store;

import java.util.List;

/**
 * The versioned schema of the lead cache. {@code PRAGMA user_version} holds the version of the last migration
 * applied; migrations run in order at open, all in one transaction. Never edit a released migration: append one.
 */
final class Schema {

    /** "LDK1": marks the file as a LeadDesk database (PRAGMA application_id). */
    static final int APPLICATION_ID = 0x4C444B31;

    record Migration(int version, List<String> statements) {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, List.of(
                    "PRAGMA application_id = " + APPLICATION_ID,
                    """
                    CREATE TABLE pages(
                        id         TEXT PRIMARY KEY,
                        name       TEXT NOT NULL DEFAULT '',
                        updated_at INTEGER NOT NULL)""",
                    """
                    CREATE TABLE forms(
                        id                  TEXT PRIMARY KEY,
                        page_id             TEXT NOT NULL,
                        name                TEXT NOT NULL DEFAULT '',
                        status              TEXT,
                        locale              TEXT,
                        created_time        TEXT,
                        leads_count         INTEGER NOT NULL DEFAULT 0,
                        organic_leads_count INTEGER NOT NULL DEFAULT 0,
                        expired_leads_count INTEGER NOT NULL DEFAULT 0,
                        questions_json      TEXT NOT NULL DEFAULT '[]',
                        disclaimer_json     TEXT,
                        privacy_policy_url  TEXT,
                        raw_json            TEXT,
                        last_synced         INTEGER,
                        watermark           INTEGER,
                        updated_at          INTEGER NOT NULL)""",
                    "CREATE INDEX forms_page ON forms(page_id)",
                    """
                    CREATE TABLE leads(
                        rowid            INTEGER PRIMARY KEY,
                        id               TEXT NOT NULL UNIQUE,
                        form_id          TEXT NOT NULL,
                        page_id          TEXT NOT NULL,
                        created_time     INTEGER NOT NULL,
                        created_time_raw TEXT,
                        ad_id            TEXT,
                        ad_name          TEXT COLLATE NOCASE,
                        adset_id         TEXT,
                        adset_name       TEXT COLLATE NOCASE,
                        campaign_id      TEXT,
                        campaign_name    TEXT COLLATE NOCASE,
                        is_organic       INTEGER,
                        platform         TEXT,
                        name             TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
                        email            TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
                        phone            TEXT NOT NULL DEFAULT '',
                        first_seen       INTEGER NOT NULL,
                        last_seen        INTEGER NOT NULL)""",
                    "CREATE INDEX leads_created ON leads(created_time)",
                    "CREATE INDEX leads_form ON leads(form_id, created_time)",
                    "CREATE INDEX leads_page ON leads(page_id, form_id)",
                    // No indexes on name/email/phone here: their keys are random, so every 500-lead page rewrites
                    // ~500 index pages each (see package-info.java); schema 4 adds name and email for sorting.
                    "CREATE INDEX leads_platform ON leads(platform)",
                    "CREATE INDEX leads_campaign ON leads(campaign_name)",
                    // the lead exactly as received, kept apart so that the leads table stays narrow and fast to scan
                    """
                    CREATE TABLE lead_json(
                        rowid    INTEGER PRIMARY KEY,
                        raw_json TEXT NOT NULL)""",
                    // the agency's own work: kept apart from synced data so a resync never touches it
                    """
                    CREATE TABLE reviews(
                        lead_id    TEXT PRIMARY KEY,
                        status     TEXT NOT NULL,
                        note       TEXT,
                        updated_at INTEGER NOT NULL)""",
                    "CREATE INDEX reviews_status ON reviews(status)",
                    """
                    CREATE TABLE exports(
                        id         INTEGER PRIMARY KEY,
                        at         INTEGER NOT NULL,
                        file       TEXT NOT NULL,
                        profile    TEXT,
                        lead_count INTEGER NOT NULL)""",
                    """
                    CREATE TABLE export_leads(
                        export_id INTEGER NOT NULL REFERENCES exports(id) ON DELETE CASCADE,
                        lead_id   TEXT NOT NULL,
                        PRIMARY KEY(export_id, lead_id)) WITHOUT ROWID""",
                    "CREATE INDEX export_leads_lead ON export_leads(lead_id)",
                    // contentless full-text index, rowid = leads.rowid; rows deletable thanks to contentless_delete
                    """
                    CREATE VIRTUAL TABLE leads_fts USING fts5(
                        body, content='', contentless_delete=1, detail=none,
                        tokenize='unicode61 remove_diacritics 2')""")),
            // Leads deleted on a person's request: only the id is remembered, so that a later sync (a full resync,
            // or the overlap of an incremental one) does not download the person again while Meta still serves it.
            new Migration(2, List.of(
                    """
                    CREATE TABLE forgotten(
                        lead_id TEXT PRIMARY KEY,
                        at      INTEGER NOT NULL) WITHOUT ROWID""")),
            // Forgets whose copies could not yet be wiped from the files (another process was reading the WAL): one
            // row each, written in the forget's own transaction and removed once the WAL has been emptied; every
            // open finishes what is pending (see Erasure).
            new Migration(3, List.of(
                    """
                    CREATE TABLE pending_erase(
                        id INTEGER PRIMARY KEY,
                        at INTEGER NOT NULL)""")),
            // Imports of Meta's own lead downloads (issue 17). Where a lead came from is kept apart from the lead, so
            // that its raw JSON stays Graph-shaped: one row per file that brought leads in (the name only, not the
            // path), one row per lead that an import brought (a lead synced from Graph has none), and the forms an
            // import created from a file's columns, whose questions are placeholders until a sync brings Meta's.
            new Migration(4, List.of(
                    """
                    CREATE TABLE imports(
                        id        INTEGER PRIMARY KEY,
                        file_name TEXT NOT NULL,
                        at        INTEGER NOT NULL,
                        new_leads INTEGER NOT NULL)""",
                    """
                    CREATE TABLE lead_imports(
                        lead_id   TEXT PRIMARY KEY,
                        import_id INTEGER NOT NULL REFERENCES imports(id)) WITHOUT ROWID""",
                    """
                    CREATE TABLE import_forms(
                        form_id   TEXT PRIMARY KEY,
                        import_id INTEGER NOT NULL REFERENCES imports(id)) WITHOUT ROWID""",
                    // a lead deleted on a person's request (or purged by age) takes its import origin with it, whoever
                    // deletes it
                    """
                    CREATE TRIGGER leads_delete_import_origin AFTER DELETE ON leads
                    BEGIN
                        DELETE FROM lead_imports WHERE lead_id = old.id;
                    END""")),
            // Which leads are new (not yet opened or marked seen): the statements live with SeenState. Leads already
            // in a cache when this runs are seen.
            new Migration(5, SeenState.SCHEMA),
            // (6 is the sync's per-form state, issue 15.)
            // Sorting the leads table by name or email walks an index, like created time does (~0.3 s instead of
            // 7-11 s for a million leads on the 2-core build machine). They cost the sync: their keys are random, so
            // each 500-lead page dirties ~500 pages of each; measured there, inserts went from 19k to 8-11k leads/s
            // (still far above what Meta serves). The phone column is not sortable in the app, so it gets none.
            // Building them on an existing million-lead cache takes ~5 s each, once, at the first open.
            new Migration(7, List.of(
                    "CREATE INDEX IF NOT EXISTS leads_name ON leads(name)",
                    "CREATE INDEX IF NOT EXISTS leads_email ON leads(email)")));

    static int latestVersion() {
        return MIGRATIONS.get(MIGRATIONS.size() - 1).version();
    }

    private Schema() {
    }
}
