package io.leaddesk.ui;

import io.leaddesk.graph.AccessToken;

/**
 * Opens workspaces; implemented by the composition root ({@link AppContext}). Blocking calls (network, database):
 * ViewModels call them from background tasks only. Failures are thrown as GraphException / StoreException.
 */
public interface WorkspaceOpener {

    /** Validates the token against Graph and opens the cache for that session. {@code appSecret} may be null/blank. */
    Workspace signIn(AccessToken token, String appSecret);

    /** Opens the existing cache with no token and no network. */
    Workspace openOffline();

    /** Starts the built-in sample Graph API and opens a separate demo cache signed in to it. */
    Workspace openDemo();
}
