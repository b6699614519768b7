package io.leaddesk.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The one formatter of times and counts for display: local time zone, the formats of the app's language
 * ({@code 1,234} and {@code 12/1/2026 14:05} in English, {@code 1 234} and {@code 01.12.2026 14:05} in Ukrainian).
 * Pure Java, no FX. ViewModels take it from the composition root.
 */
public final class Formats {
    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final DateTimeFormatter longDateTime;

    public Formats(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.locale = locale;
        String datePattern = fullYear(DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.SHORT, null,
                IsoChronology.INSTANCE, locale));
        String timePattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(null, FormatStyle.SHORT,
                IsoChronology.INSTANCE, locale);
        this.date = DateTimeFormatter.ofPattern(datePattern, locale).withZone(zone);
        this.dateTime = DateTimeFormatter.ofPattern(datePattern + " " + timePattern, locale).withZone(zone);
        this.longDateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
    }

    /** A short date pattern with a four-digit year ({@code M/d/yy} → {@code M/d/yyyy}), so dates are never ambiguous. */
    static String fullYear(String pattern) {
        return pattern.replaceAll("(?<!y)y{1,2}(?!y)", "yyyy");
    }

    public ZoneId zone() {
        return zone;
    }

    public Locale locale() {
        return locale;
    }

    /** e.g. 10/8/2025 12:09 PM in English, 08.10.2025 12:09 in Ukrainian, in the local zone; "" for 0. */
    public String dateTime(long epochSecond) {
        return epochSecond <= 0 ? "" : dateTime.format(Instant.ofEpochSecond(epochSecond));
    }

    public String dateTime(Instant at) {
        return at == null ? "" : dateTime.format(at);
    }

    /** e.g. 10/8/2025 in English, 08.10.2025 in Ukrainian; "" for null. */
    public String date(Instant at) {
        return at == null ? "" : date.format(at);
    }

    public String longDateTime(long epochSecond) {
        return longDateTime.format(Instant.ofEpochSecond(epochSecond)) + " (" + zone.getId() + ")";
    }

    public String count(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }
}
