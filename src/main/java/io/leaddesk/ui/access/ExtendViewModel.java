package io.leaddesk.ui.access;

import io.leaddesk.access.AppCredentials;
import io.leaddesk.access.TokenExtender;
import io.leaddesk.access.TokenLifetime;
import io.leaddesk.store.CredentialVault;
import io.leaddesk.store.RememberedApp;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.RunState;
import io.leaddesk.ui.TaskExecutor;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Make this token last": offered for a user token that is short-lived or expires within seven days; exchanges it
 * with the app's id and secret for one that lasts about 60 days ({@link AccessBackend#extend}). Without the id and
 * secret it says where in Meta to find them. When a token is remembered on this computer, the new one (and the app's
 * id and secret) replace it in the OS credential store; nothing is written anywhere else.
 */
public final class ExtendViewModel {
    private final TaskExecutor executor;
    private final CredentialVault vault;
    private final Messages m;
    private final AccessText text;
    private final Clock clock;
    private final ErrorText errors;

    private final StringProperty appId = new SimpleStringProperty(this, "appId", "");
    private final StringProperty appSecret = new SimpleStringProperty(this, "appSecret", "");
    private final ReadOnlyBooleanWrapper offered = new ReadOnlyBooleanWrapper(this, "offered");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
    private final RunState run = new RunState();
    private final BooleanBinding canExtend;
    private AccessBackend backend;
    private AtomicBoolean current = new AtomicBoolean();
    private Consumer<TokenExtender.Extended> onExtended = e -> { };

    public ExtendViewModel(TaskExecutor executor, CredentialVault vault, Messages messages, AccessText text, Clock clock) {
        this.executor = executor;
        this.vault = vault;
        this.m = messages;
        this.text = text;
        this.clock = clock;
        this.errors = new ErrorText(messages);
        canExtend = Bindings.createBooleanBinding(() -> offered.get() && !run.isRunning(), offered, run.runningProperty());
        appId.addListener((o, a, b) -> edited());
        appSecret.addListener((o, a, b) -> edited());
    }

    /** Whether a token with this lifetime is worth making last: a user token, not expired, with at most 7 days left. */
    public boolean worthIt(TokenLifetime life, boolean userToken) {
        return userToken && life != null && (life.shortLived(clock) || life.expiresSoon(clock));
    }

    /**
     * Offers "Make this token last" for {@code backend}'s token when {@link #worthIt}; fills in the app's id and secret
     * the session knows when the fields are empty. Anything else withdraws the offer, except that the sentence saying
     * until when a token just made to last lasts stays (the check that follows the exchange must not hide it).
     */
    public void offer(AccessBackend backend, TokenLifetime life, boolean userToken) {
        if (backend == null || !worthIt(life, userToken)) {
            if (!done.get()) {
                withdraw();
            }
            return;
        }
        this.backend = backend;
        backend.app().ifPresent(a -> {
            if (appId.get().isBlank()) {
                appId.set(a.appId());
            }
            if (appSecret.get().isBlank()) {
                appSecret.set(a.appSecret());
            }
        });
        done.set(false);
        run.clearError();
        offered.set(true);
        message.set(hasApp() ? m.get("extend.offer") : m.get("extend.needsApp"));
    }

    /** No offer (another token, signed out); a running exchange is forgotten. */
    public void withdraw() {
        current.set(true);
        if (run.isRunning()) {
            run.finish("");
        }
        backend = null;
        offered.set(false);
        done.set(false);
        message.set("");
        run.clearError();
    }

    private void edited() {
        run.clearError();
        if (offered.get()) {
            message.set(hasApp() ? m.get("extend.offer") : m.get("extend.needsApp"));
        }
    }

    private boolean hasApp() {
        return !appId.get().isBlank() && !appSecret.get().isBlank();
    }

    /** Exchanges the token; says when the new one expires, or why it could not be made to last. */
    public void extend() {
        if (!canExtend.get()) {
            return;
        }
        String id = appId.get().strip();
        String secret = appSecret.get().strip();
        if (id.isEmpty() || secret.isEmpty()) {
            run.fail(m.get("extend.needsApp"));
            return;
        }
        if (!id.matches("\\d{1,30}")) {
            run.fail(m.get("extend.error.appId"));
            return;
        }
        AppCredentials app = new AppCredentials(id, secret);
        AccessBackend b = backend;
        AtomicBoolean cancelled = new AtomicBoolean();
        current = cancelled;
        run.begin(m.get("extend.busy"));
        executor.submit("make token last", () -> {
            TokenExtender.Extended e = b.extend(app, cancelled::get);
            String note = "";
            try {
                if (vault.isAvailable() && vault.load().isPresent()) {
                    vault.save(e.token());
                    vault.saveApp(new RememberedApp(id, secret));
                    note = m.get("extend.remembered");
                }
            } catch (RuntimeException failed) {
                note = errors.describe(failed);
            }
            return new Done(e, note);
        }, d -> {
            if (cancelled.get()) {
                return;
            }
            run.finish("");
            offered.set(false);
            done.set(true);
            message.set(lasts(d.extended().lifetime()) + (d.note().isEmpty() ? "" : " " + d.note()));
            onExtended.accept(d.extended());
        }, e -> {
            if (!cancelled.get()) {
                run.fail(errors.describe(e));
            }
        });
    }

    private record Done(TokenExtender.Extended extended, String note) { }

    private String lasts(TokenLifetime life) {
        if (life.neverExpires()) {
            return m.get("extend.done.never");
        }
        if (life.expiresAt() == null) {
            return m.get("extend.done.unknown");
        }
        return m.format("extend.done", text.expiry(life, clock));
    }

    /** Stops waiting for the exchange (its answer, if any, is dropped): back to the offer at once. */
    public void cancel() {
        if (run.isRunning()) {
            current.set(true);
            run.finish("");
        }
    }

    /** Told the new token and its lifetime once the exchange worked (on the UI thread). */
    public void setOnExtended(Consumer<TokenExtender.Extended> onExtended) {
        this.onExtended = onExtended == null ? e -> { } : onExtended;
    }

    public StringProperty appIdProperty() {
        return appId;
    }

    public StringProperty appSecretProperty() {
        return appSecret;
    }

    /** Whether "Make this token last" is offered now. */
    public ReadOnlyBooleanProperty offeredProperty() {
        return offered.getReadOnlyProperty();
    }

    /** The token was made to last: {@link #messageProperty()} says until when. */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public BooleanBinding canExtendProperty() {
        return canExtend;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return run.messageProperty();
    }

    /** What the offer needs, or until when the new token lasts. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the token could not be made to last (wrong secret, Meta out of reach...); "" when it did not fail. */
    public ReadOnlyStringProperty errorProperty() {
        return run.errorProperty();
    }
}
