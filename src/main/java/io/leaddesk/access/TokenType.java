package io.leaddesk.access;

import java.util.Locale;

/** What kind of token it is, as debug_token says (system users only there), else as /me says. */
public enum TokenType {
    USER, PAGE, SYSTEM_USER, UNKNOWN;

    /** {@code user}, {@code page}, {@code system_user}, {@code unknown}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
