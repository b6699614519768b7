package io.leaddesk.ui.access;

import io.leaddesk.access.AccessReport;
import io.leaddesk.access.AppCredentials;
import io.leaddesk.access.TokenExtender;
import io.leaddesk.access.TokenLifetime;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What the Access view and the token's expiry notice need from a signed-in session (a port; blocking calls, each
 * ending within the sign-in check's limit when Meta does not answer, and at once when {@code cancelled} turns true,
 * with a {@link java.util.concurrent.CancellationException}).
 */
public interface AccessBackend {

    /** The access doctor's report on the session's token: never throws for what Meta answers. */
    AccessReport examine(BooleanSupplier cancelled);

    /** How long the session's token has left (debug_token); {@link TokenLifetime#unknown()} when Meta does not say. */
    TokenLifetime lifetime(BooleanSupplier cancelled);

    /** The app's id and secret this session knows (given at sign-in, or by LEADDESK_APP_ID / LEADDESK_APP_SECRET). */
    Optional<AppCredentials> app();

    /**
     * "Make this token last": exchanges the session's token for a long-lived one with {@code app}, and from then on
     * the session reads with it (its Page tokens, taken again with it, do not expire). The new token is not
     * remembered here; the caller decides.
     */
    TokenExtender.Extended extend(AppCredentials app, BooleanSupplier cancelled);
}
