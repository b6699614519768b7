package io.leaddesk.ui.access;

import io.leaddesk.access.Finding;
import io.leaddesk.access.TokenLifetime;
import io.leaddesk.access.TokenType;
import io.leaddesk.ui.Messages;
import io.leaddesk.i18n.MessageText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.TimeZone;

/**
 * How the app words what the access doctor found: a {@link Finding}'s sentence and fix from the app's bundle (dates in
 * the app's time zone), a token's kind, when it expires and how long it has left. Pure Java, no FX.
 */
public final class AccessText {
    private final Messages m;
    private final ZoneId zone;
    private final DateTimeFormatter dates;

    public AccessText(Messages messages, ZoneId zone) {
        this.m = messages;
        this.zone = zone;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(zone);
    }

    /** What is wrong, in the app's words (the finding's own English when the bundle has no such key). */
    public String message(Finding f) {
        return text(f.messageKey(), f.args(), f.message());
    }

    /** What to do and where in Meta. */
    public String fix(Finding f) {
        return text(f.fixKey(), f.args(), f.fix());
    }

    /** Both, as one notice: "This token expires on … Make this token last …". */
    public String notice(Finding f) {
        return message(f) + " " + fix(f);
    }

    private String text(String key, List<Object> args, String english) {
        if (key == null || !m.has(key)) {
            return english == null ? "" : english;
        }
        return new MessageText(m.locale(), TimeZone.getTimeZone(zone)).format(m.get(key), args.toArray());
    }

    public String kind(TokenType t) {
        return switch (t == null ? TokenType.UNKNOWN : t) {
            case USER -> m.get("access.kind.user");
            case PAGE -> m.get("access.kind.page");
            case SYSTEM_USER -> m.get("access.kind.system_user");
            case UNKNOWN -> m.get("access.kind.unknown");
        };
    }

    /** e.g. 25 January 2027 at 10:00 in the app's time zone. */
    public String date(Instant at) {
        return at == null ? m.get("access.expiry.unknown") : dates.format(at);
    }

    /** "3 days", "5 hours", "58 minutes" (rounded down; "less than a minute" at the end). */
    public String duration(Duration d) {
        long days = d.toDays();
        if (days >= 2) {
            return m.format("access.left.days", days);
        }
        long hours = d.toHours();
        if (hours >= 2) {
            return m.format("access.left.hours", hours);
        }
        return m.format("access.left.minutes", Math.max(0, d.toMinutes()));
    }

    /** When the token expires: "never", "unknown", "25 January 2027 at 10:00 (55 days left)", "expired on …". */
    public String expiry(TokenLifetime life, Clock clock) {
        if (life.neverExpires()) {
            return m.get("access.expiry.never");
        }
        if (life.expiresAt() == null) {
            return m.get("access.expiry.unknown");
        }
        if (life.expired(clock)) {
            return m.format("access.expiry.expiredOn", date(life.expiresAt()));
        }
        return m.format("access.expiry.at", date(life.expiresAt()), duration(life.left(clock).orElseThrow()));
    }

    /** When data access expires, or "unknown". */
    public String dataAccess(TokenLifetime life) {
        return life.dataAccessExpiresAt() == null ? m.get("access.expiry.unknown") : date(life.dataAccessExpiresAt());
    }
}
