package io.leaddesk.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Dates on the command line: {@code 2025-10-08} (a day in the computer's time zone), an ISO 8601 instant with
 * offset ({@code 2025-10-08T09:09:27+03:00}), or Unix seconds.
 */
final class Dates {
    private Dates() {
    }

    /** Start of the given moment or day, Unix seconds (inclusive lower bound). */
    static long since(String text, ZoneId zone) {
        return parse(text, zone, false);
    }

    /** Exclusive upper bound: a day counts whole (until 2025-10-08 includes all of that day). */
    static long until(String text, ZoneId zone) {
        return parse(text, zone, true);
    }

    private static long parse(String text, ZoneId zone, boolean endOfDay) {
        String t = text.strip();
        try {
            if (t.matches("\\d{9,11}")) {
                return Long.parseLong(t) + (endOfDay ? 1 : 0);
            }
            if (t.length() == 10) {
                LocalDate d = LocalDate.parse(t);
                return (endOfDay ? d.plusDays(1) : d).atStartOfDay(zone).toEpochSecond();
            }
            try {
                return OffsetDateTime.parse(t).toEpochSecond() + (endOfDay ? 1 : 0);
            } catch (DateTimeParseException e) {
                return Instant.parse(t).getEpochSecond() + (endOfDay ? 1 : 0);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new CliException(ExitCode.USAGE, "'" + text + "' is not a date: use YYYY-MM-DD, an ISO 8601 time such as 2025-10-08T09:00:00+03:00, or Unix seconds.");
        }
    }
}
