package io.leaddesk.ui;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Formatting of times and counts for display (local time zone, the user's locale). Pure Java, no FX. */
public final class Formats {
    private final ZoneId zone;
    private final Locale locale;
    private final DateTimeFormatter dateTime;

    public Formats(ZoneId zone, Locale locale) {
        this.zone = zone;
        this.locale = locale;
        this.dateTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale).withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** e.g. 2025-10-08 12:09 in the local zone; "" for 0. */
    public String dateTime(long epochSecond) {
        return epochSecond <= 0 ? "" : dateTime.format(Instant.ofEpochSecond(epochSecond));
    }

    public String dateTime(Instant at) {
        return at == null ? "" : dateTime.format(at);
    }

    public String longDateTime(long epochSecond) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone)
                .format(Instant.ofEpochSecond(epochSecond)) + " (" + zone.getId() + ")";
    }

    public String count(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }
}
