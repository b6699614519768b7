package io.leaddesk.access;

import java.util.Locale;

/**
 * The stable codes of what the access doctor finds ({@code leaddesk doctor --json} prints {@link #wire()}). A contract:
 * codes are added, never renamed.
 */
public enum FindingCode {
    /** The token is not accepted: never valid, or not any more (password changed, logged out, app removed...). */
    TOKEN_INVALID,
    /** The token has expired. */
    TOKEN_EXPIRED,
    /** The token expires within {@link TokenLifetime#SOON}. */
    TOKEN_EXPIRES_SOON,
    /** The token's data access (90 days after the person last used the app) has expired. */
    DATA_ACCESS_EXPIRED,
    /** A permission LeadDesk needs was declined when the token was made (the finding names it). */
    PERMISSION_DECLINED,
    /** A permission LeadDesk needs was never granted (the finding names it). */
    PERMISSION_MISSING,
    /** Lead Access Manager is on for the Page and does not list the person or the app. */
    LEAD_ACCESS_MANAGER,
    /** The person's role on the Page cannot read leads (it needs the ADVERTISE or MANAGE task). */
    MISSING_TASK,
    /** The Lead Ads terms are not accepted for the Page. */
    TOS_NOT_ACCEPTED,
    /** Meta refuses the Page's leads for a reason it names (has_lead_access failure_reason). */
    LEAD_ACCESS_DENIED,
    /** The app requires appsecret_proof and no app secret was given. */
    APP_SECRET_REQUIRED,
    /** The app secret given is not the secret of the token's app. */
    APP_SECRET_WRONG,
    /** The app id given is not known to Meta. */
    APP_ID_WRONG,
    /** A Page could not be checked (gone, not visible, or Meta refused for another reason). */
    PAGE_UNREACHABLE,
    /** The token reaches no Page. */
    NO_PAGES,
    /** Meta could not be reached at all. */
    META_UNREACHABLE;

    /** {@code token_expires_soon}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
