package io.leaddesk.graph;

/**
 * What exactly is wrong with a token or the app credentials sent with it, for {@link GraphErrorKind#TOKEN} failures
 * ({@link GraphException#tokenProblem()}). Each has its own sentence and message key, so a token that never was valid
 * is not called "not valid any more", and an expired one says when it expired.
 */
public enum TokenProblem {
    /** Code 190 without subcode, "Cannot parse access token", "Malformed access token", "Invalid OAuth access token". */
    NEVER_VALID,
    /** 190/463: the session expired ({@link GraphException#expiredAt()} when Meta gave the date). */
    EXPIRED,
    /** 190/460: the account's password was changed. */
    PASSWORD_CHANGED,
    /** 190/467: the person logged out of Facebook. */
    LOGGED_OUT,
    /** 190/458: the app is not installed any more, or the person removed it. */
    APP_REMOVED,
    /** 190/464: the account is not confirmed. */
    UNCONFIRMED,
    /** 190/492: the person has no role on the Page any more. */
    NO_PAGE_ROLE,
    /** 190 "must be called with a Page Access Token". */
    PAGE_TOKEN_REQUIRED,
    /** 102 or 2500: no valid session. */
    SESSION_INVALID,
    /** Any other code 190: it was valid once, Meta does not say why it is not now. */
    NOT_VALID_NOW,
    /** Code 100 asking for appsecret_proof: the app has "Require App Secret" on. */
    APP_SECRET_REQUIRED,
    /** "Invalid appsecret_proof", or "Error validating client secret" (code 1 or 101): the secret is not the app's. */
    APP_SECRET_WRONG,
    /** Code 101 "Error validating application": the app id is not known. */
    APP_ID_WRONG
}
