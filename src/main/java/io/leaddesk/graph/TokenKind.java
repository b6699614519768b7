package io.leaddesk.graph;

/** What kind of token the user signed in with. System-user tokens answer as {@link #USER}. */
public enum TokenKind {
    USER, PAGE;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
