package io.leaddesk.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a token expires and when its data access does, as far as Meta said: from debug_token, from the token exchange,
 * or unknown. Answers the questions the app's expiry notice asks: how long is left, does it expire within
 * {@link #SOON}, has it expired, is it short-lived (worth "Make this token last").
 *
 * @param expiresAt           null when it never expires ({@code neverExpires}) or when that is unknown
 * @param dataAccessExpiresAt null when unknown or never
 */
public record TokenLifetime(Instant expiresAt, boolean neverExpires, Instant dataAccessExpiresAt, Source source) {
    /** From this long before expiry the token "expires soon". */
    public static final Duration SOON = Duration.ofDays(7);
    /** A token with less than this left is short-lived (Meta's short-lived user tokens last one to two hours). */
    public static final Duration SHORT_LIVED = Duration.ofDays(1);

    /** Where the dates come from. */
    public enum Source { DEBUG_TOKEN, EXCHANGE, UNKNOWN }

    public static TokenLifetime unknown() {
        return new TokenLifetime(null, false, null, Source.UNKNOWN);
    }

    /** Whether Meta said when (or that never) it expires. */
    public boolean known() {
        return neverExpires || expiresAt != null;
    }

    /** Time left until expiry (negative once expired); empty when it never expires or nobody knows. */
    public Optional<Duration> left(Clock clock) {
        return expiresAt == null ? Optional.empty() : Optional.of(Duration.between(clock.instant(), expiresAt));
    }

    public boolean expired(Clock clock) {
        return expiresAt != null && !clock.instant().isBefore(expiresAt);
    }

    /** Not expired, and expires within {@link #SOON}. */
    public boolean expiresSoon(Clock clock) {
        return left(clock).map(d -> !d.isNegative() && !d.isZero() && d.compareTo(SOON) <= 0).orElse(false);
    }

    /** Not expired, and less than {@link #SHORT_LIVED} left: the case for "Make this token last". */
    public boolean shortLived(Clock clock) {
        return left(clock).map(d -> !d.isNegative() && !d.isZero() && d.compareTo(SHORT_LIVED) < 0).orElse(false);
    }

    /**
     * What to tell the person on opening: {@link FindingCode#TOKEN_EXPIRED} once expired,
     * {@link FindingCode#TOKEN_EXPIRES_SOON} within {@link #SOON}; empty otherwise (also when unknown or never).
     */
    public Optional<Finding> notice(Clock clock) {
        if (expired(clock)) {
            return Optional.of(Findings.tokenExpired(expiresAt));
        }
        if (expiresSoon(clock)) {
            return Optional.of(Findings.tokenExpiresSoon(expiresAt, left(clock).orElseThrow().toDays()));
        }
        return Optional.empty();
    }
}
