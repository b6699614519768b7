package io.leaddesk.store;

import io.leaddesk.graph.AccessToken;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A vault that forgets everything when the program ends: for tests, and to model "no credential store" (unavailable). */
public final class CredentialVaultInMemory implements CredentialVault {
    private final AtomicReference<AccessToken> token = new AtomicReference<>();
    private final AtomicReference<RememberedApp> app = new AtomicReference<>();
    private final String unavailableReason;

    /** An available in-memory vault. */
    public CredentialVaultInMemory() {
        this("");
    }

    /** @param unavailableReason non-empty = behave as an unavailable credential store with this reason */
    public CredentialVaultInMemory(String unavailableReason) {
        this.unavailableReason = unavailableReason == null ? "" : unavailableReason;
    }

    @Override
    public boolean isAvailable() {
        return unavailableReason.isEmpty();
    }

    @Override
    public String unavailableReason() {
        return unavailableReason;
    }

    @Override
    public void save(AccessToken t) {
        if (!isAvailable()) {
            throw new StoreException(unavailableReason);
        }
        token.set(t);
    }

    @Override
    public Optional<AccessToken> load() {
        return Optional.ofNullable(token.get());
    }

    @Override
    public void delete() {
        token.set(null);
        app.set(null);
    }

    @Override
    public void saveApp(RememberedApp a) {
        if (!isAvailable()) {
            throw new StoreException(unavailableReason);
        }
        app.set(a);
    }

    @Override
    public Optional<RememberedApp> loadApp() {
        return Optional.ofNullable(app.get());
    }

    @Override
    public void deleteApp() {
        app.set(null);
    }
}
