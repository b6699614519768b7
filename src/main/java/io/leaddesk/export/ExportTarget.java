package io.leaddesk.export;

import io.leaddesk.files.AtomicWrite;
import io.leaddesk.files.TempFiles;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an export goes, decided by what the chosen name is on disk:
 * <ul>
 *   <li>nothing, or a regular file (replaced only when allowed): written through {@link AtomicWrite}, so the file
 *       appears only when complete (temp file {@code .<name>.partial-<random>}, owner-only, fsynced, renamed);</li>
 *   <li>a pipe (FIFO) or a character device such as {@code /dev/null} or a terminal: written directly, as a shell
 *       redirection would, never replaced by a regular file (nothing is replaced, so this needs no permission to
 *       overwrite; a cancel or a failure cannot take back what was already written into it);</li>
 *   <li>a symbolic link: followed (chains too) and its target treated by its kind; the link stays a link. A link to
 *       nothing is written as a new file where it points;</li>
 *   <li>a folder, a block device (a disk) or a socket: refused with a sentence.</li>
 * </ul>
 */
final class ExportTarget {

    private static final Logger LOG = LoggerFactory.getLogger(ExportTarget.class);
    private static final int MAX_LINKS = 40;
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private final Path file;
    private final boolean stream;

    private ExportTarget(Path file, boolean stream) {
        this.file = file;
        this.stream = stream;
    }

    /** The file written: the chosen name, or where its symbolic link points (absolute). */
    Path file() {
        return file;
    }

    /** True for a pipe or a character device: written directly, once (no temp file, no second pass). */
    boolean stream() {
        return stream;
    }

    /**
     * What {@code out} is, for an export that may replace an existing file when {@code overwrite} is set.
     *
     * @throws ExportException (one sentence) for a folder, a device that is not a pipe or character device, a missing
     *                         folder, an existing file without {@code overwrite}, a name too long, a permission problem
     */
    static ExportTarget resolve(Path out, boolean overwrite) {
        Path requested = out.toAbsolutePath().normalize();
        Path p = requested;
        for (int links = 0; ; links++) {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                a = null;
            } catch (IOException e) {
                throw ExportFailures.io(e, p, false, e);
            }
            if (a == null) {
                Path dir = p.getParent();
                if (dir == null || !Files.isDirectory(dir)) {
                    throw ExportFailures.input("The folder " + dir + " does not exist; choose an existing folder.");
                }
                return new ExportTarget(p, false);
            }
            if (a.isSymbolicLink()) {
                if (links >= MAX_LINKS) {
                    throw ExportFailures.input(requested + " is a chain of too many symbolic links; choose a file name.");
                }
                try {
                    p = p.resolveSibling(Files.readSymbolicLink(p)).toAbsolutePath().normalize();
                } catch (IOException e) {
                    throw ExportFailures.io(e, p, false, e);
                }
                continue;
            }
            String what = p.equals(requested) ? requested.toString() : requested + " (a link to " + p + ")";
            if (a.isDirectory()) {
                throw ExportFailures.input(what + " is a folder; choose a file name.");
            }
            if (a.isRegularFile()) {
                if (!overwrite) {
                    throw ExportFailures.exists(requested);
                }
                return new ExportTarget(p, false);
            }
            int type = fileType(p);
            if (type == S_IFBLK) {
                throw ExportFailures.input(what + " is a disk device; LeadDesk only writes files, pipes and terminals. Choose a file name.");
            }
            if (type == S_IFSOCK) {
                throw ExportFailures.input(what + " is a socket, which cannot be written as a file; choose a file name.");
            }
            return new ExportTarget(p, true); // a FIFO, a character device (or, where the OS cannot tell, another special file)
        }
    }

    /** The file type bits of a special file (POSIX {@code st_mode & S_IFMT}); S_IFIFO where the OS cannot tell. */
    private static int fileType(Path p) {
        try {
            Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return mode instanceof Integer m ? m & S_IFMT : S_IFIFO;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return S_IFIFO;
        }
    }

    /**
     * Removes the stale temp files of earlier exports (and saves) in the target's folder (see {@link TempFiles}):
     * those a killed export left behind. Nothing for a pipe or device.
     */
    void removeStalePartials(Instant now) {
        if (stream) {
            return;
        }
        List<Path> removed = TempFiles.removeStale(file.getParent(), now);
        if (!removed.isEmpty()) {
            LOG.info("Removed {} partial export file(s) an interrupted export left in {}", removed.size(), file.getParent());
        }
    }

    /** Starts writing: a temp file next to the target (opened by {@code opener}, null = the default), or the stream itself. */
    Writing begin(AtomicWrite.Opener opener) throws IOException {
        if (stream) {
            return new Writing(null, Files.newOutputStream(file, StandardOpenOption.WRITE));
        }
        return new Writing(AtomicWrite.begin(file, opener), null);
    }

    /** One attempt at writing the target. Closing it without {@link #commit} abandons it (deletes the temp file). */
    static final class Writing implements Closeable {
        private final AtomicWrite.Pending pending;
        private final OutputStream direct;

        private Writing(AtomicWrite.Pending pending, OutputStream direct) {
            this.pending = pending;
            this.direct = direct;
        }

        OutputStream stream() {
            return pending != null ? pending.stream() : direct;
        }

        /** Makes the written content the target ({@link AtomicWrite.Pending#commit}), or flushes the stream. */
        void commit(boolean replace) throws IOException {
            if (pending != null) {
                pending.commit(replace);
            } else {
                direct.flush();
                direct.close();
            }
        }

        @Override
        public void close() {
            if (pending != null) {
                pending.close();
            } else {
                try {
                    direct.close();
                } catch (IOException e) {
                    // what could be written was written; the failure that got us here is reported
                }
            }
        }
    }
}
