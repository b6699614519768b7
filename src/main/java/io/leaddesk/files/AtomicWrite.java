package io.leaddesk.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;

/**
 * Writes a file so that it is either all there or not changed at all, whatever happens meanwhile (a crash, kill -9,
 * a full disk, another process saving the same file): the content goes to a uniquely named temp file next to the
 * target ({@link TempFiles}), created owner-only (rw------- where the file system has POSIX permissions) and locked
 * while written; it is flushed and fsynced, then renamed over the target (atomically where the file system allows),
 * and the folder is fsynced where the OS allows, so the rename itself survives a power loss. On any failure the temp
 * file is deleted and the target is left as it was.
 *
 * <p>A target that is replaced keeps its permissions (LeadDesk respects what its user set); a new one is owner-only.
 * The target's folder must exist. Settings, export profiles and exports are all written through here.
 */
public final class AtomicWrite {

    /** Opens the stream the temp file is written through; the file exists (empty, owner-only) when this is called. */
    @FunctionalInterface
    public interface Opener {
        OutputStream open(Path tempFile) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<OpenOption> CREATE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private AtomicWrite() {
    }

    /**
     * Writes {@code target} with what {@code body} writes, replacing it if it exists; first removes the stale temp
     * files of earlier writes of the same target (a process killed while saving).
     *
     * @throws IOException what the file system said; the target is then unchanged and no temp file is left
     */
    public static void write(Path target, IOConsumer<OutputStream> body) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        TempFiles.removeStale(t.getParent(), t.getFileName().toString(), Instant.now());
        try (Pending p = begin(t, null)) {
            body.accept(p.stream());
            p.commit(true);
        }
    }

    /**
     * Starts writing {@code target}: creates its temp file (owner-only, locked) and opens it. Write to
     * {@link Pending#stream()}, then {@link Pending#commit(boolean)}; closing a Pending that was not committed deletes
     * the temp file.
     *
     * @param opener how the temp file is opened; null = through the locked channel itself (what production uses; a
     *               seam for tests that simulate a full disk or a permission problem)
     */
    public static Pending begin(Path target, Opener opener) throws IOException {
        Path t = target.toAbsolutePath().normalize();
        Path dir = t.getParent();
        if (dir == null) {
            throw new IOException("A file needs a folder: " + t);
        }
        for (int attempt = 1; ; attempt++) {
            Path temp = TempFiles.register(dir.resolve(TempFiles.name(t.getFileName().toString(), RANDOM.nextLong())));
            FileChannel ch = null;
            try {
                ch = FileChannel.open(temp, CREATE, ownerOnly(dir));
                lock(ch); // held until the channel closes
                OutputStream out = opener == null ? new ChannelStream(ch) : opener.open(temp);
                return new Pending(t, temp, ch, out);
            } catch (FileAlreadyExistsException e) {
                TempFiles.unregister(temp);
                if (attempt >= 5) {
                    throw e;
                }
            } catch (IOException | RuntimeException e) {
                closeQuietly(ch);
                if (ch != null) {
                    deleteQuietly(temp);
                }
                TempFiles.unregister(temp);
                throw e;
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static FileLock lock(FileChannel ch) {
        try {
            return ch.tryLock(TempFiles.LOCK_POSITION, 1, false);
        } catch (IOException | UnsupportedOperationException e) {
            return null; // a file system without locks: stale detection falls back on the file's age
        }
    }

    /** One write in progress: the temp file, its stream, its lock. Not thread-safe. */
    public static final class Pending implements Closeable {
        private final Path target;
        private final Path temp;
        private final FileChannel channel;
        private final OutputStream stream;
        private boolean done;

        private Pending(Path target, Path temp, FileChannel channel, OutputStream stream) {
            this.target = target;
            this.temp = temp;
            this.channel = channel;
            this.stream = stream;
        }

        /** The file this write replaces or creates (absolute). */
        public Path target() {
            return target;
        }

        /** The temp file being written. */
        public Path temp() {
            return temp;
        }

        /** Where the content goes; closing it is allowed (commit closes it anyway). */
        public OutputStream stream() {
            return stream;
        }

        /**
         * Flushes, fsyncs and renames the temp file over the target; then fsyncs the folder where the OS allows.
         *
         * @param replace whether an existing target may be replaced; when not, an existing target (even one that
         *                appeared meanwhile) fails with {@link FileAlreadyExistsException} and is left as it is
         */
        public void commit(boolean replace) throws IOException {
            if (done) {
                throw new IllegalStateException("already finished");
            }
            stream.flush();
            stream.close();
            channel.force(true);
            if (replace) {
                keepPermissions();
            }
            channel.close(); // releases the lock: the file is fresh, so no sweeper takes it for stale before the rename
            move(replace);
            done = true;
            TempFiles.unregister(temp);
            syncFolder(target.getParent());
        }

        private void keepPermissions() {
            try {
                if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                        && temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS));
                }
            } catch (IOException | RuntimeException e) {
                // the new file stays owner-only: stricter, never looser
            }
        }

        private void move(boolean replace) throws IOException {
            if (replace) {
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                return;
            }
            // a hard link fails if the target exists, atomically: no window in which a file that appeared meanwhile is replaced
            boolean linked = false;
            try {
                Files.createLink(target, temp);
                linked = true;
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (IOException | UnsupportedOperationException e) {
                // no hard links on this file system: a plain move, which also refuses an existing target
            }
            if (linked) {
                deleteQuietly(temp);
            } else {
                Files.move(temp, target);
            }
        }

        /** Deletes the temp file unless committed. */
        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            try {
                stream.close();
            } catch (IOException | RuntimeException e) {
                // the write already failed or was abandoned; the file goes anyway
            }
            closeQuietly(channel);
            deleteQuietly(temp);
            TempFiles.unregister(temp);
        }
    }

    /** Fsyncs a folder so that a rename in it is durable; does nothing where the OS cannot open folders (Windows). */
    static void syncFolder(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // not possible here; the rename is as durable as the OS makes it
        }
    }

    private static void closeQuietly(Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // nothing left to do with it
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a later write's sweep removes it once stale
        }
    }

    /** Writes straight into the channel; closing it leaves the channel open (commit still has to fsync it). */
    private static final class ChannelStream extends OutputStream {
        private final FileChannel ch;
        private boolean closed;

        ChannelStream(FileChannel ch) {
            this.ch = ch;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("Stream closed");
            }
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
