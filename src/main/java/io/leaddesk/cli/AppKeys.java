package io.leaddesk.cli;

import io.leaddesk.access.AppCredentials;
import io.leaddesk.access.TokenLifetime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The Meta app's id and secret from LEADDESK_APP_ID and LEADDESK_APP_SECRET, and how expiry dates are printed. */
final class AppKeys {
    private AppKeys() {
    }

    /** Both variables set: the app's credentials; else null (checked: a bad app id fails with exit 2). */
    static AppCredentials optional(CliEnvironment env) {
        String id = env.config().appId();
        String secret = env.config().appSecret();
        return id == null || secret == null ? null : new AppCredentials(id, secret);
    }

    /** Both variables, or exit 2 with a sentence saying which is missing. */
    static AppCredentials required(CliEnvironment env, String forWhat) {
        String id = env.config().appId();
        String secret = env.config().appSecret();
        if (id == null || secret == null) {
            String missing = id == null && secret == null ? "LEADDESK_APP_ID and LEADDESK_APP_SECRET"
                    : id == null ? "LEADDESK_APP_ID" : "LEADDESK_APP_SECRET";
            throw new CliException(ExitCode.USAGE, forWhat + " needs the Meta app's id and secret: set " + missing
                    + " (Meta for Developers > your app > App settings > Basic).");
        }
        return new AppCredentials(id, secret);
    }

    /** ISO 8601 (seconds), or null. */
    static String iso(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** "2027-01-25T10:00:00Z (in 55 days)", "never", "unknown (Meta did not say)". */
    static String expiry(TokenLifetime life, Clock clock) {
        if (life.neverExpires()) {
            return "never";
        }
        if (life.expiresAt() == null) {
            return "unknown (Meta did not say)";
        }
        Duration left = Duration.between(clock.instant(), life.expiresAt());
        return iso(life.expiresAt()) + " (" + human(left) + ")";
    }

    static String human(Duration left) {
        if (left.isNegative() || left.isZero()) {
            return "expired";
        }
        long days = left.toDays();
        if (days >= 2) {
            return "in " + days + " days";
        }
        long hours = left.toHours();
        if (hours >= 2) {
            return "in " + hours + " hours";
        }
        long minutes = Math.max(1, left.toMinutes());
        return "in " + minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
