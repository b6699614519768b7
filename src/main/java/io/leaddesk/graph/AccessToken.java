package io.leaddesk.graph;

import java.util.Objects;

/**
 * A Meta access token. Its {@link #toString()} is masked so that a token can never leak into a log line,
 * an exception message or a UI label by accident; only {@link #reveal()} hands out the real value, and only
 * the HTTP layer and the credential store call it.
 */
public final class AccessToken {
    private final String value;

    public AccessToken(String value) {
        Objects.requireNonNull(value, "token");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("The access token is empty.");
        }
        this.value = trimmed;
    }

    /** The real token, for the Authorization header / query and the OS credential store only. */
    public String reveal() {
        return value;
    }

    /** Masked form such as {@code EAAB…x9Z}: first four and last three characters. */
    public String masked() {
        return mask(value);
    }

    public static String mask(String token) {
        if (token == null || token.isEmpty()) {
            return "";
        }
        if (token.length() <= 10) {
            return "…";
        }
        return token.substring(0, 4) + "…" + token.substring(token.length() - 3);
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccessToken other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
