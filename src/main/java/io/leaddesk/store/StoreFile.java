package io.leaddesk.store;

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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache file on disk: the checks made before SQLite writes a byte (ours, not too new, not damaged), the folder and
 * file LeadDesk creates (owner-only; what it did not create keeps the permissions its owner gave it), whether the cache
 * can be written at all, and the schema migrations.
 */
final class StoreFile {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFile.class);

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** How the cache can be opened. */
    enum Access {
        /** Read and write (WAL). */
        WRITABLE,
        /** Read only: the file (or its folder) is not writable, but SQLite can share the WAL index. */
        READ_ONLY,
        /** Read only, and not even a WAL index can be made: nobody can be writing the file. */
        IMMUTABLE
    }

    private StoreFile() {
    }

    /**
     * Opens (creating if needed) the database at {@code db}; refuses a database written by a newer LeadDesk, untouched.
     *
     * @param forced the access to open with regardless of the permissions (tests; as root every file is writable), or
     *               null to decide from them
     */
    static Database open(Path db, Access forced) {
        prepareFolder(db.getParent());
        if (Files.isDirectory(db)) {
            throw StoreErrors.damaged(db, "it is a folder, not a file");
        }
        int version;
        if (Files.exists(db)) {
            // read-only: nothing is written before we know the file is ours and not too new
            version = inspectExisting(db, forced == Access.IMMUTABLE ? Access.IMMUTABLE : readOnlyAccess(db));
        } else {
            createOwnerOnly(db);
            version = 0;
        }
        Access access = forced != null ? forced : access(db);
        if (access != Access.WRITABLE) {
            if (version == 0) {
                throw new StoreException("The lead cache at " + db + " is read-only and empty; make it and its"
                        + " folder writable for your user, or choose another data folder.");
            }
            LOG.info("Lead cache opened read-only: {}", db);
            return new Database(db, null, access);
        }
        Connection w = null;
        try {
            w = Database.connect(db, Access.WRITABLE);
            try (Statement st = w.createStatement()) {
                st.execute("PRAGMA wal_autocheckpoint = 10000"); // checkpoint every ~40 MB of WAL, not every 4 MB
            }
            Database database = new Database(db, w, Access.WRITABLE);
            migrate(db, w, database);
            SortIndexes.ensure(w, database);
            LOG.info("Lead cache opened: {}", db);
            return database;
        } catch (SQLException e) {
            Database.closeQuietly(w);
            throw StoreErrors.openFailure(db, e);
        } catch (RuntimeException e) {
            Database.closeQuietly(w);
            throw e;
        }
    }

    /**
     * Writable when this user may write the file, the WAL files SQLite keeps beside it (where they exist), and either
     * the folder or both WAL files already there (SQLite must be able to make them).
     */
    static Access access(Path db) {
        Path wal = side(db, "-wal");
        Path shm = side(db, "-shm");
        boolean sidesWritable = (!Files.exists(wal) || Files.isWritable(wal)) && (!Files.exists(shm) || Files.isWritable(shm));
        if (Files.isWritable(db) && sidesWritable && (folderWritable(db) || Files.exists(wal) && Files.exists(shm))) {
            return Access.WRITABLE;
        }
        return readOnlyAccess(db);
    }

    /** READ_ONLY when a WAL index exists or can be made; IMMUTABLE otherwise (SQLite could not open it at all). */
    private static Access readOnlyAccess(Path db) {
        if (folderWritable(db) || Files.exists(side(db, "-shm")) && Files.exists(side(db, "-wal"))) {
            return Access.READ_ONLY;
        }
        return Access.IMMUTABLE;
    }

    private static boolean folderWritable(Path db) {
        Path dir = db.getParent();
        return dir == null || Files.isWritable(dir);
    }

    static Path side(Path db, String suffix) {
        return db.resolveSibling(db.getFileName() + suffix);
    }

    /** Creates the data folder owner-only if it is missing; an existing folder is left as its owner set it. */
    private static void prepareFolder(Path dir) {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        try {
            if (posix(dir.getRoot() == null ? Path.of(".") : dir.getRoot())) {
                Path existing = dir;
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                // only the folders created just now (the umask may have narrowed them; never widened)
                for (Path p = dir; p != null && !p.equals(existing); p = p.getParent()) {
                    restrict(p, true);
                }
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new StoreException("Could not create the data folder " + dir + ": " + ioReason(e)
                    + ". Choose another data folder.", e);
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void createOwnerOnly(Path db) {
        try {
            if (posix(db)) {
                Files.createFile(db, PosixFilePermissions.asFileAttribute(OWNER_FILE));
                restrict(db, false);
            } else {
                Files.createFile(db);
            }
        } catch (FileAlreadyExistsException e) {
            // another process created it in between: inspect happens through SQLite below
        } catch (IOException e) {
            throw new StoreException("Could not create the lead cache at " + db + ": " + ioReason(e)
                    + ". Check that the data folder is writable, or choose another data folder.", e);
        }
    }

    /** Owner-only permissions on a file or folder LeadDesk just created, where the file system has POSIX permissions. */
    private static void restrict(Path p, boolean dir) {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            view.setPermissions(dir ? OWNER_DIR : OWNER_FILE);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Could not make {} private to this user: {}", p, e.getMessage());
        }
    }

    private static String ioReason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "a folder on its path does not exist";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? "input/output error" : e.getMessage();
    }

    /**
     * Checks an existing file without writing to it: SQLite header, LeadDesk database, schema not too new.
     *
     * @return its schema version (0 for an empty file)
     */
    private static int inspectExisting(Path db, Access readOnly) {
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
            throw new StoreException("Could not read the lead cache at " + db + ": " + ioReason(e)
                    + ". Check its permissions, or choose another data folder.", e);
        }
        if (size == 0) {
            return 0; // an empty file is an empty database
        }
        if (read < head.length || !Arrays.equals(head, SQLITE_MAGIC)) {
            throw StoreErrors.damaged(db, "it is not a SQLite database");
        }
        try (Connection c = Database.connect(db, readOnly); Statement st = c.createStatement()) {
            int version = Database.intPragma(st, "user_version");
            int appId = Database.intPragma(st, "application_id");
            if (version > Schema.latestVersion()) {
                throw StoreErrors.newer(version);
            }
            if (appId != 0 && appId != Schema.APPLICATION_ID) {
                throw StoreErrors.damaged(db, "it belongs to another program");
            }
            if (version == 0) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    if (rs.next() && rs.getLong(1) > 0) {
                        throw StoreErrors.damaged(db, "it holds tables of another program");
                    }
                }
            }
            return version;
        } catch (SQLException e) {
            if (StoreErrors.isDamage(e)) {
                throw StoreErrors.damaged(db, StoreErrors.reason(e));
            }
            throw new StoreException("Could not read the lead cache at " + db + ": " + StoreErrors.reason(e)
                    + ". Check its permissions, or choose another data folder.", e);
        }
    }

    /** Applies the migrations the file lacks, all in one transaction, after checking the file is not damaged. */
    private static void migrate(Path db, Connection c, Database database) throws SQLException {
        try (Statement st = c.createStatement()) {
            int version = Database.intPragma(st, "user_version");
            if (version > Schema.latestVersion()) {
                throw StoreErrors.newer(version);
            }
            if (version == Schema.latestVersion()) {
                return;
            }
            if (version > 0) {
                database.checkBeforeMigration();
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
                Database.rollback(c);
                throw e;
            }
        }
    }
}
