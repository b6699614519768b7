package io.leaddesk.diagnostics;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * A java.util.logging handler writing {@code leaddesk.log}, capped in size: when the next record would pass
 * {@code limit} bytes the file becomes {@code leaddesk.log.1} (the older ones move up, the oldest beyond
 * {@code files} is deleted) and a new one starts. The folder is readable by its owner only (700) and so are the
 * files (600), where the file system has POSIX permissions. Each record is flushed, so a crash keeps what led to it.
 */
final class RollingLogFile extends Handler {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final Path file;
    private final long limit;
    private final int files;
    private OutputStream out;
    private long size;
    private boolean closed;

    /**
     * @param file  the current log file; its folder is created when missing
     * @param limit the size of one file, in bytes
     * @param files how many files are kept, the current one included (at least 1)
     */
    RollingLogFile(Path file, long limit, int files) throws IOException {
        this.file = file;
        this.limit = limit;
        this.files = Math.max(1, files);
        Path dir = file.toAbsolutePath().getParent();
        if (POSIX) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
            Files.setPosixFilePermissions(dir, FOLDER);
        } else {
            Files.createDirectories(dir);
        }
        open();
    }

    Path file() {
        return file;
    }

    /** The file that {@code index} rotations ago was the current one ({@code 0} = the current file). */
    static Path generation(Path file, int index) {
        return index == 0 ? file : file.resolveSibling(file.getFileName() + "." + index);
    }

    private void open() throws IOException {
        if (!Files.exists(file)) {
            try {
                FileAttribute<?>[] attrs = POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
                Files.createFile(file, attrs);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another LeadDesk created it meanwhile: append to it
            }
        }
        if (POSIX) {
            Files.setPosixFilePermissions(file, FILE);
        }
        out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), 8192);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        out.close();
        out = null;
        Files.deleteIfExists(generation(file, files - 1));
        for (int i = files - 2; i >= 0; i--) {
            try {
                Files.move(generation(file, i), generation(file, i + 1), StandardCopyOption.REPLACE_EXISTING);
            } catch (NoSuchFileException e) {
                // that generation does not exist yet
            }
        }
        open();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        String text;
        try {
            text = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError(null, e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (out == null) {
                open();
            }
            if (size > 0 && size + bytes.length > limit) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            reportError(null, e, ErrorManager.WRITE_FAILURE);
        }
    }

    @Override
    public synchronized void flush() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                reportError(null, e, ErrorManager.FLUSH_FAILURE);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                reportError(null, e, ErrorManager.CLOSE_FAILURE);
            }
            out = null;
        }
    }
}
