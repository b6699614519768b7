package io.leaddesk.graph;

/** Answer of {@code /me}: what the token is and whom it belongs to. */
public record TokenInfo(TokenKind kind, String id, String name) {
}
