package io.leaddesk.access;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a token has left, for the app's notice from seven days before expiry (a controllable clock). */
class TokenLifetimeTest {
    private static final Instant EXPIRES = Instant.parse("2027-01-25T10:00:00Z");
    private static final TokenLifetime LIFE = new TokenLifetime(EXPIRES, false, null, TokenLifetime.Source.DEBUG_TOKEN);

    private static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    @Test
    void eightDaysBeforeNothingIsSaid() {
        Clock c = at(EXPIRES.minus(Duration.ofDays(8)));
        assertThat(LIFE.left(c)).contains(Duration.ofDays(8));
        assertThat(LIFE.expiresSoon(c)).isFalse();
        assertThat(LIFE.notice(c)).isEmpty();
    }

    @Test
    void fromSevenDaysBeforeItExpiresSoon() {
        Clock c = at(EXPIRES.minus(Duration.ofDays(7)));
        assertThat(LIFE.expiresSoon(c)).isTrue();
        Finding f = LIFE.notice(c).orElseThrow();
        assertThat(f.code()).isEqualTo(FindingCode.TOKEN_EXPIRES_SOON);
        assertThat(f.messageKey()).isEqualTo("access.token_expires_soon.message");
        assertThat(f.message()).isEqualTo("This token expires on January 25, 2027 at 10:00 UTC, in 7 days.");
        assertThat(f.args()).hasSize(2).element(1).isEqualTo(7L);
        assertThat(LIFE.shortLived(c)).isFalse();
    }

    @Test
    void withinTheHourItIsShortLivedAndOnceExpiredItSaysSo() {
        Clock c = at(EXPIRES.minus(Duration.ofMinutes(50)));
        assertThat(LIFE.shortLived(c)).isTrue();
        assertThat(LIFE.notice(c).orElseThrow().message()).endsWith("in less than a day.");
        Clock after = at(EXPIRES.plusSeconds(1));
        assertThat(LIFE.expired(after)).isTrue();
        assertThat(LIFE.expiresSoon(after)).isFalse();
        Finding f = LIFE.notice(after).orElseThrow();
        assertThat(f.code()).isEqualTo(FindingCode.TOKEN_EXPIRED);
        assertThat(f.message()).isEqualTo("This token expired on January 25, 2027 at 10:00 UTC.");
    }

    @Test
    void neverAndUnknownSayNothing() {
        Clock c = at(EXPIRES);
        TokenLifetime never = new TokenLifetime(null, true, null, TokenLifetime.Source.DEBUG_TOKEN);
        assertThat(never.known()).isTrue();
        assertThat(never.left(c)).isEmpty();
        assertThat(never.notice(c)).isEmpty();
        assertThat(TokenLifetime.unknown().known()).isFalse();
        assertThat(TokenLifetime.unknown().notice(c)).isEmpty();
    }
}
