package io.leaddesk.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One failed Graph call, sorted into a {@link GraphErrorKind}, before it becomes a {@link GraphException}.
 * The user message is built as {@code what + ": " + todo + "."}; a give-up adds the retry story in between.
 * Nothing here is scrubbed yet: {@link #toException} replaces the token and the secret by their masked form.
 *
 * @param graphMessage Graph's own message text (may be null)
 * @param regainMinutes estimated_time_to_regain_access from the usage headers, 0 when unknown
 * @param tokenProblem what exactly is wrong with the token (TOKEN problems), else null
 * @param expiredAt    when an expired token expired, from Meta's message (null when not said)
 * @param messageKey   the app's message bundle key of the sentence (null = English only)
 */
record Problem(GraphErrorKind kind, String what, String todo, int code, int subcode, int httpStatus,
               String missingPermission, String fbtraceId, String graphMessage, long regainMinutes, Throwable cause,
               TokenProblem tokenProblem, Instant expiredAt, String messageKey, List<Object> messageArgs) {

    /** "Session has expired on Tuesday, 01-Dec-26 08:00:00 PST": the date, without the day of the week. */
    private static final Pattern EXPIRED_ON = Pattern.compile(
            "expired on (?:[A-Za-z]+, )?(\\d{1,2}-[A-Za-z]{3}-\\d{2,4} \\d{1,2}:\\d{2}:\\d{2} [A-Za-z][A-Za-z/_+-]*)");
    private static final DateTimeFormatter META_DATE = DateTimeFormatter.ofPattern("d-MMM-yy H:mm:ss z", Locale.US);
    private static final DateTimeFormatter META_DATE_LONG_YEAR = DateTimeFormatter.ofPattern("d-MMM-yyyy H:mm:ss z", Locale.US);
    /** How an expiry date reads in the English sentences: {@code 2026-12-01 16:00 UTC}. */
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final List<String> KNOWN_PERMISSIONS = List.of("leads_retrieval", "pages_show_list",
            "pages_read_engagement", "pages_manage_ads", "ads_management", "ads_read", "business_management",
            "pages_manage_metadata");

    Problem {
        messageArgs = messageArgs == null ? List.of() : List.copyOf(messageArgs);
    }

    Problem(GraphErrorKind kind, String what, String todo, int code, int subcode, int httpStatus,
            String missingPermission, String fbtraceId, String graphMessage, long regainMinutes, Throwable cause) {
        this(kind, what, todo, code, subcode, httpStatus, missingPermission, fbtraceId, graphMessage, regainMinutes,
                cause, null, null, null, List.of());
    }

    boolean retryable() {
        return kind == GraphErrorKind.TRANSIENT || kind == GraphErrorKind.RATE_LIMIT || kind == GraphErrorKind.NETWORK;
    }

    Problem withRegainMinutes(long minutes) {
        return new Problem(kind, what, todo, code, subcode, httpStatus, missingPermission, fbtraceId, graphMessage,
                minutes, cause, tokenProblem, expiredAt, messageKey, messageArgs);
    }

    Problem withKey(String key, Object... args) {
        return new Problem(kind, what, todo, code, subcode, httpStatus, missingPermission, fbtraceId, graphMessage,
                regainMinutes, cause, tokenProblem, expiredAt, key, List.of(args));
    }

    String message() {
        return what + ": " + todo + ".";
    }

    GraphFailure toException(String... secrets) {
        return build(what, todo, secrets);
    }

    /** {@code spent}: the wall-clock time since the first attempt began (waits and network time). */
    GraphFailure giveUp(int attempts, Duration spent, String... secrets) {
        String head = what + "; LeadDesk retried for " + human(spent) + " and gave up after " + attempts
                + (attempts == 1 ? " attempt" : " attempts");
        return build(head, todo, secrets);
    }

    GraphFailure giveUpTooLongToWait(int attempts, Duration budget, String... secrets) {
        String head = what + "; Meta asks to wait about " + regainMinutes + (regainMinutes == 1 ? " minute" : " minutes")
                + ", longer than LeadDesk may keep retrying (" + human(budget) + "), so it gave up after " + attempts
                + (attempts == 1 ? " attempt" : " attempts");
        return build(head, "try again in " + regainMinutes + (regainMinutes == 1 ? " minute" : " minutes"), secrets);
    }

    private GraphFailure build(String head, String todoText, String... secrets) {
        return new GraphFailure(kind, scrub(head, secrets), scrub(todoText, secrets), code, subcode, httpStatus,
                missingPermission, fbtraceId, scrub(graphMessage, secrets), scrubbedCause(cause, secrets), tokenProblem,
                expiredAt, messageKey, messageArgs);
    }

    /** Replaces every occurrence of each secret by its masked form. */
    static String scrub(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            if (s != null && !s.isEmpty() && out.contains(s)) {
                out = out.replace(s, AccessToken.mask(s));
            }
        }
        return out;
    }

    /** Keeps a cause only when its text cannot carry a secret; otherwise a plain stand-in of the same story. */
    private static Throwable scrubbedCause(Throwable cause, String... secrets) {
        if (cause == null) {
            return null;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage());
            for (String s : secrets) {
                if (s != null && !s.isEmpty() && text.contains(s)) {
                    return new IOException(cause.getClass().getSimpleName() + " (details withheld: they contained a secret)");
                }
            }
        }
        return cause;
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = Math.round(ms / 1000.0);
        if (s < 120) {
            return s + (s == 1 ? " second" : " seconds");
        }
        long m = Math.round(s / 60.0);
        return m + " minutes";
    }

    // ---- classification ----

    /** {@code {"error":{...}}} or null when the body carries no error envelope. */
    static Problem fromBody(String body, int httpStatus, String endpoint, ObjectMapper mapper) {
        if (body == null || body.isBlank()) {
            return null;
        }
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (root == null || !root.path("error").isObject()) {
            return null;
        }
        JsonNode e = root.path("error");
        return fromEnvelope(e.path("code").asInt(0), e.path("error_subcode").asInt(0), text(e, "message"),
                text(e, "error_user_msg"), e.path("is_transient").asBoolean(false), text(e, "fbtrace_id"),
                httpStatus, endpoint);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Problem fromEnvelope(int code, int subcode, String graphMessage, String userMessage, boolean isTransient,
                                String fbtrace, int http, String endpoint) {
        String gm = graphMessage == null ? "" : graphMessage;
        String lower = gm.toLowerCase(Locale.ROOT);
        String ref = "Meta error " + code + (subcode != 0 ? "/" + subcode : "");
        Problem token = tokenProblem(code, subcode, gm, lower, ref, fbtrace, http);
        if (token != null) {
            return token;
        }
        GraphErrorKind kind;
        String what;
        String todo;
        String permission = null;
        if (code == 10 || (code >= 200 && code <= 299)) {
            kind = GraphErrorKind.PERMISSION;
            permission = guessPermission(code, lower, endpoint);
            if ("leads_retrieval".equals(permission)) {
                what = "The token lacks the leads_retrieval permission for this Page (" + ref + ")";
                todo = "ask a Page admin to grant it, or check Lead Access Manager";
            } else {
                what = "The token lacks the " + permission + " permission (" + ref + ")";
                todo = "sign in again and grant " + permission + ", or ask a Page admin for access";
            }
        } else if (code == 4 || code == 17 || code == 32 || code == 341 || code == 613
                || (code >= 80000 && code <= 80014)) {
            kind = GraphErrorKind.RATE_LIMIT;
            what = "Meta is rate-limiting requests for this " + (code == 80005 || code == 80001 || code == 32 ? "Page" : "app")
                    + " (" + ref + ")";
            todo = "try again later";
        } else if (code == 2642) {
            kind = GraphErrorKind.INVALID_CURSOR;
            what = "Meta no longer accepts the paging position for this form (" + ref + ")";
            todo = "sync the form again; it restarts from the newest stored lead";
        } else if (code == 1 || code == 2 || isTransient) {
            kind = GraphErrorKind.TRANSIENT;
            what = "Meta reported a temporary problem (" + ref + ")";
            todo = "try again later";
        } else if (code == 100 && (subcode == 33 || lower.contains("does not exist"))) {
            kind = GraphErrorKind.NOT_FOUND;
            what = "The requested Page, form or lead does not exist or this token cannot see it (" + ref + ")";
            todo = "check that it was not deleted and that you still have access to it";
        } else if (code == 0 && http >= 500) {
            kind = GraphErrorKind.TRANSIENT;
            what = "Meta's servers failed temporarily (HTTP " + http + ")";
            todo = "try again later";
        } else {
            kind = GraphErrorKind.OTHER;
            String detail = userMessage != null && !userMessage.isBlank() ? userMessage : gm;
            detail = detail.strip();
            while (detail.endsWith(".")) {
                detail = detail.substring(0, detail.length() - 1);
            }
            what = "Meta refused the request (" + ref + (detail.isEmpty() ? "" : ": " + detail) + ")";
            todo = "check the settings and try again";
        }
        return new Problem(kind, what, todo, code, subcode, http, permission, fbtrace, graphMessage, 0, null);
    }

    /**
     * Problems of the token or of the app credentials sent with it, each named precisely with what to do next and a
     * message key for the app; null when the envelope is about something else.
     */
    private static Problem tokenProblem(int code, int subcode, String gm, String lower, String ref, String fbtrace,
                                        int http) {
        TokenProblem p;
        String what;
        String todo;
        String key;
        Instant expiredAt = null;
        List<Object> args = List.of();
        if (code == 190) {
            switch (subcode) {
                case 463 -> {
                    p = TokenProblem.EXPIRED;
                    expiredAt = expiryDate(gm);
                    what = expiredAt == null ? "The access token has expired (" + ref + ")"
                            : "The access token expired on " + ENGLISH_DATE.format(expiredAt) + " (" + ref + ")";
                    todo = "create a new token and sign in again (a system-user token does not expire, and"
                            + " 'leaddesk token extend' makes a short-lived user token last about 60 days)";
                    key = expiredAt == null ? "error.token.expired" : "error.token.expiredOn";
                    args = expiredAt == null ? List.of() : List.of(Date.from(expiredAt));
                }
                case 460 -> {
                    p = TokenProblem.PASSWORD_CHANGED;
                    what = "The access token stopped working because the Facebook password of its account was changed ("
                            + ref + ")";
                    todo = "log in to Facebook with the new password, create a new token and sign in again";
                    key = "error.token.password";
                }
                case 467 -> {
                    p = TokenProblem.LOGGED_OUT;
                    what = "The access token stopped working because its account logged out of Facebook (" + ref + ")";
                    todo = "log in to Facebook, create a new token and sign in again";
                    key = "error.token.loggedOut";
                }
                case 458 -> {
                    p = TokenProblem.APP_REMOVED;
                    what = "The access token stopped working because its app is not installed any more or was removed"
                            + " by the person (" + ref + ")";
                    todo = "add the app again (Facebook Settings > Apps and websites), create a new token and sign in again";
                    key = "error.token.appRemoved";
                }
                case 464 -> {
                    p = TokenProblem.UNCONFIRMED;
                    what = "The access token belongs to an unconfirmed Facebook account (" + ref + ")";
                    todo = "confirm the Facebook account, then sign in again with a new token";
                    key = "error.token.unconfirmed";
                }
                case 492 -> {
                    p = TokenProblem.NO_PAGE_ROLE;
                    what = "The access token has no role on this Page any more (" + ref + ")";
                    todo = "ask a Page admin for a role on the Page again, then sign in again with a new token";
                    key = "error.token.noPageRole";
                }
                default -> {
                    if (lower.contains("page access token")) {
                        p = TokenProblem.PAGE_TOKEN_REQUIRED;
                        what = "This request needs a Page access token, but a different kind of token was used (" + ref + ")";
                        todo = "sign in with a user token or the Page's own token";
                        key = "error.token.pageTokenRequired";
                    } else if (neverValid(subcode, lower)) {
                        p = TokenProblem.NEVER_VALID;
                        what = "Meta does not accept this as an access token: it is incomplete, mistyped, or made for"
                                + " another app (" + ref + ")";
                        todo = "copy the whole token again, or create a new one, and sign in with it";
                        key = "error.token.neverValid";
                    } else {
                        p = TokenProblem.NOT_VALID_NOW;
                        what = "The access token is not valid any more (" + ref + ")";
                        todo = "sign in again with a new token";
                        key = "error.token.notValidNow";
                    }
                }
            }
        } else if (code == 102 || code == 2500) {
            p = TokenProblem.SESSION_INVALID;
            what = "Meta no longer accepts this sign-in session (" + ref + ")";
            todo = "sign in again with a new token";
            key = "error.token.session";
        } else if (code == 100 && lower.contains("appsecret_proof")) {
            if (lower.contains("invalid")) {
                p = TokenProblem.APP_SECRET_WRONG;
                what = "The app secret does not belong to the app of this token (" + ref + ")";
                todo = "copy the app secret again from Meta for Developers > your app > App settings > Basic,"
                        + " or leave it empty if the app does not require it, and try again";
                key = "error.appSecret.wrong";
            } else {
                p = TokenProblem.APP_SECRET_REQUIRED;
                what = "The app of this token requires an app secret proof with every call (" + ref + ")";
                todo = "enter the app secret (LEADDESK_APP_SECRET for the command line; it is in Meta for Developers"
                        + " > your app > App settings > Basic) and try again";
                key = "error.appSecret.required";
            }
        } else if ((code == 1 || code == 101) && lower.contains("client secret")) {
            p = TokenProblem.APP_SECRET_WRONG;
            what = "Meta did not accept the app secret for this app id (" + ref + ")";
            todo = "copy the app secret again from Meta for Developers > your app > App settings > Basic and try again";
            key = "error.appSecret.wrong";
        } else if (code == 101) {
            p = TokenProblem.APP_ID_WRONG;
            what = "Meta does not know this app id, or the app id and secret do not belong together (" + ref + ")";
            todo = "copy the App ID and the app secret again from Meta for Developers > your app > App settings > Basic"
                    + " and try again";
            key = "error.appId.wrong";
        } else {
            return null;
        }
        return new Problem(GraphErrorKind.TOKEN, what, todo, code, subcode, http, null, fbtrace, gm, 0, null, p,
                expiredAt, key, args);
    }

    /** Code 190 for a token Meta never issued: unparseable, malformed, an invalid signature, undecryptable. */
    private static boolean neverValid(int subcode, String lower) {
        if (subcode != 0) {
            return false;
        }
        return lower.contains("cannot parse access token") || lower.contains("malformed access token")
                || lower.contains("invalid oauth access token") || lower.contains("could not be decrypted")
                || lower.contains("invalid access token signature") || lower.contains("bad signature");
    }

    /** The date in "Session has expired on Tuesday, 01-Dec-26 08:00:00 PST. The current time is ...", or null. */
    static Instant expiryDate(String graphMessage) {
        if (graphMessage == null) {
            return null;
        }
        Matcher m = EXPIRED_ON.matcher(graphMessage);
        if (!m.find()) {
            return null;
        }
        String date = m.group(1);
        for (DateTimeFormatter f : List.of(META_DATE, META_DATE_LONG_YEAR)) {
            try {
                return ZonedDateTime.parse(date, f).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    private static String guessPermission(int code, String lowerMessage, String endpoint) {
        if (lowerMessage.contains("leads_retrieval")) {
            return "leads_retrieval";
        }
        boolean leads = "leads".equals(endpoint) || "lead".equals(endpoint);
        if (code == 200 && leads) {
            return "leads_retrieval";
        }
        for (String p : KNOWN_PERMISSIONS) {
            if (lowerMessage.contains(p)) {
                return p;
            }
        }
        if (lowerMessage.contains("lead access")) {
            return "leads_retrieval";
        }
        return switch (endpoint) {
            case "leads", "lead" -> "leads_retrieval";
            case "leadgen_forms" -> "pages_manage_ads";
            case "accounts", "me" -> "pages_show_list";
            default -> "pages_read_engagement";
        };
    }

    /** An HTTP failure without an error envelope. */
    static Problem fromHttp(int http) {
        if (http >= 500) {
            return new Problem(GraphErrorKind.TRANSIENT, "Meta's servers failed temporarily (HTTP " + http + ")",
                    "try again later", 0, 0, http, null, null, null, 0, null);
        }
        if (http == 429) {
            return new Problem(GraphErrorKind.RATE_LIMIT, "Meta is rate-limiting requests (HTTP 429)",
                    "try again later", 0, 0, http, null, null, null, 0, null);
        }
        return new Problem(GraphErrorKind.OTHER, "Meta refused the request without an explanation (HTTP " + http + ")",
                "check the Graph API address and version in the settings and try again", 0, 0, http, null, null, null, 0, null);
    }

    static Problem fromIo(IOException e, String host, boolean duringBody) {
        if (e instanceof UnknownHostException) {
            return network("LeadDesk cannot find Meta's server " + host + " (unknown host)", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return network("LeadDesk cannot connect to Meta's server " + host + " (connection refused)", e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return new Problem(GraphErrorKind.TRANSIENT, "Meta did not answer in time (timeout)", "try again later",
                    0, 0, 0, null, null, null, 0, e);
        }
        String what = duringBody ? "The connection to Meta broke while the answer was arriving"
                : "The connection to Meta failed";
        return new Problem(GraphErrorKind.TRANSIENT, what, "try again later", 0, 0, 0, null, null, null, 0, e);
    }

    private static Problem network(String what, IOException e) {
        return new Problem(GraphErrorKind.NETWORK, what, "check the internet connection or proxy, then try again",
                0, 0, 0, null, null, null, 0, e).withKey("error.network");
    }

    static Problem malformed(int http, IOException e) {
        return new Problem(GraphErrorKind.TRANSIENT, "Meta sent an incomplete or malformed answer (HTTP " + http + ")",
                "try again later", 0, 0, http, null, null, null, 0, e);
    }

    /**
     * An answer larger than the client accepts for one request. Not retried: asking again brings the same answer.
     * Kind OTHER, so the sync reports the form as failed and goes on with the others.
     */
    static Problem tooLarge(int http, long limitBytes) {
        String limit = limitBytes >= 1 << 20 ? (limitBytes >> 20) + " MB" : limitBytes + " bytes";
        return new Problem(GraphErrorKind.OTHER, "The answer to one request was larger than "
                + limit + ", far more than any real Graph page, so LeadDesk stopped reading it",
                "check the Graph API address in the settings, lower the page size (LEADDESK_PAGE_SIZE), and try again",
                0, 0, http, null, null, null, 0, null);
    }

    /** Carries a problem through the retry loop. */
    static final class Raised extends Exception {
        final transient Problem problem;

        Raised(Problem problem) {
            super(null, null, false, false);
            this.problem = problem;
        }
    }
}
