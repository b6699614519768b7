package io.leaddesk.sample;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** A Graph API error as the sample server answers it (thrown by handlers, written as the error envelope). */
final class GraphError extends RuntimeException {
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss z",
            Locale.US).withZone(ZoneId.of("America/Los_Angeles"));

    final int http;
    final String type;
    final int code;
    final Integer subcode;
    final boolean isTransient;
    final String userTitle;
    final String userMsg;
    final Map<String, String> headers;

    GraphError(int http, String type, int code, Integer subcode, String message, boolean isTransient,
               String userTitle, String userMsg, Map<String, String> headers) {
        super(message, null, false, false);
        this.http = http;
        this.type = type;
        this.code = code;
        this.subcode = subcode;
        this.isTransient = isTransient;
        this.userTitle = userTitle;
        this.userMsg = userMsg;
        this.headers = headers;
    }

    private static GraphError oauth(int code, Integer subcode, String message, String title, String msg) {
        return new GraphError(400, "OAuthException", code, subcode, message, false, title, msg, Map.of());
    }

    static GraphError noToken() {
        return oauth(104, null, "An access token is required to request this resource.", "Sign-in needed",
                "Send an access token with the request.");
    }

    static GraphError invalidToken() {
        return oauth(190, null, "Invalid OAuth access token - Cannot parse access token", "Invalid token",
                "The access token could not be read. Please sign in again.");
    }

    static GraphError expired(Instant now) {
        Instant expiredAt = now.minusSeconds(2 * 86_400L).minusSeconds(now.getEpochSecond() % 3600);
        return oauth(190, 463, "Error validating access token: Session has expired on " + EXPIRY.format(expiredAt)
                        + ". The current time is " + EXPIRY.format(now) + ".", "Session expired",
                "Your session has expired. Please log in again.");
    }

    static GraphError passwordChanged() {
        return oauth(190, 460, "Error validating access token: The session has been invalidated because the user"
                + " changed their password or Facebook has changed the session for security reasons.",
                "Session invalidated", "Your password was changed. Please log in again.");
    }

    static GraphError loggedOut() {
        return oauth(190, 467, "Error validating access token: The session is invalid because the user logged out.",
                "Logged out", "You logged out of Facebook. Please log in again.");
    }

    static GraphError appRemoved() {
        return oauth(190, 458, "Error validating access token: The user has not authorized application "
                + SampleTokens.APP_ID + ".", "App not authorized", "The app is not installed. Please add it again.");
    }

    /** An app token ({@code id|secret}) whose secret is not the app's. */
    static GraphError invalidTokenSignature() {
        return oauth(190, null, "Invalid OAuth access token signature.", "Invalid token",
                "The access token could not be verified.");
    }

    /** The token exchange with a wrong client_secret: Meta answers code 1. */
    static GraphError clientSecretInvalid() {
        return oauth(1, null, "Error validating client secret.", "Invalid client secret",
                "The app secret is not valid.");
    }

    /** The token exchange with an unknown client_id. */
    static GraphError applicationInvalid() {
        return oauth(101, null, "Error validating application. Invalid application ID.", "Invalid application",
                "The app id is not valid.");
    }

    static GraphError pageTokenRequired() {
        return oauth(190, null, "(#190) This method must be called with a Page Access Token", "Page token needed",
                "Leads and lead forms can only be read with the Page's own access token.");
    }

    static GraphError unknownObject(String id, String method) {
        return new GraphError(400, "GraphMethodException", 100, 33, "Unsupported " + method
                + " request. Object with ID '" + id + "' does not exist, cannot be loaded due to missing permissions,"
                + " or does not support this operation. Please read the Graph API documentation at "
                + "https://developers.facebook.com/docs/graph-api", false, "Object not available",
                "The object does not exist or this token cannot see it.", Map.of());
    }

    static GraphError nonexistingField(String field, String nodeType) {
        return oauth(100, null, "(#100) Tried accessing nonexisting field (" + field + ") on node type ("
                + nodeType + ")", "Unknown field", "The field " + field + " does not exist on " + nodeType + ".");
    }

    static GraphError badParam(String message) {
        return oauth(100, null, "(#100) " + message, "Invalid parameter", message);
    }

    static GraphError unknownPath(String path) {
        return oauth(2500, null, "Unknown path components: " + path, "Unknown path",
                "The request path is not a Graph API path.");
    }

    static GraphError noLeadsPermission() {
        return oauth(200, null, "(#200) The user must be an admin, editor, or moderator of the page in order to "
                        + "retrieve its leads. Requires leads_retrieval permission to manage the object",
                "Missing permission",
                "Ask a Page admin to grant leads_retrieval access for this Page (Lead Access Manager).");
    }

    static GraphError appsecretMissing() {
        return new GraphError(400, "GraphMethodException", 100, null,
                "API calls from the server require an appsecret_proof argument", false, "App secret proof needed",
                "This app requires appsecret_proof on every call.", Map.of());
    }

    static GraphError appsecretInvalid() {
        return new GraphError(400, "GraphMethodException", 100, null,
                "Invalid appsecret_proof provided in the API argument", false, "Invalid app secret proof",
                "The appsecret_proof does not match the access token and app secret.", Map.of());
    }

    static GraphError invalidCursor() {
        return oauth(2642, null, "(#2642) Invalid cursors values", "Invalid cursor",
                "The paging cursor is not valid. Start again from the first page.");
    }

    static GraphError transientError() {
        return new GraphError(500, "OAuthException", 2, null,
                "An unexpected error has occurred. Please retry your request later.", true, "Temporary problem",
                "Please retry your request later.", Map.of());
    }

    static GraphError rateLimited(String pageId) {
        return new GraphError(400, "OAuthException", 80005, null,
                "(#80005) There have been too many leadgen api calls to this Page. Wait a bit and try again. "
                        + "For rate limit details please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.",
                false, "Too many requests", "Wait a bit and try again.",
                Map.of("X-Business-Use-Case-Usage", "{\"" + pageId + "\":[{\"type\":\"leadgen\",\"call_count\":100,"
                        + "\"total_cputime\":10,\"total_time\":10,\"estimated_time_to_regain_access\":0}]}"));
    }

    static GraphError internal() {
        return new GraphError(500, "OAuthException", 1, null, "An unknown error occurred", true,
                "Something went wrong", "Please retry your request later.", Map.of());
    }

    String toJson(String fbtraceId) {
        StringBuilder sb = new StringBuilder(400);
        sb.append("{\"error\":{\"message\":").append(Json.str(getMessage())).append(",\"type\":\"").append(type)
                .append("\",\"code\":").append(code);
        if (subcode != null) {
            sb.append(",\"error_subcode\":").append(subcode);
        }
        sb.append(",\"is_transient\":").append(isTransient);
        if (userTitle != null) {
            sb.append(",\"error_user_title\":").append(Json.str(userTitle));
        }
        if (userMsg != null) {
            sb.append(",\"error_user_msg\":").append(Json.str(userMsg));
        }
        sb.append(",\"fbtrace_id\":\"").append(fbtraceId).append("\"}}");
        return sb.toString();
    }
}
