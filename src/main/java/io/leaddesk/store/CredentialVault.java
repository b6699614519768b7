package io.leaddesk.store;

import io.leaddesk.graph.AccessToken;
import java.util.Optional;

/**
 * Where "Remember on this computer" keeps the access token: the operating system's credential store
 * (Windows Credential Manager, macOS Keychain, Secret Service on Linux) and nowhere else.
 * When no credential store is available the token is not stored at all and {@link #unavailableReason()} says why.
 */
public interface CredentialVault extends AutoCloseable {

    /** True when tokens can be stored here. */
    boolean isAvailable();

    /** A plain sentence saying why nothing can be remembered ("" when available). */
    String unavailableReason();

    /** Stores the token, replacing any earlier one. Throws {@link StoreException} with a plain sentence when the store refuses. */
    void save(AccessToken token);

    /** The remembered token, if any (empty when unavailable or nothing was remembered). */
    Optional<AccessToken> load();

    /** Forgets the remembered token, and the app's id and secret remembered with it (no-op when none). */
    void delete();

    /**
     * Keeps the Meta app's id and secret next to the token, replacing earlier ones; only here, never in a file.
     * Throws {@link StoreException} with a plain sentence when the store refuses or is not available.
     */
    default void saveApp(RememberedApp app) {
        throw new StoreException(unavailableReason().isBlank()
                ? "This credential store cannot keep the app secret; it was not remembered." : unavailableReason());
    }

    /** The app's id and secret remembered with the token, if any. */
    default Optional<RememberedApp> loadApp() {
        return Optional.empty();
    }

    /** Forgets the app's id and secret only (no-op when none). */
    default void deleteApp() {
    }

    /** Lets go of the credential store's connection (D-Bus on Linux), whose threads would keep the app running. */
    @Override
    default void close() {
    }
}
