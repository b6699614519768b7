package io.leaddesk.export;

import io.leaddesk.files.TempFiles;
import io.leaddesk.model.FailureKind;
import io.leaddesk.store.StoreException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Turns what went wrong during an export into one {@link ExportException}: one plain sentence (what happened, what to
 * do; no Java class or exception name) and its kind. {@link FailureKind#INPUT} for what the user chose (a name that
 * exists, is a folder or is too long, a missing folder, a character the chosen encoding cannot hold, too many rows for
 * a spreadsheet); {@link FailureKind#STORAGE} for the disk and permissions (full, read-only, permission denied) and the
 * cache; {@link FailureKind#BUG} for anything unexpected.
 */
final class ExportFailures {

    private ExportFailures() {
    }

    static ExportException exists(Path file) {
        return new ExportException(FailureKind.INPUT,
                "The file " + file + " already exists; choose another name or allow replacing it (--force).", null,
                "export.error.exists", List.of(file.toString()));
    }

    static ExportException input(String sentence) {
        return new ExportException(FailureKind.INPUT, sentence);
    }

    /** A failure while planning or reading, before anything is written under {@code target} (null: a preview). */
    static ExportException read(Throwable e, Path target) {
        String where = target == null ? "" : " Nothing was written under " + target.getFileName() + ".";
        if (e instanceof ExportException ee) {
            return ee;
        }
        StoreException se = find(e, StoreException.class);
        if (se != null) {
            return new ExportException(se.failureKind(), "Could not read the leads: " + se.getMessage() + where, e,
                    se.messageKey(), se.messageArgs());
        }
        ExportException inner = find(e, ExportException.class);
        if (inner != null) {
            return inner;
        }
        IOException io = find(e, IOException.class);
        if (io != null) {
            return new ExportException(FailureKind.STORAGE, "Could not read the leads: " + reason(io) + "." + where, e);
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new ExportException(FailureKind.BUG, "The export stopped because of an unexpected problem in LeadDesk."
                + where + " Please report it (the log, or --debug on the command line, has the details).", e);
    }

    /**
     * A failure while writing {@code target}.
     *
     * @param stream the target is a pipe or device written directly (nothing could be held back from it)
     */
    static ExportException write(Throwable e, Path target, boolean stream) {
        if (e instanceof ExportException ee) {
            return ee;
        }
        if (find(e, CharacterCodingException.class) != null) {
            return new ExportException(FailureKind.INPUT, "Some leads contain characters the chosen encoding cannot hold;"
                    + (stream ? " the export to " + target + " stopped there." : " nothing was written under " + target.getFileName() + ".")
                    + " Export as UTF-8 instead.", e, "export.error.encoding", List.of());
        }
        if (find(e, StoreException.class) == null) {
            IOException io = find(e, IOException.class);
            if (io != null) {
                return io(io, target, stream, e);
            }
        }
        return read(e, target);
    }

    /** What a file system failure means for the user, about {@code target} (the file the export writes). */
    static ExportException io(IOException io, Path target, boolean stream, Throwable whole) {
        Path dir = target.getParent();
        String name = target.getFileName() == null ? target.toString() : target.getFileName().toString();
        String reason = reason(io);
        String r = reason.toLowerCase(Locale.ROOT);
        String nothing = stream ? "" : " Nothing was written under that name;";
        if (io instanceof FileAlreadyExistsException && !stream) {
            return exists(target);
        }
        if (r.contains("name too long") || r.contains("filename or extension is too long")) {
            return new ExportException(FailureKind.INPUT, "The file name " + shorten(name) + " is too long for the file system of "
                    + dir + "; choose a shorter name.", whole, "export.error.nameTooLong", List.of(String.valueOf(dir)));
        }
        if (io instanceof AccessDeniedException || r.contains("permission denied") || r.contains("operation not permitted")
                || r.contains("access is denied")) {
            return new ExportException(FailureKind.STORAGE, "Permission denied: LeadDesk may not write "
                    + (inFolder(io, target) ? "files in the folder " + dir : "to " + deniedPath(io, target))
                    + (stream ? "." : "; nothing was written under " + name + ".")
                    + " Choose another folder, or ask for write access.", whole, "export.error.denied", List.of(String.valueOf(dir)));
        }
        if (r.contains("read-only file system")) {
            return new ExportException(FailureKind.STORAGE, "The folder " + dir + " is on a read-only file system"
                    + (stream ? "." : "; nothing was written under " + name + ".") + " Choose another folder.", whole,
                    "export.error.readOnly", List.of(String.valueOf(dir)));
        }
        if (io instanceof NoSuchFileException && !stream) {
            return new ExportException(FailureKind.INPUT, "The folder " + dir + " does not exist (any more); choose an existing folder.", whole,
                    "export.error.noFolder", List.of(String.valueOf(dir)));
        }
        if (r.contains("no space left") || r.contains("quota") || r.contains("not enough space")) {
            return new ExportException(FailureKind.STORAGE, "Could not write " + target + ": " + reason + "."
                    + (stream ? " Free space or choose another file." : nothing + " free space or choose another folder."), whole,
                    "export.error.noSpace", List.of(target.toString()));
        }
        return new ExportException(FailureKind.STORAGE, "Could not write " + target + ": " + reason + "."
                + (stream ? " Choose another file." : nothing + " choose another folder."), whole,
                "export.error.write", List.of(target.toString()));
    }

    /** Whether the permission was refused on the folder (creating the temp file there, or renaming in it). */
    private static boolean inFolder(IOException io, Path target) {
        if (!(io instanceof FileSystemException fse) || fse.getFile() == null) {
            return true;
        }
        Path p = Path.of(fse.getFile());
        return p.getFileName() == null || TempFiles.isTempName(p.getFileName().toString()) || p.equals(target.getParent());
    }

    private static Path deniedPath(IOException io, Path target) {
        return io instanceof FileSystemException fse && fse.getFile() != null ? Path.of(fse.getFile()) : target;
    }

    /** What the OS said, without the path (the sentence names it) and never a Java class name. */
    private static String reason(IOException io) {
        String s = io instanceof FileSystemException fse ? fse.getReason() : io.getMessage();
        if (s == null || s.isBlank()) {
            return io instanceof AccessDeniedException ? "permission denied" : "input/output error";
        }
        return s.strip();
    }

    private static String shorten(String name) {
        return name.length() <= 40 ? name : name.substring(0, 37) + "...";
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
