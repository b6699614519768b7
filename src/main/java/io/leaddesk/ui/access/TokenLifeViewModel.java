package io.leaddesk.ui.access;

import io.leaddesk.access.Finding;
import io.leaddesk.access.TokenLifetime;
import io.leaddesk.ui.TaskExecutor;
import io.leaddesk.ui.Messages;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * How long the workspace's token has left, for the workspace's header ("Token: 5 days left"), and the notice on
 * opening from seven days before expiry (or once expired), which offers the way to renew. Nothing shows while it is
 * unknown (offline, Meta silent, a token whose expiry Meta does not tell).
 */
public final class TokenLifeViewModel {
    private final AccessBackend backend;
    private final TaskExecutor executor;
    private final Messages m;
    private final AccessText text;
    private final Clock clock;

    private final ReadOnlyStringWrapper label = new ReadOnlyStringWrapper(this, "label", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyBooleanWrapper warning = new ReadOnlyBooleanWrapper(this, "warning");
    private TokenLifetime lifetime = TokenLifetime.unknown();

    /** @param backend the session's access; null = offline (nothing to tell) */
    public TokenLifeViewModel(AccessBackend backend, TaskExecutor executor, Messages messages, AccessText text, Clock clock) {
        this.backend = backend;
        this.executor = executor;
        this.m = messages;
        this.text = text;
        this.clock = clock;
    }

    /**
     * Asks Meta how long the token lasts (in the background) and shows it; from seven days before expiry, or once
     * expired, {@code onNotice} is told the sentence to show on opening. A failure only leaves the label empty.
     */
    public void check(Consumer<String> onNotice) {
        if (backend == null) {
            return;
        }
        executor.submit("token lifetime", () -> backend.lifetime(() -> false), life -> {
            show(life);
            notice().ifPresent(onNotice);
        }, e -> { });
    }

    /** Shows a lifetime learnt elsewhere (the Access view, "Make this token last"). */
    public void show(TokenLifetime life) {
        lifetime = life == null ? TokenLifetime.unknown() : life;
        if (lifetime.neverExpires()) {
            label.set(m.get("tokenLife.never"));
            detail.set(m.get("tokenLife.never.detail"));
        } else if (lifetime.expiresAt() == null) {
            label.set("");
            detail.set("");
        } else if (lifetime.expired(clock)) {
            label.set(m.get("tokenLife.expired"));
            detail.set(text.expiry(lifetime, clock));
        } else {
            label.set(m.format("tokenLife.left", text.duration(lifetime.left(clock).orElseThrow())));
            detail.set(m.format("tokenLife.detail", text.expiry(lifetime, clock)));
        }
        warning.set(lifetime.expired(clock) || lifetime.expiresSoon(clock));
    }

    /** The sentence to show on opening: the token expired, or expires within seven days (with the way to renew). */
    public Optional<String> notice() {
        Optional<Finding> f = lifetime.notice(clock);
        return f.map(text::notice);
    }

    /** "Token: 5 days left", "Token never expires", "Token expired"; "" when unknown. */
    public ReadOnlyStringProperty labelProperty() {
        return label.getReadOnlyProperty();
    }

    /** The label's tooltip: when exactly it expires. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Expires within seven days, or expired. */
    public ReadOnlyBooleanProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    public TokenLifetime lifetime() {
        return lifetime;
    }
}
