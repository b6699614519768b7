package io.leaddesk.ui.signin;

import io.leaddesk.access.TokenLifetime;
import io.leaddesk.config.Environment;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.graph.TokenInfo;
import io.leaddesk.graph.TokenKind;
import io.leaddesk.model.LeadDeskException;
import io.leaddesk.store.CredentialVault;
import io.leaddesk.store.RememberedApp;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.RunState;
import io.leaddesk.ui.TaskExecutor;
import io.leaddesk.ui.Workspace;
import io.leaddesk.ui.WorkspaceOpener;
import io.leaddesk.ui.access.AccessText;
import io.leaddesk.ui.access.ExtendViewModel;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Sign-in screen state: token (masked unless shown), optional app id and app secret, "remember on this computer"
 * (the OS credential store only), inline plain-words errors, and the result of a successful sign-in (token kind,
 * name, pages found, how long the token lasts, and "Make this token last" when it is short-lived).
 *
 * <p>Signing in never blocks the screen: the check answers within the sign-in limit, Cancel returns to an idle
 * screen at once (the check's answer, if it still comes, is dropped and what it opened is closed), and "Open offline"
 * and "Try with sample data" stay usable while it checks (they end the check first).
 */
public final class SignInViewModel {
    private static final String APP_ID = "\\d{1,30}";

    private final WorkspaceOpener opener;
    private final CredentialVault vault;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;
    private final AccessText text;
    private final Clock clock;
    private final ExtendViewModel extend;

    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final StringProperty appId = new SimpleStringProperty(this, "appId", "");
    private final StringProperty appSecret = new SimpleStringProperty(this, "appSecret", "");
    private final BooleanProperty tokenVisible = new SimpleBooleanProperty(this, "tokenVisible", false);
    private final BooleanProperty remember = new SimpleBooleanProperty(this, "remember", false);
    private final ReadOnlyBooleanWrapper rememberAvailable = new ReadOnlyBooleanWrapper(this, "rememberAvailable", true);
    private final ReadOnlyStringWrapper rememberNote = new ReadOnlyStringWrapper(this, "rememberNote", "");
    /** The token check. */
    private final RunState check = new RunState();
    /** Opening the demo or the offline cache. */
    private final RunState open = new RunState();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper who = new ReadOnlyStringWrapper(this, "who", "");
    private final ReadOnlyStringWrapper life = new ReadOnlyStringWrapper(this, "life", "");
    private final ObservableList<String> pagesFound = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Workspace> signedIn = new ReadOnlyObjectWrapper<>(this, "signedIn");
    private final BooleanBinding canSignIn;
    private Consumer<Workspace> onOpen = w -> { };
    /** The cancel flag of the running (or last) check. */
    private AtomicBoolean attempt = new AtomicBoolean();
    /** Set while "Make this token last" puts the new token in the field (that is not a new sign-in). */
    private boolean replacingToken;

    /** Without "Make this token last" choices of its own: UTC, the system clock. */
    public SignInViewModel(WorkspaceOpener opener, CredentialVault vault, TaskExecutor executor, Messages messages) {
        this(opener, vault, executor, messages, Clock.systemUTC(), new AccessText(messages, ZoneOffset.UTC));
    }

    private SignInViewModel(WorkspaceOpener opener, CredentialVault vault, TaskExecutor executor, Messages messages,
                            Clock clock, AccessText text) {
        this(opener, vault, executor, messages, new ExtendViewModel(executor, vault, messages, text, clock), text, clock);
    }

    public SignInViewModel(WorkspaceOpener opener, CredentialVault vault, TaskExecutor executor, Messages messages,
                           ExtendViewModel extend, AccessText text, Clock clock) {
        this.opener = opener;
        this.vault = vault;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
        this.extend = extend;
        this.text = text;
        this.clock = clock;
        busy.bind(check.runningProperty().or(open.runningProperty()));
        busyText.bind(Bindings.when(check.runningProperty()).then(check.messageProperty()).otherwise(open.messageProperty()));
        canSignIn = Bindings.createBooleanBinding(() -> !busy.get() && !token.get().isBlank(), busy, token);
        extend.appIdProperty().bindBidirectional(appId);
        extend.appSecretProperty().bindBidirectional(appSecret);
        extend.setOnExtended(e -> {
            replacingToken = true;
            try {
                token.set(e.token().reveal());
            } finally {
                replacingToken = false;
            }
            life.set(lifeSentence(e.lifetime()));
        });
        token.addListener((o, a, b) -> {
            if (!replacingToken) {
                tokenChanged();
            }
        });
        appId.addListener((o, a, b) -> error.set(""));
        appSecret.addListener((o, a, b) -> error.set(""));
    }

    /** Another token: an earlier error goes, and an earlier successful sign-in is closed. */
    private void tokenChanged() {
        error.set("");
        Workspace old = signedIn.get();
        if (old != null) {
            closeInBackground(old);
            signedIn.set(null);
            who.set("");
            life.set("");
            pagesFound.clear();
            extend.withdraw();
        }
    }

    private void closeInBackground(Workspace w) {
        executor.submit("close workspace", () -> {
            w.close(); // closing checkpoints its database: not on the UI thread
            return Boolean.TRUE;
        }, ok -> { }, e -> { });
    }

    /** Called by the app once the screen shows: checks the credential store and fills in what it remembers. */
    public void start() {
        executor.submit("credential store", () -> {
            boolean available = vault.isAvailable();
            Optional<AccessToken> t = available ? vault.load() : Optional.empty();
            Optional<RememberedApp> app = available ? vault.loadApp() : Optional.empty();
            return new VaultState(available, available ? "" : vault.unavailableReason(), t.orElse(null), app.orElse(null));
        }, s -> {
            rememberAvailable.set(s.available());
            // the store says why in English: the screen says it in the app's language
            rememberNote.set(m.get(s.available() ? "signin.remember.hint.app" : "signin.remember.unavailable"));
            if (!s.available()) {
                remember.set(false);
            }
            if (s.token() != null && token.get().isBlank()) {
                token.set(s.token().reveal());
                remember.set(true);
            }
            if (s.app() != null && appId.get().isBlank() && appSecret.get().isBlank()) {
                appId.set(s.app().appId() == null ? "" : s.app().appId());
                appSecret.set(s.app().appSecret() == null ? "" : s.app().appSecret());
            }
        }, e -> {
            rememberAvailable.set(false);
            rememberNote.set(errors.describe(e));
        });
    }

    private record VaultState(boolean available, String reason, AccessToken token, RememberedApp app) { }

    public void setOnOpen(Consumer<Workspace> onOpen) {
        this.onOpen = onOpen;
    }

    /**
     * Checks the token with Meta; on success shows who it is and offers to continue. The answer comes within the
     * sign-in limit: a Meta that cannot be reached or does not answer ends the check with one sentence.
     */
    public void signIn() {
        if (!canSignIn.get()) {
            if (token.get().isBlank() && !busy.get()) {
                error.set(m.get("signin.error.empty"));
            }
            return;
        }
        AccessToken t;
        try {
            t = Environment.checkedToken(token.get());
        } catch (LeadDeskException e) {
            error.set(errors.describe(e));
            return;
        }
        String id = blankToNull(appId.get());
        if (id != null && !id.matches(APP_ID)) {
            error.set(m.get("signin.error.appId"));
            return;
        }
        String secret = blankToNull(appSecret.get());
        boolean keep = remember.get() && rememberAvailable.get();
        AtomicBoolean cancelled = new AtomicBoolean();
        attempt = cancelled;
        error.set("");
        check.begin(m.get("signin.busy.checking"));
        executor.submit("sign in", () -> {
            Workspace w = opener.signIn(t, id, secret, cancelled::get);
            if (cancelled.get()) {
                w.close();
                throw new CancellationException("sign-in cancelled");
            }
            String vaultNote = null;
            try {
                if (keep) {
                    vault.save(t);
                    RememberedApp app = RememberedApp.ofNullable(id, secret);
                    if (app != null) {
                        vault.saveApp(app);
                    } else {
                        vault.deleteApp();
                    }
                } else {
                    vault.delete();
                }
            } catch (RuntimeException e) {
                vaultNote = errors.describe(e);
            }
            return new SignInResult(w, vaultNote);
        }, r -> {
            if (cancelled.get()) {
                closeInBackground(r.workspace()); // cancelled after the check had ended
                return;
            }
            check.finish("");
            Workspace w = r.workspace();
            signedIn.set(w);
            TokenInfo info = w.who().orElse(null);
            String kind = info != null && info.kind() == TokenKind.PAGE ? m.get("signin.kind.page") : m.get("signin.kind.user");
            who.set(m.format("signin.result", kind, info == null ? "" : info.name(), w.pages().size()));
            pagesFound.setAll(w.pages().stream().map(PageInfo::name).toList());
            if (r.vaultNote() != null) {
                rememberNote.set(r.vaultNote());
            }
            lifetimeOf(w, info != null && info.kind() == TokenKind.USER);
        }, e -> {
            if (!cancelled.get()) {
                check.finish("");
                error.set(errors.describe(e));
            }
        });
    }

    private record SignInResult(Workspace workspace, String vaultNote) { }

    /** Asks how long the signed-in token lasts (not holding up "Open workspace"); offers to make it last. */
    private void lifetimeOf(Workspace w, boolean userToken) {
        life.set("");
        extend.withdraw();
        w.access().ifPresent(backend -> {
            life.set(m.get("signin.life.checking"));
            executor.submit("token lifetime", () -> backend.lifetime(() -> false), l -> {
                if (signedIn.get() == w) {
                    life.set(lifeSentence(l));
                    extend.offer(backend, l, userToken);
                }
            }, e -> {
                if (signedIn.get() == w) {
                    life.set("");
                }
            });
        });
    }

    private String lifeSentence(TokenLifetime l) {
        if (l.neverExpires()) {
            return m.get("signin.life.never");
        }
        if (l.expiresAt() == null) {
            return "";
        }
        return m.format("signin.life.expires", text.expiry(l, clock));
    }

    /** Ends the running check at once: the screen is idle again, as before the click. */
    public void cancel() {
        if (check.isRunning()) {
            attempt.set(true);
            check.finish("");
        }
    }

    /** Opens the workspace of the successful sign-in. */
    public void continueToWorkspace() {
        Workspace w = signedIn.get();
        if (w != null && !extend.runningProperty().get()) {
            signedIn.set(null);
            extend.withdraw();
            onOpen.accept(w);
        }
    }

    /** "Try with sample data": the demo workspace on the built-in sample Graph API (ends a running check first). */
    public void trySample() {
        openOther(m.get("signin.busy.demo"), "open demo", true);
    }

    /** "Open offline": the existing cache, no token, no network (ends a running check first). */
    public void openOffline() {
        openOther(m.get("signin.busy.offline"), "open offline", false);
    }

    private void openOther(String busyLine, String task, boolean demo) {
        if (open.isRunning()) {
            return;
        }
        cancel();
        error.set("");
        open.begin(busyLine);
        executor.submit(task, demo ? opener::openDemo : opener::openOffline, w -> {
            open.finish("");
            onOpen.accept(w);
        }, e -> {
            open.finish("");
            error.set(errors.describe(e));
        });
    }

    /** Back on the sign-in screen after signing out: nothing remembered, fields cleared. */
    public void reset() {
        cancel();
        token.set("");
        appId.set("");
        appSecret.set("");
        tokenVisible.set(false);
        remember.set(false);
        error.set("");
        who.set("");
        life.set("");
        pagesFound.clear();
        extend.withdraw();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public StringProperty tokenProperty() {
        return token;
    }

    /** The Meta app's id (optional): with the secret, "Make this token last" and debug_token work. */
    public StringProperty appIdProperty() {
        return appId;
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

    /** The token check, or opening the demo or the offline cache, runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The token check runs (Cancel is offered). */
    public ReadOnlyBooleanProperty checkingProperty() {
        return check.runningProperty();
    }

    /** The demo or the offline cache is being opened ("Open offline" and "Try with sample data" wait). */
    public ReadOnlyBooleanProperty openingProperty() {
        return open.runningProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty whoProperty() {
        return who.getReadOnlyProperty();
    }

    /** How long the signed-in token lasts ("This token expires on … (58 minutes left)."); "" while unknown. */
    public ReadOnlyStringProperty lifeProperty() {
        return life.getReadOnlyProperty();
    }

    /** "Make this token last" for the signed-in token. */
    public ExtendViewModel extend() {
        return extend;
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
