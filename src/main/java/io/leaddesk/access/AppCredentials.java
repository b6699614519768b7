package io.leaddesk.access;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphAccess;

import java.util.Objects;

/**
 * A Meta app's id and secret, as the person gives them (fields in the app, {@code LEADDESK_APP_ID} and
 * {@code LEADDESK_APP_SECRET} for the command line): for the token exchange and for asking debug_token with the app
 * token. The secret stays in memory, goes only to Meta, and never into a log, a sentence or a file;
 * {@link #toString()} does not show it.
 */
public record AppCredentials(String appId, String appSecret) {
    public AppCredentials {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(appSecret, "appSecret");
        appId = appId.strip();
        appSecret = appSecret.strip();
        if (appId.isEmpty() || appSecret.isEmpty()) {
            throw new IllegalArgumentException("Both the app id and the app secret are needed");
        }
    }

    /** Both given (not blank), else null. */
    public static AppCredentials ofNullable(String appId, String appSecret) {
        if (appId == null || appId.isBlank() || appSecret == null || appSecret.isBlank()) {
            return null;
        }
        return new AppCredentials(appId, appSecret);
    }

    /** {@code APP_ID|APP_SECRET}: what debug_token may be asked with. */
    public AccessToken appToken() {
        return GraphAccess.appToken(appId, appSecret);
    }

    @Override
    public String toString() {
        return "AppCredentials[appId=" + appId + ", appSecret=***]";
    }
}
