package io.leaddesk.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The temporary files {@link AtomicWrite} writes before renaming them over their target: named
 * {@code .<target name>.partial-<16 hex digits>} in the target's folder, owner-only, and locked by the process that
 * writes them for as long as it writes.
 *
 * <p><b>Stale temp files.</b> A process killed while writing (kill -9, power loss) leaves its temp file behind. Such a
 * file is <em>stale</em> when no live writer holds it:
 * <ul>
 *   <li>this process is not writing it (a registry of the temp files this JVM is writing: this JVM never even opens
 *       those, because on POSIX systems closing any handle of a file drops every lock the process holds on it);</li>
 *   <li>no other process holds its lock (an exclusive OS lock on one byte far past the content, so it never blocks
 *       writes, even where locks are mandatory; the OS drops it when the writer dies, however it dies);</li>
 *   <li>and it is untouched (modification time) for at least {@link #GRACE}, which covers the instant between creating
 *       a temp file and locking it; where the file system cannot lock at all, for at least {@link #GRACE_WITHOUT_LOCKS}
 *       (a live writer touches its file continuously).</li>
 * </ul>
 * A file of that naming that this process may not open for writing (another user's) is never stale. Names are matched
 * with 1 to 16 hex digits, so the leftovers of older LeadDesk versions (shorter random parts) are found too.
 */
public final class TempFiles {

    static final String MARK = ".partial-";
    private static final Pattern NAME = Pattern.compile("\\..+\\.partial-[0-9a-f]{1,16}");
    /** The byte the writer locks: far past any content, so the lock never blocks writes through other handles. */
    static final long LOCK_POSITION = Long.MAX_VALUE - 2;
    /** An unlocked temp file untouched this long is stale. */
    public static final Duration GRACE = Duration.ofSeconds(10);
    /** Where the file system cannot lock, a temp file untouched this long is stale. */
    public static final Duration GRACE_WITHOUT_LOCKS = Duration.ofMinutes(15);
    /** The longest file name most file systems allow, in UTF-8 bytes; temp names are kept within it. */
    private static final int MAX_NAME_BYTES = 255;

    /** The temp files this JVM is writing (absolute, normalised). */
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();

    private TempFiles() {
    }

    /**
     * The temp name for a target named {@code targetName}: {@code .<name>.partial-<16 hex digits>}; when that would
     * exceed 255 UTF-8 bytes the name part is shortened, so a long (but valid) target name still gets a temp file.
     */
    static String name(String targetName, long random) {
        String suffix = MARK + String.format("%016x", random);
        String name = targetName;
        int budget = MAX_NAME_BYTES - 1 - suffix.length();
        if (name.getBytes(StandardCharsets.UTF_8).length > budget) {
            StringBuilder sb = new StringBuilder();
            int bytes = 0;
            for (int i = 0; i < name.length(); ) {
                int cp = name.codePointAt(i);
                int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (bytes + n > budget) {
                    break;
                }
                sb.appendCodePoint(cp);
                bytes += n;
                i += Character.charCount(cp);
            }
            name = sb.toString();
        }
        return "." + name + suffix;
    }

    /** Whether {@code fileName} has the naming of LeadDesk's temp files. */
    public static boolean isTempName(String fileName) {
        return fileName != null && NAME.matcher(fileName).matches();
    }

    static Path register(Path temp) {
        Path p = temp.toAbsolutePath().normalize();
        LIVE.add(p);
        return p;
    }

    static void unregister(Path temp) {
        LIVE.remove(temp.toAbsolutePath().normalize());
    }

    /** The stale temp files in {@code folder} (see the class comment); empty when the folder cannot be read. */
    public static List<Path> stale(Path folder, Instant now) {
        return sweep(folder, null, now, false);
    }

    /** Deletes the stale temp files in {@code folder}; returns those deleted. Never throws for a file it cannot delete. */
    public static List<Path> removeStale(Path folder, Instant now) {
        return sweep(folder, null, now, true);
    }

    /** As {@link #removeStale(Path, Instant)}, only for the temp files of the target named {@code targetName}. */
    static List<Path> removeStale(Path folder, String targetName, Instant now) {
        return sweep(folder, "." + targetName + MARK, now, true);
    }

    private static List<Path> sweep(Path folder, String prefix, Instant now, boolean delete) {
        List<Path> out = new ArrayList<>();
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*" + MARK + "*")) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (isTempName(name) && (prefix == null || name.startsWith(prefix)) && staleThen(p, now, delete)) {
                    out.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder has no temp files we could remove; a folder that changes meanwhile is looked at again next time
        }
        return out;
    }

    /** Whether {@code p} is stale; when it is and {@code delete} is set, deletes it while holding its lock. */
    private static boolean staleThen(Path p, Instant now, boolean delete) {
        if (LIVE.contains(p)) {
            return false;
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return false;
        }
        if (!a.isRegularFile()) {
            return false;
        }
        Duration age = Duration.between(a.lastModifiedTime().toInstant(), now);
        if (age.compareTo(GRACE) < 0) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock;
            try {
                lock = ch.tryLock(LOCK_POSITION, 1, false);
            } catch (OverlappingFileLockException e) {
                return false;
            } catch (IOException | UnsupportedOperationException e) {
                return age.compareTo(GRACE_WITHOUT_LOCKS) >= 0 && (!delete || deleted(p));
            }
            if (lock == null) {
                return false; // a live writer in another process holds it
            }
            return !delete || deleted(p);
        } catch (IOException e) {
            return false; // not ours to open: not ours to remove
        }
    }

    private static boolean deleted(Path p) {
        try {
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            return false;
        }
    }
}
