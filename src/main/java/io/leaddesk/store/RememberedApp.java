package io.leaddesk.store;

/**
 * The Meta app's id and secret as "Remember on this computer" keeps them in the OS credential store next to the token
 * (for appsecret_proof, "Make this token last" and debug_token). Either may be missing, not both.
 * {@link #toString()} never shows the secret.
 */
public record RememberedApp(String appId, String appSecret) {
    public RememberedApp {
        appId = blankToNull(appId);
        appSecret = blankToNull(appSecret);
        if (appId == null && appSecret == null) {
            throw new IllegalArgumentException("Neither an app id nor an app secret");
        }
    }

    /** Null when both are missing or blank. */
    public static RememberedApp ofNullable(String appId, String appSecret) {
        return blankToNull(appId) == null && blankToNull(appSecret) == null ? null : new RememberedApp(appId, appSecret);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    public String toString() {
        return "RememberedApp[appId=" + appId + ", appSecret=" + (appSecret == null ? "none" : "***") + "]";
    }
}
