package io.leaddesk.store;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import io.leaddesk.graph.AccessToken;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS credential store through java-keyring. Never logs the token; failures are logged by kind only.
 * Created lazily: {@link Keyring#create()} is only called on first use so the app starts fast.
 */
public final class KeyringVault implements CredentialVault {
    private static final Logger LOG = LoggerFactory.getLogger(KeyringVault.class);
    static final String SERVICE = "LeadDesk";
    static final String ACCOUNT = "meta-access-token";
    static final String APP_ID_ACCOUNT = "meta-app-id";
    static final String APP_SECRET_ACCOUNT = "meta-app-secret";

    private Keyring keyring;
    private String reason;
    private boolean probed;

    private synchronized Keyring keyring() {
        if (!probed) {
            probed = true;
            try {
                keyring = Keyring.create();
                reason = "";
            } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
                keyring = null;
                reason = "This computer has no credential store LeadDesk can use (Windows Credential Manager, "
                        + "macOS Keychain or a Secret Service such as GNOME Keyring), so the token will not be remembered.";
                LOG.debug("No OS credential store; the token is kept for this run only");
            }
        }
        return keyring;
    }

    @Override
    public boolean isAvailable() {
        return keyring() != null;
    }

    @Override
    public synchronized String unavailableReason() {
        keyring();
        return reason;
    }

    @Override
    public void save(AccessToken token) {
        Keyring k = keyring();
        if (k == null) {
            throw new StoreException(unavailableReason());
        }
        try {
            k.setPassword(SERVICE, ACCOUNT, token.reveal());
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.warn("Could not store the token in the OS credential store ({})", e.getClass().getSimpleName());
            throw new StoreException("The credential store refused to keep the token; it was not remembered.", null, "store.vault.refused");
        }
    }

    @Override
    public Optional<AccessToken> load() {
        Keyring k = keyring();
        if (k == null) {
            return Optional.empty();
        }
        try {
            String v = k.getPassword(SERVICE, ACCOUNT);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(new AccessToken(v));
        } catch (PasswordAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Closes the credential store connection. On Linux java-keyring talks to the Secret Service over D-Bus, and that
     * connection's threads are not daemon threads: left open, they kept the JVM alive after the window closed.
     */
    @Override
    public synchronized void close() {
        if (keyring != null) {
            try {
                keyring.close();
            } catch (Exception e) {
                LOG.debug("Closing the credential store connection failed ({})", e.getClass().getSimpleName());
            }
        }
        keyring = null;
        probed = false;
    }

    @Override
    public void delete() {
        forget(ACCOUNT);
        deleteApp();
    }

    @Override
    public void saveApp(RememberedApp app) {
        Keyring k = keyring();
        if (k == null) {
            throw new StoreException(unavailableReason());
        }
        try {
            put(k, APP_ID_ACCOUNT, app.appId());
            put(k, APP_SECRET_ACCOUNT, app.appSecret());
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.warn("Could not store the app credentials in the OS credential store ({})", e.getClass().getSimpleName());
            throw new StoreException("The credential store refused to keep the app id and secret; they were not remembered.");
        }
    }

    private void put(Keyring k, String account, String value) throws PasswordAccessException {
        if (value == null) {
            forget(account);
        } else {
            k.setPassword(SERVICE, account, value);
        }
    }

    @Override
    public Optional<RememberedApp> loadApp() {
        Keyring k = keyring();
        if (k == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(RememberedApp.ofNullable(get(k, APP_ID_ACCOUNT), get(k, APP_SECRET_ACCOUNT)));
    }

    private static String get(Keyring k, String account) {
        try {
            return k.getPassword(SERVICE, account);
        } catch (PasswordAccessException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void deleteApp() {
        forget(APP_ID_ACCOUNT);
        forget(APP_SECRET_ACCOUNT);
    }

    private void forget(String account) {
        Keyring k = keyring();
        if (k == null) {
            return;
        }
        try {
            k.deletePassword(SERVICE, account);
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.debug("Nothing to forget in the credential store ({})", e.getClass().getSimpleName());
        }
    }
}
