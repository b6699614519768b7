package io.leaddesk.access;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphAccess;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Tokens that last: exchanges a short-lived user token for a long-lived one (about 60 days) with the app's id and
 * secret ("Make this token last", {@code leaddesk token extend}), and tells how long a token has left (the app's
 * notice from seven days before expiry). Page tokens taken with the long-lived token (signing in with it) do not
 * expire. The secret and the tokens go only to Meta; nothing here logs or stores them (the caller decides whether
 * the new token is remembered in the OS credential store).
 */
public final class TokenExtender {
    private static final Logger LOG = LoggerFactory.getLogger(TokenExtender.class);

    private final GraphClient graph;
    private final Clock clock;

    public TokenExtender(GraphClient graph, Clock clock) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The long-lived token and how long it lasts. {@link #toString()} never shows the token. */
    public record Extended(AccessToken token, TokenLifetime lifetime) {
        @Override
        public String toString() {
            return "Extended[" + token + ", " + lifetime + "]";
        }
    }

    /**
     * Exchanges {@code shortLived} for a long-lived token. Its expiry is what Meta answers (expires_in), refined by
     * debug_token with the app token when Meta answers that too.
     *
     * @throws GraphException with a precise sentence for a wrong app id or secret, a token Meta does not accept, or
     *                        Meta out of reach
     */
    public Extended extend(AccessToken shortLived, AppCredentials app, BooleanSupplier cancelled) {
        Objects.requireNonNull(app, "app");
        GraphAccess.ExchangedToken ex = graph.access().exchange(app.appId(), app.appSecret(), shortLived, cancelled);
        TokenLifetime fromExchange = ex.expiresInSeconds() == null ? TokenLifetime.unknown()
                : new TokenLifetime(clock.instant().plusSeconds(ex.expiresInSeconds()), false, null,
                TokenLifetime.Source.EXCHANGE);
        TokenLifetime lifetime = fromExchange;
        try {
            TokenLifetime debug = lifetime(ex.token(), app, cancelled);
            if (debug.known()) {
                lifetime = debug;
            }
        } catch (GraphException e) {
            LOG.info("debug_token did not answer for the new token ({}); the exchange's expiry is used", e.kind());
        }
        LOG.info("Token exchanged for a long-lived one ({})", lifetime.neverExpires() ? "never expires"
                : lifetime.expiresAt() == null ? "expiry unknown" : "expires " + lifetime.expiresAt());
        return new Extended(ex.token(), lifetime);
    }

    /**
     * How long {@code token} has left, from debug_token (asked with the app token when {@code app} is given, else
     * with the token itself); {@link TokenLifetime#unknown()} when Meta does not say. Use
     * {@link TokenLifetime#left}, {@link TokenLifetime#expiresSoon} and {@link TokenLifetime#notice} on the answer.
     *
     * @throws GraphException only when Meta could not be reached or the token itself is refused
     */
    public TokenLifetime lifetime(AccessToken token, AppCredentials app, BooleanSupplier cancelled) {
        try {
            GraphAccess.TokenDebug d = graph.access().debugToken(token, app != null ? app.appToken() : token, cancelled);
            return AccessDoctor.lifetime(d);
        } catch (GraphException e) {
            if (e.retryable() || (app == null && e.tokenProblem() != null)) {
                throw e;
            }
            LOG.info("debug_token did not answer ({}); the token's expiry is unknown", e.kind());
            return TokenLifetime.unknown();
        }
    }
}
