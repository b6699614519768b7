package io.leaddesk.access;

import java.util.List;

/**
 * What the doctor found out about the token itself.
 *
 * @param id       whom it belongs to (a person, system user or Page); null when Meta could not say
 * @param appId    the app it belongs to (from debug_token); null when unknown
 * @param appName  that app's name; null when unknown
 * @param granted  the permissions granted (from /me/permissions, else debug_token's scopes); empty when unknown
 * @param declined the permissions declined when the token was made
 */
public record TokenReport(TokenType kind, String id, String name, String appId, String appName, TokenLifetime lifetime,
                          List<String> granted, List<String> declined) {
    public TokenReport {
        granted = granted == null ? List.of() : List.copyOf(granted);
        declined = declined == null ? List.of() : List.copyOf(declined);
        lifetime = lifetime == null ? TokenLifetime.unknown() : lifetime;
    }

    static TokenReport unknown() {
        return new TokenReport(TokenType.UNKNOWN, null, null, null, null, TokenLifetime.unknown(), List.of(), List.of());
    }
}
