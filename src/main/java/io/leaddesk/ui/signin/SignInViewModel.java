package io.leaddesk.ui.signin;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.graph.TokenInfo;
import io.leaddesk.graph.TokenKind;
import io.leaddesk.store.CredentialVault;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.RunState;
import io.leaddesk.ui.TaskExecutor;
import io.leaddesk.ui.Workspace;
import io.leaddesk.ui.WorkspaceOpener;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Sign-in screen state: token (masked unless shown), optional app secret, "remember on this computer",
 * inline plain-words errors, and the result of a successful sign-in (token kind, name, pages found).
 */
public final class SignInViewModel {
    private final WorkspaceOpener opener;
    private final CredentialVault vault;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;

    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final StringProperty appSecret = new SimpleStringProperty(this, "appSecret", "");
    private final BooleanProperty tokenVisible = new SimpleBooleanProperty(this, "tokenVisible", false);
    private final BooleanProperty remember = new SimpleBooleanProperty(this, "remember", false);
    private final ReadOnlyBooleanWrapper rememberAvailable = new ReadOnlyBooleanWrapper(this, "rememberAvailable", true);
    private final ReadOnlyStringWrapper rememberNote = new ReadOnlyStringWrapper(this, "rememberNote", "");
    private final RunState run = new RunState();
    private final ReadOnlyStringWrapper who = new ReadOnlyStringWrapper(this, "who", "");
    private final ObservableList<String> pagesFound = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Workspace> signedIn = new ReadOnlyObjectWrapper<>(this, "signedIn");
    private final BooleanBinding canSignIn;
    private Consumer<Workspace> onOpen = w -> { };

    public SignInViewModel(WorkspaceOpener opener, CredentialVault vault, TaskExecutor executor, Messages messages) {
        this.opener = opener;
        this.vault = vault;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
        canSignIn = Bindings.createBooleanBinding(() -> !run.isRunning() && !token.get().isBlank(), run.runningProperty(), token);
        token.addListener((o, a, b) -> {
            run.clearError();
            if (signedIn.get() != null) {
                Workspace old = signedIn.get();
                executor.submit("close workspace", () -> {
                    old.close(); // closing checkpoints its database: not on the UI thread
                    return Boolean.TRUE;
                }, ok -> { }, e -> { });
                signedIn.set(null);
                who.set("");
                pagesFound.clear();
            }
        });
    }

    /** Called by the app once the screen shows: checks the credential store and fills in a remembered token. */
    public void start() {
        executor.submit("credential store", () -> {
            boolean available = vault.isAvailable();
            Optional<AccessToken> t = available ? vault.load() : Optional.empty();
            return new VaultState(available, available ? "" : vault.unavailableReason(), t.orElse(null));
        }, s -> {
            rememberAvailable.set(s.available());
            rememberNote.set(s.available() ? m.get("signin.remember.hint") : s.reason());
            if (!s.available()) {
                remember.set(false);
            }
            if (s.token() != null && token.get().isBlank()) {
                token.set(s.token().reveal());
                remember.set(true);
            }
        }, e -> {
            rememberAvailable.set(false);
            rememberNote.set(errors.describe(e));
        });
    }

    private record VaultState(boolean available, String reason, AccessToken token) { }

    public void setOnOpen(Consumer<Workspace> onOpen) {
        this.onOpen = onOpen;
    }

    /** Validates the token against Graph; on success shows who it is and offers to continue. */
    public void signIn() {
        if (!canSignIn.get()) {
            if (token.get().isBlank()) {
                run.fail(m.get("signin.error.empty"));
            }
            return;
        }
        AccessToken t;
        try {
            t = new AccessToken(token.get());
        } catch (IllegalArgumentException e) {
            run.fail(m.get("signin.error.empty"));
            return;
        }
        String secret = appSecret.get() == null || appSecret.get().isBlank() ? null : appSecret.get().strip();
        boolean keep = remember.get() && rememberAvailable.get();
        run.begin(m.get("signin.busy.checking"));
        executor.submit("sign in", () -> {
            Workspace w = opener.signIn(t, secret);
            String vaultNote = null;
            try {
                if (keep) {
                    vault.save(t);
                } else {
                    vault.delete();
                }
            } catch (RuntimeException e) {
                vaultNote = errors.describe(e);
            }
            return new SignInResult(w, vaultNote);
        }, r -> {
            run.finish("");
            Workspace w = r.workspace();
            signedIn.set(w);
            TokenInfo info = w.who().orElse(null);
            String kind = info != null && info.kind() == TokenKind.PAGE ? m.get("signin.kind.page") : m.get("signin.kind.user");
            who.set(m.format("signin.result", kind, info == null ? "" : info.name(), w.pages().size()));
            pagesFound.setAll(w.pages().stream().map(PageInfo::name).toList());
            if (r.vaultNote() != null) {
                rememberNote.set(r.vaultNote());
            }
        }, this::fail);
    }

    private record SignInResult(Workspace workspace, String vaultNote) { }

    /** Opens the workspace of the successful sign-in. */
    public void continueToWorkspace() {
        Workspace w = signedIn.get();
        if (w != null) {
            signedIn.set(null);
            onOpen.accept(w);
        }
    }

    /** "Try with sample data": the demo workspace on the built-in sample Graph API. */
    public void trySample() {
        if (run.isRunning()) {
            return;
        }
        run.begin(m.get("signin.busy.demo"));
        executor.submit("open demo", opener::openDemo, w -> {
            run.finish("");
            onOpen.accept(w);
        }, this::fail);
    }

    /** "Open offline": the existing cache, no token, no network. */
    public void openOffline() {
        if (run.isRunning()) {
            return;
        }
        run.begin(m.get("signin.busy.offline"));
        executor.submit("open offline", opener::openOffline, w -> {
            run.finish("");
            onOpen.accept(w);
        }, this::fail);
    }

    private void fail(Throwable e) {
        run.fail(errors.describe(e));
    }

    /** Back on the sign-in screen after signing out: nothing remembered, fields cleared. */
    public void reset() {
        token.set("");
        appSecret.set("");
        tokenVisible.set(false);
        remember.set(false);
        run.clearError();
        who.set("");
        pagesFound.clear();
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty appSecretProperty() {
        return appSecret;
    }

    public BooleanProperty tokenVisibleProperty() {
        return tokenVisible;
    }

    public BooleanProperty rememberProperty() {
        return remember;
    }

    public ReadOnlyBooleanProperty rememberAvailableProperty() {
        return rememberAvailable.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rememberNoteProperty() {
        return rememberNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return run.runningProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return run.messageProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return run.errorProperty();
    }

    public ReadOnlyStringProperty whoProperty() {
        return who.getReadOnlyProperty();
    }

    public ObservableList<String> pagesFound() {
        return pagesFound;
    }

    public ReadOnlyObjectProperty<Workspace> signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
