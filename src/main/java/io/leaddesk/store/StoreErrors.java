package io.leaddesk.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite failures as the one-sentence {@link StoreException}s the store promises (never a class name or trace). */
final class StoreErrors {

    private StoreErrors() {
    }

    static StoreException damaged(Path db, String why) {
        return damaged(db, why, null);
    }

    static StoreException damaged(Path db, String why, Throwable cause) {
        return new StoreException("The lead cache at " + db + " is damaged or not a LeadDesk database (" + why
                + "): move it aside or choose another data folder and LeadDesk will start a new cache and sync again;"
                + " the file was left as it is and your leads are not deleted.", cause, "store.damaged", db.toString());
    }

    /** The reason given when SQLite itself finds the contents broken (reads and the write check say the same). */
    static final String CORRUPT = "its contents are corrupt";

    static StoreException readOnly(Path db) {
        return new StoreException("The lead cache is read-only (" + db + "); LeadDesk can show and export its leads"
                + " but cannot sync, review or forget until you make the file, its -wal and -shm files and its folder"
                + " writable for your user, or choose another data folder.", null, "store.readOnly", db.toString());
    }

    static StoreException newer(int version) {
        return new StoreException("This database was written by a newer version of LeadDesk (schema " + version
                + "); install the newer LeadDesk or choose another data folder.", null, "store.newer", version);
    }

    static StoreException closed(Path db) {
        return new StoreException("The lead cache at " + db + " is closed.");
    }

    static StoreException readFailure(Path db, SQLException e) {
        if (isDamage(e)) {
            return damaged(db, reason(e), e);
        }
        return new StoreException("Could not read the lead cache at " + db + ": " + reason(e) + ".", e, "store.read", db.toString());
    }

    static StoreException writeFailure(Path db, SQLException e) {
        if (isDamage(e)) {
            return damaged(db, reason(e), e);
        }
        if (code(e) == SQLiteErrorCode.SQLITE_READONLY) {
            return readOnly(db);
        }
        if (code(e) == SQLiteErrorCode.SQLITE_CONSTRAINT) {
            return new StoreException("Could not write to the lead cache at " + db + ": " + reason(e)
                    + "; nothing of this change was stored and nothing already stored was lost.", e, "store.write", db.toString());
        }
        if (code(e) == SQLiteErrorCode.SQLITE_PERM || code(e) == SQLiteErrorCode.SQLITE_AUTH) {
            return new StoreException("Could not write to the lead cache at " + db + ": " + reason(e)
                    + "; make the file and its folder writable for your user or choose another data folder;"
                    + " nothing already stored was lost.", e, "store.write.permission", db.toString());
        }
        return new StoreException("Could not write to the lead cache at " + db + ": " + reason(e)
                + ". Free some disk space or choose another data folder; nothing already stored was lost.", e, "store.write", db.toString());
    }

    static StoreException openFailure(Path db, SQLException e) {
        if (isDamage(e)) {
            return damaged(db, reason(e), e);
        }
        return new StoreException("Could not open the lead cache at " + db + ": " + reason(e)
                + ". Check that the data folder is writable, or choose another data folder.", e, "store.open", db.toString());
    }

    static SQLiteErrorCode code(SQLException e) {
        if (e instanceof SQLiteException se) {
            SQLiteErrorCode rc = se.getResultCode();
            // extended codes map to their primary code
            return SQLiteErrorCode.getErrorCode(rc.code & 0xff);
        }
        return SQLiteErrorCode.UNKNOWN_ERROR;
    }

    static boolean isDamage(SQLException e) {
        SQLiteErrorCode c = code(e);
        return c == SQLiteErrorCode.SQLITE_CORRUPT || c == SQLiteErrorCode.SQLITE_NOTADB;
    }

    static boolean isBusy(SQLException e) {
        SQLiteErrorCode c = code(e);
        return c == SQLiteErrorCode.SQLITE_BUSY || c == SQLiteErrorCode.SQLITE_LOCKED;
    }

    /** A short human reason for a SQLite failure (never a stack trace). */
    static String reason(SQLException e) {
        return switch (code(e)) {
            case SQLITE_FULL -> "the disk is full";
            case SQLITE_IOERR -> "the disk reported an input/output error";
            case SQLITE_READONLY -> "the file or its folder is read-only";
            case SQLITE_PERM, SQLITE_AUTH -> "permission denied";
            case SQLITE_CANTOPEN -> "the file could not be opened";
            case SQLITE_BUSY, SQLITE_LOCKED -> "another program (or a second LeadDesk) keeps it locked";
            case SQLITE_CORRUPT -> CORRUPT;
            case SQLITE_NOTADB -> "it is not a SQLite database";
            case SQLITE_CONSTRAINT -> "a lead or form was incomplete (missing id)";
            default -> "the database reported an error (" + code(e).name() + ")";
        };
    }
}
