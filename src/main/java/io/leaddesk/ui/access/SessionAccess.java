package io.leaddesk.ui.access;

import io.leaddesk.access.AccessDoctor;
import io.leaddesk.access.AccessReport;
import io.leaddesk.access.AppCredentials;
import io.leaddesk.access.TokenExtender;
import io.leaddesk.access.TokenLifetime;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.TokenCheck;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The {@link AccessBackend} of a signed-in session: the access doctor, debug_token and the token exchange on the
 * session's Graph client with the sign-in settings (short timeouts), each within {@link TokenCheck#LIMIT}.
 * After "Make this token last" the session's token is the long-lived one, and {@code signInAgain} lets the session
 * take its Page tokens again with it. The token and the secret stay in memory and go only to Meta.
 */
public final class SessionAccess implements AccessBackend {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionAccess.class);

    /** Signs the session in again with a new token (so its Page tokens come from it), or fails as a sign-in does. */
    @FunctionalInterface
    public interface SignInAgain {
        void with(AccessToken token, BooleanSupplier cancelled);
    }

    private final GraphClient graph;
    private final Clock clock;
    private final SignInAgain signInAgain;
    private volatile AccessToken token;
    private volatile AppCredentials app;

    /**
     * @param graph       the session's client (its address, version and app secret)
     * @param app         the app's id and secret when known, else null
     * @param signInAgain null = nothing to sign in again (the token alone is replaced)
     */
    public SessionAccess(GraphClient graph, AccessToken token, AppCredentials app, Clock clock, SignInAgain signInAgain) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.token = Objects.requireNonNull(token, "token");
        this.app = app;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.signInAgain = signInAgain;
    }

    @Override
    public AccessReport examine(BooleanSupplier cancelled) {
        TokenCheck check = new TokenCheck(graph);
        return new AccessDoctor(check.client(), clock).examine(token, app, cancelled);
    }

    /**
     * Asks debug_token with the app token when the app is known; when that does not tell (a wrong app secret, say),
     * asks with the token itself, so that a wrong secret does not hide that the token expires within the hour.
     */
    @Override
    public TokenLifetime lifetime(BooleanSupplier cancelled) {
        TokenCheck check = new TokenCheck(graph);
        AccessToken t = token;
        AppCredentials a = app;
        return check.within(cancelled, stop -> {
            TokenExtender extender = new TokenExtender(check.client(), clock);
            TokenLifetime life = extender.lifetime(t, a, stop);
            return life.known() || a == null ? life : extender.lifetime(t, null, stop);
        });
    }

    @Override
    public Optional<AppCredentials> app() {
        return Optional.ofNullable(app);
    }

    @Override
    public TokenExtender.Extended extend(AppCredentials with, BooleanSupplier cancelled) {
        Objects.requireNonNull(with, "app");
        TokenCheck check = new TokenCheck(graph);
        TokenExtender.Extended e = check.within(cancelled, stop -> new TokenExtender(check.client(), clock).extend(token, with, stop));
        token = e.token();
        app = with;
        if (signInAgain != null) {
            try {
                signInAgain.with(e.token(), cancelled);
            } catch (RuntimeException failed) {
                // the exchange worked: the next sign-in takes the Page tokens with the new token
                LOG.info("The session could not take its Page tokens again with the long-lived token ({})",
                        failed instanceof io.leaddesk.model.LeadDeskException d ? d.failureKind() : "cancelled");
            }
        }
        return e;
    }
}
