package io.leaddesk.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Formatting of times and counts for display. One date format everywhere (the leads table, the tree, the lead detail,
 * the export history): the user's locale's medium date with its short time ("Dec 1, 2026, 8:29 AM" in English,
 * "01.12.2026, 08:29" in Ukrainian), in the computer's time zone. The zone is named once where it matters
 * ({@link #zoneName()}: the lead detail's created line, the Created column's tooltip, the export dialog). Pure Java, no FX.
 */
public final class Formats {
    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final PathText paths;
    private final DateTimeFormatter day;
    private final List<DateTimeFormatter> typedDays;

    /** With this computer's home folder for paths ({@link PathText#system()}). */
    public Formats(ZoneId zone, Locale locale) {
        this(zone, locale, PathText.system());
    }

    /** @param paths how folders and files are written ("~/Documents" on Linux and macOS) */
    public Formats(ZoneId zone, Locale locale, PathText paths) {
        this.paths = paths;
        this.zone = zone;
        this.locale = locale;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone);
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        String shortPattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale);
        this.typedDays = List.of(day, DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale),
                DateTimeFormatter.ofPattern(shortPattern.replace("yy", "y").replace("yy", "y"), locale),
                DateTimeFormatter.ISO_LOCAL_DATE);
    }

    public ZoneId zone() {
        return zone;
    }

    public Locale locale() {
        return locale;
    }

    /** Folders and files as a user reads them: the home folder as "~" on Linux and macOS. */
    public PathText paths() {
        return paths;
    }

    /** e.g. "Dec 1, 2026, 8:29 AM" in the local zone; "" for 0. */
    public String dateTime(long epochSecond) {
        return epochSecond <= 0 ? "" : dateTime.format(Instant.ofEpochSecond(epochSecond));
    }

    public String dateTime(Instant at) {
        return at == null ? "" : dateTime.format(at);
    }

    /** The date alone, in the same style ("Dec 1, 2026"); "" for null. */
    public String date(Instant at) {
        return at == null ? "" : date.format(at);
    }

    /** A day as the date fields show it, in the same medium date ("Dec 1, 2026"); "" for null. */
    public String date(LocalDate d) {
        return d == null ? "" : day.format(d);
    }

    /**
     * A day typed in a date field: the medium date as shown ("Dec 1, 2026"), the language's short date ("12/1/26",
     * "01.12.2026") or ISO ("2026-12-01"); null when blank or no date.
     */
    public LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (DateTimeFormatter f : typedDays) {
            try {
                return LocalDate.parse(text.strip(), f);
            } catch (DateTimeParseException e) {
                // the next way of writing it
            }
        }
        return null;
    }

    /** The same format with the zone named once: "Dec 1, 2026, 8:29 AM (Eastern European Time)". */
    public String dateTimeWithZone(long epochSecond) {
        return dateTime(epochSecond) + " (" + zoneName() + ")";
    }

    /** The computer's time zone as people name it ("Eastern European Time"), its id when the locale has no name. */
    public String zoneName() {
        String name = zone.getDisplayName(TextStyle.FULL, locale);
        return name == null || name.isBlank() ? zone.getId() : name;
    }

    public String count(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }
}
