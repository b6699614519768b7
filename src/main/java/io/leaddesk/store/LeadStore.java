package io.leaddesk.store;

import io.leaddesk.model.ContactFields;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.graph.PageInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * The local lead cache: one SQLite database file (WAL, owner-only permissions), versioned schema migrated at open.
 * Thread-safe: writes are serialised on one connection; reads may run concurrently with a sync.
 * Every method throws {@link StoreException} with a plain sentence on failure.
 *
 * <p>Reads use a small pool of separate connections (WAL lets them read a consistent snapshot while a sync
 * writes). Access tokens are never stored.
 */
public final class LeadStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LeadStore.class);

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_IDLE_READERS = 4;
    private static final long READER_MMAP = 1L << 30;
    /** Well below SQLite's limit of 32766 bound parameters per statement. */
    private static final int MAX_PARAMS = 10_000;

    private static final String ROW_COLUMNS = "l.rowid, l.id, l.form_id, l.page_id, l.created_time, l.name, l.email,"
            + " l.phone, l.platform, l.is_organic, l.campaign_name, l.ad_name, r.status";
    /** Raw JSON and what it does not hold first; the stored copies of JSON fields (8-18) are read only if needed. */
    private static final String LEAD_COLUMNS = "(SELECT j.raw_json FROM lead_json j WHERE j.rowid = l.rowid),"
            + " l.page_id, l.created_time, l.first_seen, l.last_seen, r.status, r.note,"
            + " l.id, l.created_time_raw, l.form_id, l.ad_id, l.ad_name, l.adset_id, l.adset_name, l.campaign_id,"
            + " l.campaign_name, l.is_organic, l.platform";
    private static final String FORM_COLUMNS = "f.id, f.page_id, f.name, f.status, f.locale, f.created_time,"
            + " f.leads_count, f.organic_leads_count, f.expired_leads_count, f.questions_json, f.disclaimer_json,"
            + " f.privacy_policy_url, f.raw_json, f.last_synced, f.watermark,"
            + " (SELECT count(*) FROM leads l WHERE l.form_id = f.id)";

    private static final String UPSERT_LEAD = """
            INSERT INTO leads(rowid, id, form_id, page_id, created_time, created_time_raw, ad_id, ad_name, adset_id,
                              adset_name, campaign_id, campaign_name, is_organic, platform, name, email, phone,
                              first_seen, last_seen)
            VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(id) DO UPDATE SET
                form_id = excluded.form_id, page_id = excluded.page_id, created_time = excluded.created_time,
                created_time_raw = excluded.created_time_raw, ad_id = excluded.ad_id, ad_name = excluded.ad_name,
                adset_id = excluded.adset_id, adset_name = excluded.adset_name, campaign_id = excluded.campaign_id,
                campaign_name = excluded.campaign_name, is_organic = excluded.is_organic,
                platform = excluded.platform, name = excluded.name, email = excluded.email, phone = excluded.phone,
                last_seen = excluded.last_seen""";
    private static final String UPSERT_JSON = """
            INSERT INTO lead_json(rowid, raw_json) VALUES (?,?)
            ON CONFLICT(rowid) DO UPDATE SET raw_json = excluded.raw_json""";

    private final Path file;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ConcurrentLinkedDeque<Connection> idleReaders = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;
    /** Whether any lead was ever forgotten: only then does a sync look its ids up in {@code forgotten}. */
    private volatile boolean anyForgotten;

    private LeadStore(Path file, Connection writer) {
        this.file = file;
        this.writer = writer;
    }

    // ---- opening ---------------------------------------------------------------------------------

    /** Opens (creating if needed) the database at {@code file}; refuses a database written by a newer LeadDesk, untouched. */
    public static LeadStore open(Path file) {
        Objects.requireNonNull(file, "file");
        Path db = file.toAbsolutePath().normalize();
        prepareFolder(db.getParent());
        if (Files.isDirectory(db)) {
            throw damaged(db, "it is a folder, not a file");
        }
        if (Files.exists(db)) {
            inspectExisting(db); // read-only: nothing is written before we know the file is ours and not too new
        } else {
            createOwnerOnly(db);
        }
        restrict(db, false);
        Connection w = null;
        try {
            w = connect(db, false);
            try (Statement st = w.createStatement()) {
                st.execute("PRAGMA wal_autocheckpoint = 10000"); // checkpoint every ~40 MB of WAL, not every 4 MB
            }
            migrate(db, w);
            for (String suffix : new String[] {"-wal", "-shm"}) {
                Path side = db.resolveSibling(db.getFileName() + suffix);
                if (Files.exists(side)) {
                    restrict(side, false);
                }
            }
            LOG.info("Lead cache opened: {}", db);
            LeadStore store = new LeadStore(db, w);
            try (Statement st = w.createStatement(); ResultSet rs = st.executeQuery("SELECT EXISTS(SELECT 1 FROM forgotten)")) {
                store.anyForgotten = rs.next() && rs.getInt(1) == 1;
            }
            return store;
        } catch (SQLException e) {
            closeQuietly(w);
            if (isDamage(e)) {
                throw damaged(db, reason(e));
            }
            throw new StoreException("Could not open the lead cache at " + db + ": " + reason(e)
                    + ". Check that the data folder is writable, or choose another data folder.", e);
        } catch (RuntimeException e) {
            closeQuietly(w);
            throw e;
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    private static void prepareFolder(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            boolean created = !Files.isDirectory(dir);
            if (created) {
                if (posix(dir.getRoot() == null ? Path.of(".") : dir.getRoot())) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                } else {
                    Files.createDirectories(dir);
                }
            }
            if (created || !isSharedFolder(dir)) {
                restrict(dir, true);
            }
        } catch (IOException e) {
            throw new StoreException("Could not create the data folder " + dir + ": " + e.getMessage()
                    + ". Choose another data folder.", e);
        }
    }

    /** Folders we must not lock down to owner-only: the home folder, temp folders, file-system roots. */
    private static boolean isSharedFolder(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        for (String prop : new String[] {"user.home", "java.io.tmpdir"}) {
            String v = System.getProperty(prop);
            if (v != null && !v.isBlank() && Path.of(v).toAbsolutePath().normalize().equals(d)) {
                return true;
            }
        }
        return d.getParent() == null;
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createOwnerOnly(Path db) {
        try {
            if (posix(db)) {
                Files.createFile(db, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(db);
            }
        } catch (FileAlreadyExistsException e) {
            // another process created it in between: inspect happens through SQLite below
        } catch (IOException e) {
            throw new StoreException("Could not create the lead cache at " + db + ": " + e.getMessage()
                    + ". Check that the data folder is writable, or choose another data folder.", e);
        }
    }

    /** Owner-only permissions where the file system has POSIX permissions; nothing elsewhere. */
    private static void restrict(Path p, boolean dir) {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            view.setPermissions(dir ? OWNER_DIR : OWNER_FILE);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Could not make {} private to this user: {}", p, e.toString());
        }
    }

    /** Checks an existing file without writing to it: SQLite header, LeadDesk database, schema not too new. */
    private static void inspectExisting(Path db) {
        long size;
        byte[] head = new byte[SQLITE_MAGIC.length];
        int read = 0;
        try (InputStream in = Files.newInputStream(db)) {
            size = Files.size(db);
            while (read < head.length) {
                int n = in.read(head, read, head.length - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
        } catch (IOException e) {
            throw new StoreException("Could not read the lead cache at " + db + ": " + e.getMessage()
                    + ". Check its permissions, or choose another data folder.", e);
        }
        if (size == 0) {
            return; // an empty file is an empty database
        }
        if (read < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
            throw damaged(db, "it is not a SQLite database");
        }
        try (Connection c = connect(db, true); Statement st = c.createStatement()) {
            int version = intPragma(st, "user_version");
            int appId = intPragma(st, "application_id");
            if (version > Schema.latestVersion()) {
                throw newer(version);
            }
            if (appId != 0 && appId != Schema.APPLICATION_ID) {
                throw damaged(db, "it belongs to another program");
            }
            if (version == 0) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        throw damaged(db, "it holds tables of another program");
                    }
                }
            }
        } catch (SQLException e) {
            if (isDamage(e)) {
                throw damaged(db, reason(e));
            }
            throw new StoreException("Could not read the lead cache at " + db + ": " + reason(e)
                    + ". Check its permissions, or choose another data folder.", e);
        }
    }

    private static int intPragma(Statement st, String pragma) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static StoreException newer(int version) {
        return new StoreException("This database was written by a newer version of LeadDesk (schema " + version
                + "); install the newer LeadDesk or choose another data folder.");
    }

    private static StoreException damaged(Path db, String why) {
        return new StoreException("The lead cache at " + db + " is damaged or not a LeadDesk database (" + why
                + "): move it aside or choose another data folder and LeadDesk will start a new cache and sync again;"
                + " the file was left as it is and your leads are not deleted.");
    }

    private static Connection connect(Path db, boolean readOnly) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(5000);
        cfg.enforceForeignKeys(true);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        if (readOnly) {
            cfg.setReadOnly(true);
            cfg.setOpenMode(SQLiteOpenMode.READONLY);
        } else {
            cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
            cfg.setCacheSize(-65_536); // 64 MB: keeps the indexes of a million leads hot while syncing
        }
        return cfg.createConnection("jdbc:sqlite:" + db);
    }

    private static void migrate(Path db, Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            int version = intPragma(st, "user_version");
            if (version > Schema.latestVersion()) {
                throw newer(version);
            }
            if (version == Schema.latestVersion()) {
                return;
            }
            st.execute("BEGIN IMMEDIATE");
            try {
                for (Schema.Migration m : Schema.MIGRATIONS) {
                    if (m.version() <= version) {
                        continue;
                    }
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                    st.execute("PRAGMA user_version = " + m.version());
                    LOG.info("Lead cache {} migrated to schema {}", db, m.version());
                }
                st.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        }
    }

    // ---- pages and forms -------------------------------------------------------------------------

    /** Inserts or updates a page (id, name). Never stores the page token. */
    public void upsertPage(PageInfo page) {
        Objects.requireNonNull(page, "page");
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO pages(id, name, updated_at) VALUES (?,?,?)
                    ON CONFLICT(id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at""")) {
                ps.setString(1, page.id());
                ps.setString(2, page.name() == null ? "" : page.name());
                ps.setLong(3, System.currentTimeMillis());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Inserts or updates the forms of a page as synced (questions, disclaimer, counts, raw JSON). */
    public void upsertForms(String pageId, List<LeadForm> forms) {
        if (forms.isEmpty()) {
            return;
        }
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO forms(id, page_id, name, status, locale, created_time, leads_count, organic_leads_count,
                                      expired_leads_count, questions_json, disclaimer_json, privacy_policy_url,
                                      raw_json, updated_at)
                    VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                    ON CONFLICT(id) DO UPDATE SET
                        page_id = excluded.page_id, name = excluded.name, status = excluded.status,
                        locale = excluded.locale, created_time = excluded.created_time,
                        leads_count = excluded.leads_count, organic_leads_count = excluded.organic_leads_count,
                        expired_leads_count = excluded.expired_leads_count, questions_json = excluded.questions_json,
                        disclaimer_json = excluded.disclaimer_json, privacy_policy_url = excluded.privacy_policy_url,
                        raw_json = excluded.raw_json, updated_at = excluded.updated_at""")) {
                long now = System.currentTimeMillis();
                for (LeadForm f : forms) {
                    bindForm(ps, f, pageId, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    private static void bindForm(PreparedStatement ps, LeadForm f, String pageId, long now) throws SQLException {
        ps.setString(1, f.id());
        ps.setString(2, pageId != null ? pageId : f.pageId());
        ps.setString(3, f.name() == null ? "" : f.name());
        ps.setString(4, f.status());
        ps.setString(5, f.locale());
        ps.setString(6, f.createdTime());
        ps.setLong(7, f.leadsCount());
        ps.setLong(8, f.organicLeadsCount());
        ps.setLong(9, f.expiredLeadsCount());
        ps.setString(10, LeadJson.questionsJson(f.questions()));
        ps.setString(11, LeadJson.disclaimerJson(f.disclaimer()));
        ps.setString(12, f.privacyPolicyUrl());
        ps.setString(13, f.rawJson());
        ps.setLong(14, now);
    }

    public List<StoredPage> pages() {
        return read(c -> {
            List<StoredPage> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.id, p.name,
                           (SELECT count(*) FROM leads l WHERE l.page_id = p.id),
                           (SELECT max(f.last_synced) FROM forms f WHERE f.page_id = p.id)
                    FROM pages p ORDER BY p.name COLLATE NOCASE, p.id""");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredPage(rs.getString(1), rs.getString(2), rs.getLong(3), instant(rs, 4)));
                }
            }
            return out;
        });
    }

    /** Forms of the given pages (all forms when empty), ordered by page then form name. */
    public List<StoredForm> forms(Collection<String> pageIds) {
        List<Object> params = pageIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(pageIds));
        String where = params.isEmpty() ? "" : " WHERE f.page_id IN (" + SqlQuery.marks(params.size()) + ")";
        return read(c -> {
            List<StoredForm> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FORM_COLUMNS
                    + " FROM forms f LEFT JOIN pages p ON p.id = f.page_id" + where
                    + " ORDER BY p.name COLLATE NOCASE, f.page_id, f.name COLLATE NOCASE, f.id")) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(storedForm(rs));
                    }
                }
            }
            return out;
        });
    }

    public Optional<StoredForm> form(String formId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FORM_COLUMNS + " FROM forms f WHERE f.id = ?")) {
                ps.setString(1, formId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(storedForm(rs)) : Optional.<StoredForm>empty();
                }
            }
        });
    }

    private static StoredForm storedForm(ResultSet rs) throws SQLException {
        LeadForm form = new LeadForm(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                LeadJson.questions(rs.getString(10)), LeadJson.disclaimer(rs.getString(11)), rs.getString(12),
                rs.getString(13));
        long wm = rs.getLong(15);
        Long watermark = rs.wasNull() ? null : wm;
        return new StoredForm(form, rs.getLong(16), instant(rs, 14), watermark);
    }

    /** How many leads of each form the cache holds (forms without leads are absent). */
    public Map<String, Long> cachedCountsByForm() {
        return read(c -> {
            Map<String, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT form_id, count(*) FROM leads GROUP BY form_id ORDER BY form_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** How many leads the cache holds. */
    public long totalLeads() {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM leads");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    // ---- leads -----------------------------------------------------------------------------------

    /** The columns of a stored lead compared to decide whether a resync changed it. */
    private record Existing(long rowId, String formId, String pageId, String name, String email, String phone,
                            String raw) {
    }

    /**
     * Upserts one result page of leads of {@code form} in ONE transaction (crash-safe unit).
     * Same lead id twice = one row; last_seen updated, first_seen kept, review kept.
     * name/email/phone columns are derived through {@code form}'s question types ({@link io.leaddesk.model.ContactFields}).
     *
     * @return how many of these leads were new to the cache
     */
    public int upsertLeads(String pageId, LeadForm form, List<Lead> leads, Instant seenAt) {
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(seenAt, "seenAt");
        if (leads.isEmpty()) {
            return 0;
        }
        String page = pageId != null ? pageId : form.pageId();
        // the same lead twice in one page: the last copy wins
        Map<String, Lead> unique = new LinkedHashMap<>();
        for (Lead l : leads) {
            unique.put(l.id(), l);
        }
        // Everything that needs no database is worked out before taking the write lock, so that the forms being
        // synced concurrently prepare their pages in parallel and the lock is held only for SQLite's own work.
        List<Row> rows = new ArrayList<>(unique.size());
        for (Lead l : unique.values()) {
            rows.add(Row.of(l, form, page));
        }
        long seen = seenAt.toEpochMilli();
        return write(c -> {
            Set<String> forgotten = anyForgotten ? forgottenAmong(c, unique.keySet()) : Set.of();
            Map<String, Existing> existing = existing(c, unique.keySet());
            long nextRowId;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(rowid) FROM leads")) {
                nextRowId = (rs.next() ? rs.getLong(1) : 0) + 1;
            }
            int fresh = 0;
            try (PreparedStatement up = c.prepareStatement(UPSERT_LEAD);
                 PreparedStatement json = c.prepareStatement(UPSERT_JSON);
                 PreparedStatement touch = c.prepareStatement("UPDATE leads SET last_seen = ? WHERE rowid = ?");
                 PreparedStatement ftsDel = c.prepareStatement("DELETE FROM leads_fts WHERE rowid = ?");
                 PreparedStatement ftsAdd = c.prepareStatement("INSERT INTO leads_fts(rowid, body) VALUES (?,?)")) {
                int ups = 0, touches = 0, dels = 0;
                for (Row r : rows) {
                    if (!forgotten.isEmpty() && forgotten.contains(r.lead().id())) {
                        continue; // deleted on the person's request: not stored again
                    }
                    Existing old = existing.get(r.lead().id());
                    if (old != null && r.sameAs(old)) {
                        touch.setLong(1, seen);
                        touch.setLong(2, old.rowId());
                        touch.addBatch();
                        touches++;
                        continue;
                    }
                    long rowId;
                    if (old == null) {
                        rowId = nextRowId++;
                        fresh++;
                    } else {
                        rowId = old.rowId();
                        ftsDel.setLong(1, rowId);
                        ftsDel.addBatch();
                        dels++;
                    }
                    bindLead(up, rowId, r.lead(), r.formId(), r.pageId(), r.name(), r.email(), r.phone(), seen);
                    up.addBatch();
                    json.setLong(1, rowId);
                    json.setString(2, r.raw());
                    json.addBatch();
                    ups++;
                    ftsAdd.setLong(1, rowId);
                    ftsAdd.setString(2, r.searchText());
                    ftsAdd.addBatch();
                }
                if (ups > 0) {
                    up.executeBatch();
                    json.executeBatch();
                }
                if (touches > 0) {
                    touch.executeBatch();
                }
                if (dels > 0) {
                    ftsDel.executeBatch();
                }
                if (ups > 0) {
                    ftsAdd.executeBatch();
                }
            }
            return fresh;
        });
    }

    /** A lead with the derived columns it is stored with, worked out before the write transaction. */
    private record Row(Lead lead, String formId, String pageId, String name, String email, String phone, String raw,
                       String searchText) {

        static Row of(Lead l, LeadForm form, String page) {
            ContactFields who = ContactFields.of(form.questions(), l.fieldData());
            String name = who.displayName();
            String email = who.email();
            String phone = who.phone();
            String raw = l.rawJson() != null ? l.rawJson() : LeadJson.synthesize(l);
            String formId = l.formId() != null ? l.formId() : form.id();
            return new Row(l, formId, page, name, email, phone, raw, SearchText.of(l, name, email, phone));
        }

        /** True when a resync brought nothing new for this lead: only last_seen moves. */
        boolean sameAs(Existing old) {
            return Objects.equals(old.raw(), raw) && old.name().equals(name) && old.email().equals(email)
                    && old.phone().equals(phone) && old.formId().equals(formId) && Objects.equals(old.pageId(), pageId);
        }
    }

    private static Set<String> forgottenAmong(Connection c, Collection<String> ids) throws SQLException {
        Set<String> out = new HashSet<>();
        forEachAmong(c, "SELECT lead_id FROM forgotten WHERE lead_id IN ", ids, rs -> out.add(rs.getString(1)));
        return out;
    }

    private static Map<String, Existing> existing(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Existing> out = new HashMap<>();
        forEachAmong(c, "SELECT l.rowid, l.id, l.form_id, l.page_id, l.name, l.email, l.phone, j.raw_json"
                + " FROM leads l LEFT JOIN lead_json j ON j.rowid = l.rowid WHERE l.id IN ", ids,
                rs -> out.put(rs.getString(2), new Existing(rs.getLong(1), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))));
        return out;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql + "(?,?,…)"} over the ids in chunks of at most MAX_PARAMS, handing every result row to {@code row}. */
    private static void forEachAmong(Connection c, String sql, Collection<String> ids, RowReader row) throws SQLException {
        List<String> all = new ArrayList<>(ids);
        for (int start = 0; start < all.size(); start += MAX_PARAMS) {
            List<String> chunk = all.subList(start, Math.min(all.size(), start + MAX_PARAMS));
            try (PreparedStatement ps = c.prepareStatement(sql + "(" + SqlQuery.marks(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        row.read(rs);
                    }
                }
            }
        }
    }

    private static void bindLead(PreparedStatement ps, long rowId, Lead l, String formId, String pageId, String name,
                                 String email, String phone, long seen) throws SQLException {
        ps.setLong(1, rowId);
        ps.setString(2, l.id());
        ps.setString(3, formId);
        ps.setString(4, pageId);
        ps.setLong(5, l.createdEpochSecond());
        ps.setString(6, l.createdTime());
        ps.setString(7, l.adId());
        ps.setString(8, l.adName());
        ps.setString(9, l.adsetId());
        ps.setString(10, l.adsetName());
        ps.setString(11, l.campaignId());
        ps.setString(12, l.campaignName());
        if (l.isOrganic() == null) {
            ps.setNull(13, Types.INTEGER);
        } else {
            ps.setInt(13, l.isOrganic() ? 1 : 0);
        }
        ps.setString(14, l.platform());
        ps.setString(15, name);
        ps.setString(16, email);
        ps.setString(17, phone);
        ps.setLong(18, seen);
        ps.setLong(19, seen);
    }

    /** Records that a pull of {@code formId} completed: its new watermark (Unix seconds, may be null if no leads) and when. */
    public void markFormSynced(String formId, Long watermark, Instant at) {
        Objects.requireNonNull(at, "at");
        int n = write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE forms SET last_synced = ?, watermark = coalesce(?, watermark) WHERE id = ?")) {
                ps.setLong(1, at.toEpochMilli());
                if (watermark == null) {
                    ps.setNull(2, Types.INTEGER);
                } else {
                    ps.setLong(2, watermark);
                }
                ps.setString(3, formId);
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            throw new StoreException("The form " + formId + " is not in the lead cache yet; store the form before"
                    + " marking it synced.");
        }
    }

    public long countLeads(LeadQuery query) {
        SqlQuery q = SqlQuery.of(query, false);
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + q.fromWhere)) {
                bind(ps, q.params);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** Row ids of every lead matching {@code query}, in its order. Cheap enough for 1,000,000 leads (8 MB). */
    public long[] leadRowIds(LeadQuery query) {
        SqlQuery q = SqlQuery.of(query, false);
        if (q.sortMatchesByCreated) {
            long[] sorted = read(c -> matchesByCreated(c, q));
            if (sorted != null) {
                return sorted;
            }
        }
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT l.rowid" + q.fromWhere + q.orderBy)) {
                bind(ps, q.params);
                ps.setFetchSize(10_000);
                long[] ids = new long[1024];
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == ids.length) {
                            ids = Arrays.copyOf(ids, ids.length * 2);
                        }
                        ids[n++] = rs.getLong(1);
                    }
                }
                return Arrays.copyOf(ids, n);
            }
        });
    }

    /**
     * Row ids of a full-text search in created-time order: SQLite hands over the matches' (rowid, created_time)
     * unsorted and Java sorts them packed into one long each (a broad search of 180k matches in a million leads:
     * the SQL sorter took ~100 ms of the ~280). Null when the values do not pack into 63 bits (then SQL sorts).
     */
    private static long[] matchesByCreated(Connection c, SqlQuery q) throws SQLException {
        long[] rowIds = new long[1024];
        long[] created = new long[1024];
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT l.rowid, l.created_time" + q.fromWhere)) {
            bind(ps, q.params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == rowIds.length) {
                        rowIds = Arrays.copyOf(rowIds, n * 2);
                        created = Arrays.copyOf(created, n * 2);
                    }
                    rowIds[n] = rs.getLong(1);
                    created[n++] = rs.getLong(2);
                }
            }
        }
        long minCreated = Long.MAX_VALUE, maxCreated = Long.MIN_VALUE, maxRow = 0;
        for (int i = 0; i < n; i++) {
            minCreated = Math.min(minCreated, created[i]);
            maxCreated = Math.max(maxCreated, created[i]);
            if (rowIds[i] < 0) {
                return null;
            }
            maxRow = Math.max(maxRow, rowIds[i]);
        }
        if (n == 0) {
            return new long[0];
        }
        int rowBits = 64 - Long.numberOfLeadingZeros(maxRow);
        long span = maxCreated - minCreated;
        if (span < 0 || rowBits + (64 - Long.numberOfLeadingZeros(span)) > 63) {
            return null;
        }
        long[] keys = rowIds; // packed in place: (created - min) << rowBits | rowid
        for (int i = 0; i < n; i++) {
            keys[i] = ((created[i] - minCreated) << rowBits) | rowIds[i];
        }
        Arrays.sort(keys, 0, n);
        long mask = rowBits == 0 ? 0 : -1L >>> (64 - rowBits);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[q.descending ? n - 1 - i : i] = keys[i] & mask;
        }
        return out;
    }

    /** Table rows for the given row ids, in the same order (missing ids skipped). */
    public List<LeadRow> rows(long[] rowIds, int from, int to) {
        Objects.checkFromToIndex(from, to, rowIds.length);
        if (from == to) {
            return List.of();
        }
        return read(c -> {
            Map<Long, LeadRow> byId = new HashMap<>((to - from) * 2);
            for (int start = from; start < to; start += MAX_PARAMS) {
                int end = Math.min(to, start + MAX_PARAMS);
                try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS
                        + " FROM leads l LEFT JOIN reviews r ON r.lead_id = l.id WHERE l.rowid IN ("
                        + SqlQuery.marks(end - start) + ")")) {
                    for (int i = start; i < end; i++) {
                        ps.setLong(i - start + 1, rowIds[i]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            LeadRow row = row(rs);
                            byId.put(row.rowId(), row);
                        }
                    }
                }
            }
            List<LeadRow> out = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                LeadRow row = byId.get(rowIds[i]);
                if (row != null) {
                    out.add(row);
                }
            }
            return out;
        });
    }

    /** One window of table rows of {@code query} (OFFSET/LIMIT), for callers that do not keep the id list. */
    public List<LeadRow> rows(LeadQuery query, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        SqlQuery q = SqlQuery.of(query, true);
        return read(c -> {
            List<LeadRow> out = new ArrayList<>(Math.min(limit, 10_000));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ROW_COLUMNS + q.fromWhere + q.orderBy
                    + " LIMIT ? OFFSET ?")) {
                int i = bind(ps, q.params);
                ps.setInt(i++, limit);
                ps.setInt(i, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return out;
        });
    }

    private static LeadRow row(ResultSet rs) throws SQLException {
        int org = rs.getInt(10);
        Boolean organic = rs.wasNull() ? null : org != 0;
        return new LeadRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), organic, rs.getString(11),
                rs.getString(12), status(rs.getString(13)));
    }

    private static ReviewStatus status(String wire) {
        if (wire == null) {
            return ReviewStatus.NEW;
        }
        try {
            return ReviewStatus.parse(wire);
        } catch (IllegalArgumentException e) {
            return ReviewStatus.NEW; // written by a newer LeadDesk with a status this build does not know
        }
    }

    public Optional<StoredLead> lead(String leadId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + LEAD_COLUMNS
                    + " FROM leads l LEFT JOIN reviews r ON r.lead_id = l.id WHERE l.id = ?")) {
                ps.setString(1, leadId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(storedLead(rs)) : Optional.<StoredLead>empty();
                }
            }
        });
    }

    private static StoredLead storedLead(ResultSet rs) throws SQLException {
        RowFallback cols = new RowFallback(rs, rs.getLong(3));
        Lead lead;
        try {
            lead = LeadJson.parse(rs.getString(1), cols);
        } catch (UncheckedSql e) {
            throw e.getCause();
        }
        return new StoredLead(lead, rs.getString(2), Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)), status(rs.getString(6)), rs.getString(7));
    }

    /**
     * The stored columns of the current row, each read only when the raw JSON lacks that field: a usual lead needs
     * none or a few of them, and every column read is a native call (~0.2 us) that a million-row export feels.
     */
    private record RowFallback(ResultSet rs, long createdEpoch) implements LeadJson.Fallback {
        private String text(int col) {
            try {
                return rs.getString(col);
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }

        @Override
        public String id() {
            return text(8);
        }

        @Override
        public String createdRaw() {
            return text(9);
        }

        @Override
        public String formId() {
            return text(10);
        }

        @Override
        public String adId() {
            return text(11);
        }

        @Override
        public String adName() {
            return text(12);
        }

        @Override
        public String adsetId() {
            return text(13);
        }

        @Override
        public String adsetName() {
            return text(14);
        }

        @Override
        public String campaignId() {
            return text(15);
        }

        @Override
        public String campaignName() {
            return text(16);
        }

        @Override
        public Boolean organic() {
            try {
                int org = rs.getInt(17);
                return rs.wasNull() ? null : org != 0;
            } catch (SQLException e) {
                throw new UncheckedSql(e);
            }
        }

        @Override
        public String platform() {
            return text(18);
        }
    }

    private static final class UncheckedSql extends RuntimeException {
        UncheckedSql(SQLException e) {
            super(e);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    /** Streams every matching lead in query order without holding them all in memory. */
    public void forEachLead(LeadQuery query, Consumer<StoredLead> consumer) {
        SqlQuery q = SqlQuery.of(query, true);
        read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + LEAD_COLUMNS + q.fromWhere + q.orderBy,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                bind(ps, q.params);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(storedLead(rs));
                    }
                }
            }
            return null;
        });
    }

    // ---- unparsed streaming (exports parse on another thread) ------------------------------------

    /** How many stored fallback columns there are (8-18 of {@link #LEAD_COLUMNS}, in FALLBACK_COLUMNS order). */
    private static final int FALLBACK_COUNT = 11;
    private static final String FALLBACK_COLUMNS = "l.id, l.created_time_raw, l.form_id, l.ad_id, l.ad_name, l.adset_id,"
            + " l.adset_name, l.campaign_id, l.campaign_name, l.is_organic, l.platform";
    /**
     * The first 7 of LEAD_COLUMNS, then the rowid (8) and a bit per fallback column that is not NULL (9). The fallback
     * columns themselves are not selected: SQLite would decode them for every row (a tenth of the reading time).
     */
    private static final String RAW_LEAD_COLUMNS = "j.raw_json,"
            + " l.page_id, l.created_time, l.first_seen, l.last_seen, r.status, r.note, l.rowid, (l.id IS NOT NULL)"
            + " | ((l.created_time_raw IS NOT NULL) << 1) | ((l.form_id IS NOT NULL) << 2) | ((l.ad_id IS NOT NULL) << 3)"
            + " | ((l.ad_name IS NOT NULL) << 4) | ((l.adset_id IS NOT NULL) << 5) | ((l.adset_name IS NOT NULL) << 6)"
            + " | ((l.campaign_id IS NOT NULL) << 7) | ((l.campaign_name IS NOT NULL) << 8)"
            + " | ((l.is_organic IS NOT NULL) << 9) | ((l.platform IS NOT NULL) << 10)";

    /**
     * Streams the same leads as {@link #forEachLead} (same query, order and columns) without parsing their raw JSON:
     * {@link RawStoredLead#parse()} (on any thread, once the stream has moved on) gives exactly the StoredLead that
     * forEachLead gives. An export reads with this on one thread and parses on another.
     *
     * <p>Only what the parse cannot do without is read here: the raw text (as UTF-8 bytes, decoded by parse) and the
     * columns JSON does not hold. The stored copies of JSON fields (the fallback when the raw JSON lacks a field)
     * are not read: a bit mask says which are NULL, and if the parse needs one that is not (raw JSON that lacks a
     * field its columns have, or damaged JSON: rare, as both come from the same Graph response), parse reads that
     * lead's columns then, by rowid.
     */
    public void forEachRawLead(LeadQuery query, Consumer<RawStoredLead> consumer) {
        SqlQuery q = SqlQuery.of(query, true, true);
        read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RAW_LEAD_COLUMNS + q.fromWhere + q.orderBy,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                bind(ps, q.params);
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(rawStoredLead(rs));
                    }
                }
            }
            return null;
        });
    }

    private RawStoredLead rawStoredLead(ResultSet rs) throws SQLException {
        // the raw text as its UTF-8 bytes: decoding them (most of this thread's work) is left to parse()
        RawStoredLead r = new RawStoredLead(this, rs.getLong(8), rs.getBytes(1), rs.getString(2), rs.getLong(3),
                Instant.ofEpochMilli(rs.getLong(4)), Instant.ofEpochMilli(rs.getLong(5)), status(rs.getString(6)),
                rs.getString(7));
        // NULL fallback columns are known without reading them; the others are read by parse() if it needs them
        r.known = ~rs.getInt(9) & ((1 << FALLBACK_COUNT) - 1);
        return r;
    }

    /** Fallback column {@code i} (0-10) of a result whose fallback columns start at {@code first}. */
    private static Object fallbackColumn(ResultSet rs, int first, int i) throws SQLException {
        if (i == 9) {
            int org = rs.getInt(first + i);
            return rs.wasNull() ? null : org != 0;
        }
        return rs.getString(first + i);
    }

    /** Reads every fallback column of one row (the rare case where a parse asks for one left out while streaming). */
    private Object[] fallbackColumns(long rowid) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + FALLBACK_COLUMNS + " FROM leads l WHERE l.rowid = ?")) {
                ps.setLong(1, rowid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new StoreException("A lead was deleted from the lead cache while it was being read; try again.");
                    }
                    Object[] out = new Object[FALLBACK_COUNT];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = fallbackColumn(rs, 1, i);
                    }
                    return out;
                }
            }
        });
    }

    /**
     * A lead as {@link #forEachRawLead} streams it: the raw JSON text (UTF-8) and the stored columns, not yet parsed.
     * {@link #parse()} gives the StoredLead {@link #forEachLead} gives for the same row. Not thread-safe: hand it over
     * to one other thread (e.g. through a queue) and parse it there.
     */
    public static final class RawStoredLead implements java.util.function.Supplier<StoredLead> {
        private final LeadStore store;
        private final long rowid;
        private final byte[] rawUtf8;
        private final String pageId;
        private final long createdEpoch;
        private final Instant firstSeen;
        private final Instant lastSeen;
        private final ReviewStatus status;
        private final String note;
        /** Fallback columns in FALLBACK_COLUMNS order; bit i of {@code known} set = columns[i] holds the stored value. */
        final Object[] columns = new Object[FALLBACK_COUNT];
        int known;

        RawStoredLead(LeadStore store, long rowid, byte[] rawUtf8, String pageId, long createdEpoch, Instant firstSeen,
                      Instant lastSeen, ReviewStatus status, String note) {
            this.store = store;
            this.rowid = rowid;
            this.rawUtf8 = rawUtf8;
            this.pageId = pageId;
            this.createdEpoch = createdEpoch;
            this.firstSeen = firstSeen;
            this.lastSeen = lastSeen;
            this.status = status;
            this.note = note;
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

        private StoredLead parse(boolean keepRaw) {
            Lead lead = LeadJson.parse(rawUtf8, new LeadJson.Fallback() {
                @Override
                public String id() {
                    return (String) column(0);
                }

                @Override
                public String createdRaw() {
                    return (String) column(1);
                }

                @Override
                public long createdEpoch() {
                    return createdEpoch;
                }

                @Override
                public String formId() {
                    return (String) column(2);
                }

                @Override
                public String adId() {
                    return (String) column(3);
                }

                @Override
                public String adName() {
                    return (String) column(4);
                }

                @Override
                public String adsetId() {
                    return (String) column(5);
                }

                @Override
                public String adsetName() {
                    return (String) column(6);
                }

                @Override
                public String campaignId() {
                    return (String) column(7);
                }

                @Override
                public String campaignName() {
                    return (String) column(8);
                }

                @Override
                public Boolean organic() {
                    return (Boolean) column(9);
                }

                @Override
                public String platform() {
                    return (String) column(10);
                }
            }, keepRaw);
            return new StoredLead(lead, pageId, firstSeen, lastSeen, status, note);
        }

        /** Same as {@link #parse()}. */
        @Override
        public StoredLead get() {
            return parse();
        }

        private Object column(int i) {
            if ((known & (1 << i)) == 0) {
                Object[] all = store.fallbackColumns(rowid);
                for (int j = 0; j < all.length; j++) {
                    if ((known & (1 << j)) == 0) {
                        columns[j] = all[j];
                    }
                }
                known = (1 << all.length) - 1;
            }
            return columns[i];
        }
    }
    // ---- review ----------------------------------------------------------------------------------

    public void setReview(String leadId, ReviewStatus status, String note) {
        Objects.requireNonNull(status, "status");
        int n = write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO reviews(lead_id, status, note, updated_at)
                    SELECT id, ?, ?, ? FROM leads WHERE id = ?
                    ON CONFLICT(lead_id) DO UPDATE SET status = excluded.status, note = excluded.note,
                                                       updated_at = excluded.updated_at""")) {
                ps.setString(1, status.wireName());
                ps.setString(2, note == null || note.isBlank() ? null : note);
                ps.setLong(3, System.currentTimeMillis());
                ps.setString(4, leadId);
                return ps.executeUpdate();
            }
        });
        if (n == 0) {
            throw new StoreException("There is no lead " + leadId + " in the lead cache; sync its form first.");
        }
    }

    // ---- export history --------------------------------------------------------------------------

    /**
     * Records that these leads went into {@code file}; returns the export id. One transaction.
     * The ids are read straight from {@code leadIds} (no copy: a million ids would cost ~100 MB of heap);
     * duplicates and nulls are skipped and the export counts each distinct lead once.
     */
    public long recordExport(String file, String profile, Instant at, Collection<String> leadIds) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leadIds, "leadIds");
        return write(c -> {
            long exportId;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO exports(at, file, profile, lead_count) VALUES (?,?,?,0)")) {
                ps.setLong(1, at.toEpochMilli());
                ps.setString(2, file);
                ps.setString(3, profile);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                exportId = rs.getLong(1);
            }
            // INSERT OR IGNORE: a duplicate id inserts nothing, so the changes add up to the distinct ids. The ids go
            // in as JSON arrays of EXPORT_CHUNK ids (one bound value per chunk instead of one per id: a third less
            // time for a million ids); an id with a control character (never seen in Graph ids) goes in on its own
            long distinct = 0;
            StringBuilder json = new StringBuilder(EXPORT_CHUNK * 20);
            int n = 0;
            try (PreparedStatement chunk = c.prepareStatement("INSERT OR IGNORE INTO export_leads(export_id, lead_id)"
                    + " SELECT ?, value FROM json_each(?)");
                 PreparedStatement one = c.prepareStatement("INSERT OR IGNORE INTO export_leads(export_id, lead_id) VALUES (?,?)")) {
                chunk.setLong(1, exportId);
                one.setLong(1, exportId);
                for (String id : leadIds) {
                    if (id == null) {
                        continue;
                    }
                    if (!appendJsonString(json.append(n == 0 ? '[' : ','), id)) {
                        json.setLength(json.length() - 1);
                        one.setString(2, id);
                        distinct += one.executeUpdate();
                        continue;
                    }
                    if (++n == EXPORT_CHUNK) {
                        distinct += insertLinks(chunk, json);
                        n = 0;
                    }
                }
                if (n > 0) {
                    distinct += insertLinks(chunk, json);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE exports SET lead_count = ? WHERE id = ?")) {
                ps.setLong(1, distinct);
                ps.setLong(2, exportId);
                ps.executeUpdate();
            }
            return exportId;
        });
    }

    private static final int EXPORT_CHUNK = 1000;

    /** Inserts the ids of the JSON array being built in {@code json} (closes it, then empties it). */
    private static int insertLinks(PreparedStatement ps, StringBuilder json) throws SQLException {
        ps.setString(2, json.append(']').toString());
        json.setLength(0);
        return ps.executeUpdate();
    }

    /** Appends {@code id} as a JSON string; false (and nothing appended) when it has a control character. */
    private static boolean appendJsonString(StringBuilder json, String id) {
        int mark = json.length();
        json.append('"');
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch < 0x20) {
                json.setLength(mark);
                return false;
            }
            if (ch == '"' || ch == '\\') {
                json.append('\\');
            }
            json.append(ch);
        }
        json.append('"');
        return true;
    }

    /** Exports a lead went into, newest first. */
    public List<ExportRecord> exportsOf(String leadId) {
        return read(c -> {
            List<ExportRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT e.id, e.at, e.file, e.profile, e.lead_count
                    FROM exports e JOIN export_leads x ON x.export_id = e.id
                    WHERE x.lead_id = ? ORDER BY e.at DESC, e.id DESC""")) {
                ps.setString(1, leadId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ExportRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                                rs.getString(4), rs.getLong(5)));
                    }
                }
            }
            return out;
        });
    }

    // ---- privacy ---------------------------------------------------------------------------------

    /**
     * Deletes everything the cache holds about one lead (row, search index, review, export links) on the person's
     * request; a later sync does not store it again (see {@link #deleteLeads}).
     */
    public boolean deleteLead(String leadId) {
        return !deleteLeads(List.of(leadId)).isEmpty();
    }

    /**
     * Deletes these leads (with their reviews and export links) in one go, leaving no trace in the files (see
     * {@link #erase}), and remembers their ids so that no later sync stores them again; returns the ids that were
     * in the cache.
     */
    public Set<String> deleteLeads(Collection<String> leadIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(leadIds));
        if (ids.isEmpty()) {
            return Set.of();
        }
        Set<String> present = read(c -> {
            Set<String> out = new HashSet<>();
            forEachAmong(c, "SELECT id FROM leads WHERE id IN ", ids, rs -> out.add(rs.getString(1)));
            return out;
        });
        Set<String> found = new LinkedHashSet<>();
        for (String id : ids) {
            if (present.contains(id)) {
                found.add(id);
            }
        }
        if (!found.isEmpty()) {
            anyForgotten = true; // before the erase commits, so that a sync writing meanwhile already looks them up
            List<Object> params = new ArrayList<>(found);
            long now = System.currentTimeMillis();
            erase(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO forgotten(lead_id, at) VALUES (?,?)")) {
                    for (String id : found) {
                        ps.setString(1, id);
                        ps.setLong(2, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                int n = 0;
                for (int start = 0; start < params.size(); start += MAX_PARAMS) {
                    List<Object> chunk = params.subList(start, Math.min(params.size(), start + MAX_PARAMS));
                    n += deleteWhere(c, "id IN (" + SqlQuery.marks(chunk.size()) + ")", chunk);
                }
                return n;
            });
        }
        return found;
    }

    /** Deletes every lead created before {@code epochSecond} (Unix seconds) with its review and export links. */
    public int purgeOlderThan(long epochSecond) {
        return erase(c -> deleteWhere(c, "created_time < ?", List.of(epochSecond)));
    }

    /**
     * Deletes leads so that nothing of them stays readable in the cache files (a privacy request must not leave the
     * person's answers in free pages): SQLite's secure_delete zeroes the freed content, the full-text index is
     * rebuilt without the deleted rows' words, and the WAL, which still holds earlier page images, is checkpointed
     * and truncated. Costs a few seconds on a very large cache; forgetting is rare.
     */
    private int erase(Work<Integer> delete) {
        int deleted = write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA secure_delete = ON");
            }
            try {
                int n = delete.run(c);
                if (n > 0) {
                    try (Statement st = c.createStatement()) {
                        st.execute("INSERT INTO leads_fts(leads_fts) VALUES ('optimize')");
                    }
                }
                return n;
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA secure_delete = OFF");
                }
            }
        });
        if (deleted > 0) {
            truncateWal();
        }
        return deleted;
    }

    /** Copies the WAL into the database and empties it; if readers hold it, they finish first (busy timeout). */
    private void truncateWal() {
        writeLock.lock();
        try (Statement st = writer.createStatement(); ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            if (rs.next() && rs.getInt(1) != 0) {
                LOG.warn("The WAL could not be emptied after deleting leads (readers busy); it will be at the next checkpoint");
            }
        } catch (SQLException e) {
            throw writeFailure(e);
        } finally {
            writeLock.unlock();
        }
    }

    private static int deleteWhere(Connection c, String where, List<?> params) throws SQLException {
        String victims = "SELECT rowid FROM leads WHERE " + where;
        String victimIds = "SELECT id FROM leads WHERE " + where;
        for (String sql : new String[] {
                "DELETE FROM leads_fts WHERE rowid IN (" + victims + ")",
                "DELETE FROM lead_json WHERE rowid IN (" + victims + ")",
                "DELETE FROM reviews WHERE lead_id IN (" + victimIds + ")",
                "DELETE FROM export_leads WHERE lead_id IN (" + victimIds + ")"}) {
            execute(c, sql, params);
        }
        return execute(c, "DELETE FROM leads WHERE " + where, params);
    }

    private static int execute(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return ps.executeUpdate();
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one IMMEDIATE transaction on the write connection; rolls back on any failure. */
    private <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            try (Statement st = writer.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                throw writeFailure(e);
            }
            try {
                T result = work.run(writer);
                try (Statement st = writer.createStatement()) {
                    st.execute("COMMIT");
                }
                return result;
            } catch (SQLException e) {
                rollback(writer);
                throw writeFailure(e);
            } catch (RuntimeException | Error e) {
                rollback(writer);
                throw e;
            }
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T read(Work<T> work) {
        ensureOpen();
        Connection c = null;
        try {
            c = borrowReader();
            return work.run(c);
        } catch (SQLException e) {
            if (isDamage(e)) {
                throw damaged(file, reason(e));
            }
            throw new StoreException("Could not read the lead cache at " + file + ": " + reason(e) + ".", e);
        } finally {
            if (c != null) {
                giveBack(c);
            }
        }
    }

    private Connection borrowReader() throws SQLException {
        Connection c = idleReaders.pollFirst();
        if (c != null) {
            return c;
        }
        c = connect(file, false);
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA query_only = 1");
            st.execute("PRAGMA cache_size = -16384");
            // reads straight from the OS page cache instead of a read() per 4 KB page: a million-lead export or a
            // broad search walks most of the file (reads only; the writer keeps ordinary I/O)
            st.execute("PRAGMA mmap_size = " + READER_MMAP);
        }
        return c;
    }

    private void giveBack(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            closeQuietly(c);
            return;
        }
        if (closed || idleReaders.size() >= MAX_IDLE_READERS) {
            closeQuietly(c);
        } else {
            idleReaders.offerFirst(c);
            if (closed && idleReaders.remove(c)) { // closed meanwhile
                closeQuietly(c);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("The lead cache at " + file + " is closed.");
        }
    }

    private StoreException writeFailure(SQLException e) {
        if (isDamage(e)) {
            return damaged(file, reason(e));
        }
        if (code(e) == SQLiteErrorCode.SQLITE_CONSTRAINT) {
            return new StoreException("Could not write to the lead cache at " + file + ": " + reason(e)
                    + "; nothing of this change was stored and nothing already stored was lost.", e);
        }
        return new StoreException("Could not write to the lead cache at " + file + ": " + reason(e)
                + ". Free some disk space or choose another data folder; nothing already stored was lost.", e);
    }

    private static SQLiteErrorCode code(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode rc = se.getResultCode();
            // extended codes map to their primary code
            return SQLiteErrorCode.getErrorCode(rc.code & 0xff);
        }
        return SQLiteErrorCode.UNKNOWN_ERROR;
    }

    private static boolean isDamage(SQLException e) {
        SQLiteErrorCode c = code(e);
        return c == SQLiteErrorCode.SQLITE_CORRUPT || c == SQLiteErrorCode.SQLITE_NOTADB;
    }

    /** A short human reason for a SQLite failure (never a stack trace). */
    private static String reason(SQLException e) {
        return switch (code(e)) {
            case SQLITE_FULL -> "the disk is full";
            case SQLITE_IOERR -> "the disk reported an input/output error";
            case SQLITE_READONLY -> "the file or its folder is read-only";
            case SQLITE_PERM, SQLITE_AUTH -> "permission denied";
            case SQLITE_CANTOPEN -> "the file could not be opened";
            case SQLITE_BUSY, SQLITE_LOCKED -> "another program (or a second LeadDesk) keeps it locked";
            case SQLITE_CORRUPT -> "its contents are corrupt";
            case SQLITE_NOTADB -> "it is not a SQLite database";
            case SQLITE_CONSTRAINT -> "a lead or form was incomplete (missing id)";
            default -> "the database reported an error (" + code(e).name() + ")";
        };
    }

    private static void rollback(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException e) {
            // no transaction open (SQLite already rolled back, e.g. after SQLITE_FULL)
            LOG.debug("rollback: {}", e.getMessage());
        }
    }

    private static int bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("close: {}", e.getMessage());
        }
    }

    /** For tests: caps the database size in pages so that a write fails as on a full disk. */
    void limitPagesForTest(long maxPages) {
        writeLock.lock();
        try (Statement st = writer.createStatement()) {
            st.execute("PRAGMA max_page_count = " + maxPages);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Connection c;
        while ((c = idleReaders.pollFirst()) != null) {
            closeQuietly(c);
        }
        writeLock.lock();
        try {
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }
}
