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

    private SampleTokens() {
    }

    public static String pageToken(String pageId) {
        return PAGE_TOKEN_PREFIX + pageId;
    }

    public static String noLeadsPageToken(String pageId) {
        return NO_LEADS_PAGE_TOKEN_PREFIX + pageId;
    }

    /** Text for the CLI's {@code sample-server} command. */
    public static String describe() {
        return """
                Sample access tokens (send as access_token=... or Authorization: Bearer ...):
                  %s
                      user "Olena Demo (sample)"; /me/accounts lists every sample page with its page token
                  %s
                      Business Manager system user; same pages
                  %s
                      user without leads_retrieval; its page tokens (%s<pageId>) get code 200 on /leads
                  %s<pageId>
                      page token: /me says metadata.type=page; needed for /leadgen_forms and /leads
                  %s
                      expired session: every call answers code 190, subcode 463
                  any other string (e.g. %s)
                      invalid token: code 190 "Invalid OAuth access token - Cannot parse access token"
                """.formatted(USER, SYSTEM_USER, NO_LEADS_PERMISSION, NO_LEADS_PAGE_TOKEN_PREFIX, PAGE_TOKEN_PREFIX,
                EXPIRED, INVALID);
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
