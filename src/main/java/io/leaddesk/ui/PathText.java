package io.leaddesk.ui;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Folders and files the way a user reads them: on Linux and macOS the home folder is written "~"
 * ({@code ~/Documents/leads.csv}); Windows keeps the whole path, as its own dialogs do. What the user types back is
 * read the same way ({@code ~/x.csv} is the file in the home folder). Pure Java, no FX.
 */
public final class PathText {
    private final Path home;
    private final boolean abbreviate;

    /**
     * @param home       the user's home folder (null: none, nothing is abbreviated)
     * @param abbreviate whether the home folder is written "~" (not on Windows)
     */
    public PathText(Path home, boolean abbreviate) {
        this.home = home == null ? null : home.toAbsolutePath().normalize();
        this.abbreviate = abbreviate && home != null;
    }

    /** For a computer running {@code osName} ("Linux", "Mac OS X", "Windows 11") with this home folder. */
    public static PathText of(String osName, Path home) {
        return new PathText(home, !(osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows")));
    }

    /** This computer's: its OS and the user's home folder. */
    public static PathText system() {
        String home = System.getProperty("user.home");
        try {
            return of(System.getProperty("os.name"), home == null || home.isBlank() ? null : Path.of(home));
        } catch (InvalidPathException e) {
            return new PathText(null, false);
        }
    }

    /** The home folder this text abbreviates (null when none). */
    public Path home() {
        return home;
    }

    /** {@code /home/olena/Documents/leads.csv} as "~/Documents/leads.csv"; other paths whole. "" for null. */
    public String show(Path p) {
        if (p == null) {
            return "";
        }
        if (abbreviate && p.isAbsolute()) {
            Path n = p.normalize();
            if (n.equals(home)) {
                return "~";
            }
            if (n.startsWith(home)) {
                return "~" + p.getFileSystem().getSeparator() + home.relativize(n);
            }
        }
        return p.toString();
    }

    /** A path kept as text (the export history): shown the same way; text that is no path stays as it is. */
    public String show(String path) {
        if (path == null || path.isBlank()) {
            return path == null ? "" : path;
        }
        try {
            return show(Path.of(path));
        } catch (InvalidPathException e) {
            return path;
        }
    }

    /**
     * What the user typed, as a path: "~" and "~/…" stand for the home folder where it is written so.
     *
     * @throws InvalidPathException when the text names no path on this computer
     */
    public Path read(String text) {
        String t = text.strip();
        if (abbreviate && (t.equals("~") || t.startsWith("~/") || t.startsWith("~" + home.getFileSystem().getSeparator()))) {
            String rest = t.substring(1).replaceFirst("^[/\\\\]+", "");
            return rest.isEmpty() ? home : home.resolve(rest);
        }
        return Path.of(t);
    }
}
