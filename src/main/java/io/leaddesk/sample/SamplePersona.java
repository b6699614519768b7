package io.leaddesk.sample;

import java.util.List;

/**
 * Who a sample user token belongs to, and so what the sample Graph API lets it do: its tasks on each Page, whether
 * its Page tokens may read leads, what {@code has_lead_access} and {@code /me/permissions} say, and the prefix of the
 * Page tokens it is handed. Each persona shows one case the access doctor names (see {@link SampleTokens}).
 */
enum SamplePersona {
    /** Every Page, every task, every permission: {@link SampleTokens#USER}, the system user, the short- and long-lived tokens. */
    FULL(SampleTokens.PAGE_TOKEN_PREFIX),
    /** Lead Access Manager on every Page does not list the person: code 200 on /leads (the original no-leads token). */
    NO_LEADS(SampleTokens.NO_LEADS_PAGE_TOKEN_PREFIX),
    /** The person's role on {@link SampleTokens#BLOCKED_PAGE_ID} is ANALYZE only: that Page cannot read leads. */
    LIMITED_ROLE("sample-page-limited-"),
    /** leads_retrieval was declined when the token was made: no Page can read leads. */
    DECLINED_LEADS("sample-page-declined-"),
    /** Lead Access Manager on {@link SampleTokens#BLOCKED_PAGE_ID} does not list the app: that Page cannot read leads. */
    LAM_APP("sample-page-lam-"),
    /** The app requires appsecret_proof keyed by {@link SampleTokens#APP_SECRET}; with it, like {@link #FULL}. */
    APP_SECRET("sample-page-secret-");

    static final List<String> ALL_TASKS = List.of("ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING", "MODERATE",
            "MANAGE");
    static final List<String> LIMITED_TASKS = List.of("ADVERTISE", "ANALYZE");
    static final List<String> ANALYZE_ONLY = List.of("ANALYZE");
    /** What a token made with every permission LeadDesk asks for has. */
    static final List<String> PERMISSIONS = List.of("leads_retrieval", "pages_show_list", "pages_read_engagement",
            "pages_manage_ads", "pages_manage_metadata", "ads_read", "ads_management", "business_management",
            "public_profile");

    final String pageTokenPrefix;

    SamplePersona(String pageTokenPrefix) {
        this.pageTokenPrefix = pageTokenPrefix;
    }

    private boolean blocks(String pageId) {
        return switch (this) {
            case NO_LEADS, DECLINED_LEADS -> true;
            case LIMITED_ROLE, LAM_APP -> SampleTokens.BLOCKED_PAGE_ID.equals(pageId);
            default -> false;
        };
    }

    /** Whether this persona's Page token for {@code pageId} may read leads. */
    boolean canReadLeads(String pageId) {
        return !blocks(pageId);
    }

    List<String> tasks(String pageId) {
        return switch (this) {
            case NO_LEADS -> LIMITED_TASKS;
            case LIMITED_ROLE -> blocks(pageId) ? ANALYZE_ONLY : ALL_TASKS;
            default -> ALL_TASKS;
        };
    }

    /** {@code /me/permissions}: {permission, status} pairs. */
    List<String[]> permissions() {
        return PERMISSIONS.stream().map(p -> new String[]{p,
                this == DECLINED_LEADS && p.equals("leads_retrieval") ? "declined" : "granted"}).toList();
    }

    /** The granted permissions, as debug_token's scopes. */
    List<String> scopes() {
        return permissions().stream().filter(p -> p[1].equals("granted")).map(p -> p[0]).toList();
    }

    /** The {@code has_lead_access} member of a Page node. */
    String hasLeadAccess(String pageId) {
        if (!blocks(pageId)) {
            return "\"has_lead_access\":{\"can_access_lead\":true,\"enabled_lead_access_manager\":false,"
                    + "\"user_has_leads_permission\":true,\"app_has_leads_permission\":true}";
        }
        return switch (this) {
            case LIMITED_ROLE -> "\"has_lead_access\":{\"can_access_lead\":false,\"enabled_lead_access_manager\":false,"
                    + "\"failure_reason\":\"The user does not have the required task on the Page\","
                    + "\"failure_resolution\":\"Ask a Page admin for the Advertise task\","
                    + "\"user_has_leads_permission\":false,\"app_has_leads_permission\":true}";
            case DECLINED_LEADS -> "\"has_lead_access\":{\"can_access_lead\":false,\"enabled_lead_access_manager\":false,"
                    + "\"failure_reason\":\"The app does not have the leads_retrieval permission\","
                    + "\"failure_resolution\":\"Grant the leads_retrieval permission to the app\","
                    + "\"user_has_leads_permission\":true,\"app_has_leads_permission\":false}";
            case LAM_APP -> "\"has_lead_access\":{\"can_access_lead\":false,\"enabled_lead_access_manager\":true,"
                    + "\"failure_reason\":\"The app is not assigned in Lead Access Manager\","
                    + "\"failure_resolution\":\"Ask a business admin to assign the app in Leads Access\","
                    + "\"user_has_leads_permission\":true,\"app_has_leads_permission\":false}";
            default -> "\"has_lead_access\":{\"can_access_lead\":false,\"enabled_lead_access_manager\":true,"
                    + "\"failure_reason\":\"The user is not assigned in Lead Access Manager\","
                    + "\"failure_resolution\":\"Ask a Page admin to assign you in Lead Access Manager\","
                    + "\"user_has_leads_permission\":false,\"app_has_leads_permission\":true}";
        };
    }
}
