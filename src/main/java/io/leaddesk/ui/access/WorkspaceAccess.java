package io.leaddesk.ui.access;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The workspace's ways into the Access view: the toolbar's "Access" and the "Check access…" of a notice about a
 * token or permission problem (both through {@link #open()}, set by the window), and how long the token has left
 * ({@link #tokenLife()}, set by the composition root).
 */
public final class WorkspaceAccess {
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private Runnable onOpen;
    private TokenLifeViewModel tokenLife;

    /** Set by the window that opens the Access view; until then "Access" is disabled and notices offer nothing. */
    public void setOnOpen(Runnable hook) {
        this.onOpen = hook;
        available.set(hook != null);
    }

    /** Opens the Access view (when it can be). */
    public void open() {
        if (onOpen != null) {
            onOpen.run();
        }
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public void setTokenLife(TokenLifeViewModel tokenLife) {
        this.tokenLife = tokenLife;
    }

    /** How long the token has left; null when not shown (tests, offline without one). */
    public TokenLifeViewModel tokenLife() {
        return tokenLife;
    }
}
