package io.leaddesk.diagnostics;

import io.leaddesk.store.DataFolder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import org.sqlite.SQLiteConfig;

/**
 * The text behind "Copy diagnostics", for a support e-mail: LeadDesk's version, the operating system, Java and
 * JavaFX, the data folder, each database's schema version and size, and the last lines of the log. It holds no
 * token, app secret or lead data: the log never had them, and it passes through {@link Redaction} once more.
 */
public final class Diagnostics {
    public static final int LOG_LINES = 200;

    private Diagnostics() {
    }

    /** LeadDesk's version from the jar's manifest, or "development build" when run from classes. */
    public static String version() {
        String v = Diagnostics.class.getPackage() == null ? null : Diagnostics.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "development build" : v;
    }

    /** The report for the data folder {@code dataFolder} (reads the databases read-only and the log; call off the UI thread). */
    public static String report(Path dataFolder) {
        StringBuilder sb = new StringBuilder(16_384);
        String nl = System.lineSeparator();
        sb.append("LeadDesk diagnostics (no access tokens, app secrets or lead data are included)").append(nl);
        sb.append("Created: ").append(Instant.now().atZone(ZoneId.systemDefault())).append(nl);
        sb.append("Version: ").append(version()).append(nl);
        sb.append("Operating system: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(" (").append(System.getProperty("os.arch")).append(')').append(nl);
        sb.append("Java: ").append(System.getProperty("java.version")).append(" (").append(System.getProperty("java.vendor"))
                .append(", ").append(System.getProperty("java.vm.name")).append(')').append(nl);
        sb.append("JavaFX: ").append(System.getProperty("javafx.runtime.version", "not loaded")).append(nl);
        sb.append("Locale and time zone: ").append(Locale.getDefault()).append(", ").append(ZoneId.systemDefault()).append(nl);
        sb.append("Data folder: ").append(dataFolder).append(nl);
        sb.append("Database: ").append(database(dataFolder, DataFolder.databaseFile(dataFolder))).append(nl);
        Path demo = DataFolder.databaseFile(dataFolder.resolve("demo"));
        if (Files.exists(demo)) {
            sb.append("Demo database: ").append(database(dataFolder, demo)).append(nl);
        }
        Path log = Logs.logFile(dataFolder);
        sb.append("Log file: ").append(log).append(Files.exists(log) ? "" : " (none yet)").append(nl);
        sb.append("Last ").append(LOG_LINES).append(" log lines:").append(nl);
        for (String line : lastLines(log, LOG_LINES)) {
            sb.append(line).append(nl);
        }
        return Redaction.redact(sb.toString());
    }

    /** Schema version, size and lead count of a database file (named relative to the data folder), or why they cannot be read. */
    static String database(Path dataFolder, Path file) {
        String name = dataFolder.relativize(file).toString();
        if (!Files.exists(file)) {
            return name + ", not created yet";
        }
        StringBuilder sb = new StringBuilder(name);
        try {
            sb.append(", ").append(megabytes(Files.size(file)));
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            if (Files.exists(wal)) {
                sb.append(", write-ahead log ").append(megabytes(Files.size(wal)));
            }
        } catch (IOException e) {
            sb.append(", size unknown (").append(e.getMessage()).append(')');
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(2000);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement()) {
            sb.append(", schema version ").append(intOf(st, "PRAGMA user_version"));
            sb.append(String.format(Locale.ROOT, ", application id 0x%08X", intOf(st, "PRAGMA application_id")));
            try {
                sb.append(String.format(Locale.ROOT, ", %,d leads", intOf(st, "SELECT count(*) FROM leads")));
            } catch (SQLException e) {
                sb.append(", no leads table");
            }
        } catch (SQLException e) {
            sb.append(", cannot be opened: ").append(e.getMessage());
        }
        return sb.toString();
    }

    private static long intOf(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** The last {@code n} lines of the log, reaching into the previous files when the current one has fewer. */
    static Deque<String> lastLines(Path log, int n) {
        Deque<String> lines = new ArrayDeque<>(n + 1);
        for (int g = 0; g < Logs.FILES && lines.size() < n; g++) {
            Path f = RollingLogFile.generation(log, g);
            if (!Files.isRegularFile(f)) {
                break;
            }
            Deque<String> tail = tail(f, n - lines.size());
            while (!tail.isEmpty()) {
                lines.addFirst(tail.removeLast());
            }
        }
        return lines;
    }

    private static Deque<String> tail(Path f, int n) {
        Deque<String> lines = new ArrayDeque<>(n + 1);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(f),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.addLast(line);
                if (lines.size() > n) {
                    lines.removeFirst();
                }
            }
        } catch (IOException e) {
            lines.addLast("(" + f.getFileName() + " cannot be read: " + e.getMessage() + ")");
        }
        return lines;
    }
}
