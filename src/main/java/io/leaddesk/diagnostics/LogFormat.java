package io.leaddesk.diagnostics;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * One line per record, {@code 2026-01-05T10:11:12.345+0200 WARN  [thread] Logger - message}, with the SLF4J level
 * names the code uses (DEBUG, not FINE), the stack trace below when asked for, and everything passed through
 * {@link Redaction}.
 */
final class LogFormat extends Formatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private final boolean stackTraces;
    private final boolean withTime;
    private final ZoneId zone = ZoneId.systemDefault();

    /**
     * @param stackTraces whether a record's exception is printed with its stack trace (else it is left out: the command
     *                    line shows stack traces only with --debug)
     * @param withTime    whether lines start with the time (the file: yes; the command line's stderr: no)
     */
    LogFormat(boolean stackTraces, boolean withTime) {
        this.stackTraces = stackTraces;
        this.withTime = withTime;
    }

    static String levelName(Level l) {
        int v = l.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return "ERROR";
        }
        if (v >= Level.WARNING.intValue()) {
            return "WARN";
        }
        if (v >= Level.INFO.intValue()) {
            return "INFO";
        }
        if (v >= Level.FINE.intValue()) {
            return "DEBUG";
        }
        return "TRACE";
    }

    @Override
    public String format(LogRecord r) {
        StringBuilder sb = new StringBuilder(160);
        if (withTime) {
            sb.append(TIME.format(Instant.ofEpochMilli(r.getMillis()).atZone(zone))).append(' ');
        }
        String level = levelName(r.getLevel());
        sb.append(level).append(" ".repeat(Math.max(1, 6 - level.length())));
        if (withTime) {
            sb.append('[').append(Thread.currentThread().getName()).append("] ");
        }
        String logger = r.getLoggerName() == null ? "" : r.getLoggerName();
        sb.append(logger.substring(logger.lastIndexOf('.') + 1)).append(" - ").append(formatMessage(r));
        Throwable t = r.getThrown();
        if (t != null && stackTraces) {
            StringWriter w = new StringWriter();
            try (PrintWriter p = new PrintWriter(w)) {
                t.printStackTrace(p);
            }
            sb.append(System.lineSeparator()).append(w.toString().stripTrailing());
        }
        return Redaction.redact(sb.toString()) + System.lineSeparator();
    }
}
