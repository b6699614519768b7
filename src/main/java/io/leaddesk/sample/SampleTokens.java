package io.leaddesk.sample;

/**
 * The access tokens the sample Graph API understands. None of them looks like a real Meta token.
 */
public final class SampleTokens {
    /** A person ("Olena Demo (sample)") who manages every sample page. */
    public static final String USER = "sample-user-token";
    /** A Business Manager system user reaching the same pages. */
    public static final String SYSTEM_USER = "sample-system-user-token";
    /** Every call fails with code 190, subcode 463 (session expired). */
    public static final String EXPIRED = "sample-expired-token";
    /** A user whose pages are listed, but whose page tokens lack leads_retrieval (code 200 on /leads). */
    public static final String NO_LEADS_PERMISSION = "sample-user-no-leads-permission";
    /** Prefix of page tokens: {@code sample-page-token-<pageId>}. */
    public static final String PAGE_TOKEN_PREFIX = "sample-page-token-";
    /** Prefix of the page tokens handed to {@link #NO_LEADS_PERMISSION}: {@code sample-page-noleads-<pageId>}. */
    public static final String NO_LEADS_PAGE_TOKEN_PREFIX = "sample-page-noleads-";
    /** Any unknown string is an invalid token; this one is handy in tests and demos. */
    public static final String INVALID = "sample-invalid-token";

    /** The invented Meta app every sample token belongs to. */
    public static final String APP_ID = "100000000000001";
    /** The invented app's secret: for the token exchange, debug_token's app token, and appsecret_proof. */
    public static final String APP_SECRET = "sample-app-secret";
    /** The invented app's name, as debug_token calls it. */
    public static final String APP_NAME = "LeadDesk Sample App";
    /** Like {@link #USER}, but short-lived: debug_token says it expires within the hour. Exchange it for {@link #LONG_LIVED}. */
    public static final String SHORT_LIVED = "sample-short-lived-token";
    /** What the token exchange gives for {@link #SHORT_LIVED} or {@link #USER}: like USER, expires in 60 days. */
    public static final String LONG_LIVED = "sample-long-lived-token";
    /** The Page that the limited-role and Lead Access Manager tokens cannot read. */
    public static final String BLOCKED_PAGE_ID = "104200000000202";
    /** A user whose role on {@link #BLOCKED_PAGE_ID} is ANALYZE only: that Page's leads cannot be read (missing_task). */
    public static final String LIMITED_ROLE = "sample-user-limited-role";
    /** A user who declined leads_retrieval when the token was made: no Page's leads can be read. */
    public static final String DECLINED_LEADS = "sample-user-declined-leads";
    /** A user whose app Lead Access Manager of {@link #BLOCKED_PAGE_ID} does not list: that Page's leads cannot be read. */
    public static final String LEAD_ACCESS_MANAGER = "sample-user-lead-access-manager";
    /** Every call fails with code 190, subcode 460 (the password was changed). */
    public static final String PASSWORD_CHANGED = "sample-password-changed-token";
    /** Every call fails with code 190, subcode 467 (logged out of Facebook). */
    public static final String LOGGED_OUT = "sample-logged-out-token";
    /** Every call fails with code 190, subcode 458 (the app was removed by the person). */
    public static final String APP_REMOVED = "sample-app-removed-token";
    /** A user of an app with "Require App Secret": without appsecret_proof keyed by {@link #APP_SECRET} code 100. */
    public static final String APP_SECRET_REQUIRED = "sample-user-requires-appsecret";

    private SampleTokens() {
    }

    public static String pageToken(String pageId) {
        return PAGE_TOKEN_PREFIX + pageId;
    }

    public static String noLeadsPageToken(String pageId) {
        return NO_LEADS_PAGE_TOKEN_PREFIX + pageId;
    }

    /** What {@link #describe()} says: a constant, so that {@code sample-server --help} can show it too. */
    public static final String DESCRIPTION = "Sample access tokens (send as access_token=... or Authorization: Bearer ...):\n"
            + "  " + USER + "\n"
            + "      user \"Olena Demo (sample)\"; /me/accounts lists every sample page with its page token\n"
            + "  " + SYSTEM_USER + "\n"
            + "      Business Manager system user; same pages; debug_token: never expires\n"
            + "  " + NO_LEADS_PERMISSION + "\n"
            + "      user without leads_retrieval; its page tokens (" + NO_LEADS_PAGE_TOKEN_PREFIX + "<pageId>) get code 200\n"
            + "      on /leads (Lead Access Manager does not list the person)\n"
            + "  " + PAGE_TOKEN_PREFIX + "<pageId>\n"
            + "      page token: /me says metadata.type=page; needed for /leadgen_forms and /leads\n"
            + "  " + EXPIRED + "\n"
            + "      expired session: every call answers code 190, subcode 463\n"
            + "  any other string (e.g. " + INVALID + ")\n"
            + "      invalid token: code 190 \"Invalid OAuth access token - Cannot parse access token\"\n"
            + "Access doctor cases (leaddesk doctor):\n"
            + "  " + SHORT_LIVED + "\n"
            + "      like the user, but short-lived: debug_token says it expires within the hour\n"
            + "      (token_expires_soon; exchange it with leaddesk token extend)\n"
            + "  " + LONG_LIVED + "\n"
            + "      what the exchange gives: like the user, expires in 60 days\n"
            + "  " + LIMITED_ROLE + "\n"
            + "      role on Page " + BLOCKED_PAGE_ID + " is ANALYZE only: its leads cannot be read (missing_task)\n"
            + "  " + DECLINED_LEADS + "\n"
            + "      leads_retrieval was declined: no Page's leads can be read (permission_declined)\n"
            + "  " + LEAD_ACCESS_MANAGER + "\n"
            + "      Lead Access Manager of Page " + BLOCKED_PAGE_ID + " does not list the app (lead_access_manager)\n"
            + "  " + APP_SECRET_REQUIRED + "\n"
            + "      the app requires appsecret_proof (app_secret_required): set LEADDESK_APP_SECRET=" + APP_SECRET + "\n"
            + "  " + PASSWORD_CHANGED + ", " + LOGGED_OUT + ", " + APP_REMOVED + "\n"
            + "      every call answers code 190 with subcode 460 (password changed), 467 (logged out of\n"
            + "      Facebook), 458 (app removed by the person)\n"
            + "Sample app: LEADDESK_APP_ID=" + APP_ID + " LEADDESK_APP_SECRET=" + APP_SECRET + "\n"
            + "  debug_token answers for the app token " + APP_ID + "|" + APP_SECRET + " (or a sample token itself);\n"
            + "  GET /oauth/access_token?grant_type=fb_exchange_token exchanges a user token for " + LONG_LIVED + "\n"
            + "  (a wrong secret answers code 1 \"Error validating client secret\", a wrong app id code 101).\n";

    /** Text for the CLI's {@code sample-server} command (and its --help). */
    public static String describe() {
        return DESCRIPTION;
    }

    /** {@link #describe()} followed by the page tokens of a dataset. */
    public static String describe(SampleDataset dataset) {
        StringBuilder sb = new StringBuilder(describe()).append("Sample pages:\n");
        for (SamplePage p : dataset.pages()) {
            sb.append("  ").append(p.id()).append("  ").append(p.name()).append("  (").append(p.forms().size())
                    .append(" forms)\n      page token: ").append(pageToken(p.id())).append('\n');
        }
        return sb.toString();
    }
}
