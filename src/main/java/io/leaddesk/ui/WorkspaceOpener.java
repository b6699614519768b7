package io.leaddesk.ui;

import io.leaddesk.graph.AccessToken;
import java.util.function.BooleanSupplier;

/**
 * Opens workspaces; implemented by the composition root ({@link AppContext}). Blocking calls (network, database):
 * ViewModels call them from background tasks only. Failures are thrown as GraphException / StoreException.
 */
public interface WorkspaceOpener {

    /** Validates the token against Graph and opens the cache for that session. {@code appSecret} may be null/blank. */
    default Workspace signIn(AccessToken token, String appSecret) {
        return signIn(token, null, appSecret, () -> false);
    }

    /**
     * Validates the token against Graph (an answer within {@code TokenCheck.LIMIT}) and opens the cache for that
     * session. The app's id and secret may be null/blank (the environment's LEADDESK_APP_ID / LEADDESK_APP_SECRET are
     * used then). When {@code cancelled} turns true the check ends at once with a
     * {@link java.util.concurrent.CancellationException} and nothing stays open.
     */
    Workspace signIn(AccessToken token, String appId, String appSecret, BooleanSupplier cancelled);

    /** Opens the existing cache with no token and no network. */
    Workspace openOffline();

    /** Starts the built-in sample Graph API and opens a separate demo cache signed in to it. */
    Workspace openDemo();
}
