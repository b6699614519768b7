package io.leaddesk.access;

import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.graph.TokenProblem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * Makes {@link Finding}s: each from its message keys ({@code access.<code>[.<variant>].message} and {@code .fix}),
 * whose English text is the command line's sentence. Page findings take the Page's name as their first argument.
 */
public final class Findings {
    private Findings() {
    }

    private static Finding make(FindingCode code, String variant, String fixVariant, String pageId, String permission,
                                boolean blocking, Object... args) {
        String base = "access." + code.wire();
        String messageKey = base + (variant == null ? "" : "." + variant) + ".message";
        String fixKey = base + (fixVariant == null ? "" : "." + fixVariant) + (fixVariant != null && fixVariant.endsWith("Fix") ? "" : ".fix");
        List<Object> a = new ArrayList<>(Arrays.asList(args));
        return new Finding(code, English.text(messageKey, a), English.text(fixKey, a), messageKey, fixKey, a, pageId,
                permission, blocking);
    }

    // ---- the token ----

    /** Expired, on the date Meta gave (null: not said). */
    public static Finding tokenExpired(Instant at) {
        return at == null ? make(FindingCode.TOKEN_EXPIRED, "unknown", null, null, null, true)
                : make(FindingCode.TOKEN_EXPIRED, null, null, null, null, true, Date.from(at));
    }

    /** Expires at {@code at}, {@code daysLeft} whole days from now (0: less than a day). */
    public static Finding tokenExpiresSoon(Instant at, long daysLeft) {
        return make(FindingCode.TOKEN_EXPIRES_SOON, null, null, null, null, false, Date.from(at), Math.max(0, daysLeft));
    }

    public static Finding dataAccessExpired(Instant at) {
        return make(FindingCode.DATA_ACCESS_EXPIRED, null, null, null, null, true, Date.from(at));
    }

    public static Finding permissionDeclined(String permission, boolean blocking) {
        return make(FindingCode.PERMISSION_DECLINED, null, null, null, permission, blocking, permission);
    }

    public static Finding permissionMissing(String permission, boolean blocking) {
        return make(FindingCode.PERMISSION_MISSING, null, null, null, permission, blocking, permission);
    }

    public static Finding appSecretRequired() {
        return make(FindingCode.APP_SECRET_REQUIRED, null, null, null, null, true);
    }

    public static Finding appSecretWrong() {
        return make(FindingCode.APP_SECRET_WRONG, null, null, null, null, true);
    }

    public static Finding appIdWrong() {
        return make(FindingCode.APP_ID_WRONG, null, null, null, null, true);
    }

    public static Finding noPages() {
        return make(FindingCode.NO_PAGES, null, null, null, null, true);
    }

    /** Meta could not be reached; {@code sentence} is the failure's own. */
    public static Finding metaUnreachable(String sentence) {
        return make(FindingCode.META_UNREACHABLE, null, null, null, null, true, sentence);
    }

    // ---- a Page ----

    public static Finding leadAccessManagerPerson(String pageId, String pageName) {
        return make(FindingCode.LEAD_ACCESS_MANAGER, "person", "person", pageId, "leads_retrieval", true, name(pageName, pageId));
    }

    public static Finding leadAccessManagerApp(String pageId, String pageName) {
        return make(FindingCode.LEAD_ACCESS_MANAGER, "app", "app", pageId, "leads_retrieval", true, name(pageName, pageId));
    }

    /** The role's tasks on the Page ({@code tasks} empty: none the token was told of). */
    public static Finding missingTask(String pageId, String pageName, List<String> tasks) {
        return make(FindingCode.MISSING_TASK, null, null, pageId, null, true, name(pageName, pageId),
                tasks.isEmpty() ? "no tasks" : String.join(", ", tasks));
    }

    public static Finding tosNotAccepted(String pageId, String pageName) {
        return make(FindingCode.TOS_NOT_ACCEPTED, null, null, pageId, null, false, name(pageName, pageId));
    }

    /** Meta's own reason ({@code failure_reason}) and, when it gave one, its resolution. */
    public static Finding leadAccessDenied(String pageId, String pageName, String reason, String resolution) {
        String r = bare(reason == null || reason.isBlank() ? "it gave no reason" : reason);
        boolean meta = resolution != null && !resolution.isBlank();
        return make(FindingCode.LEAD_ACCESS_DENIED, null, meta ? "metaFix" : null, pageId, null, true,
                name(pageName, pageId), r, meta ? bare(resolution) : "");
    }

    /** The Page could not be checked; {@code sentence} is the failure's own. */
    public static Finding pageUnreachable(String pageId, String pageName, String sentence) {
        return make(FindingCode.PAGE_UNREACHABLE, null, null, pageId, null, true, name(pageName, pageId), sentence);
    }

    // ---- from a failure ----

    /**
     * The finding a Graph failure stands for: a token problem by its {@link TokenProblem}, Meta not reached for
     * network and server failures; {@code null} for anything else (a Page's own failure: see {@link #pageUnreachable}).
     */
    public static Finding of(GraphException e) {
        if (e.kind() == GraphErrorKind.NETWORK || e.kind() == GraphErrorKind.TRANSIENT
                || e.kind() == GraphErrorKind.RATE_LIMIT) {
            return metaUnreachable(e.getMessage());
        }
        if (e.kind() != GraphErrorKind.TOKEN) {
            return null;
        }
        TokenProblem p = e.tokenProblem() == null ? TokenProblem.NOT_VALID_NOW : e.tokenProblem();
        String ref = "Meta error " + e.code() + (e.subcode() != 0 ? "/" + e.subcode() : "");
        return switch (p) {
            case EXPIRED -> tokenExpired(e.expiredAt());
            case NEVER_VALID -> make(FindingCode.TOKEN_INVALID, "never_valid", "never_valid", null, null, true);
            case PASSWORD_CHANGED -> make(FindingCode.TOKEN_INVALID, "password_changed", "password_changed", null, null, true);
            case LOGGED_OUT -> make(FindingCode.TOKEN_INVALID, "logged_out", "logged_out", null, null, true);
            case APP_REMOVED -> make(FindingCode.TOKEN_INVALID, "app_removed", "app_removed", null, null, true);
            case APP_SECRET_REQUIRED -> appSecretRequired();
            case APP_SECRET_WRONG -> appSecretWrong();
            case APP_ID_WRONG -> appIdWrong();
            default -> make(FindingCode.TOKEN_INVALID, "other", "other", null, null, true, ref);
        };
    }

    private static String name(String pageName, String pageId) {
        return pageName == null || pageName.isBlank() ? pageId : pageName;
    }

    private static String bare(String s) {
        String t = s.strip();
        while (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }
}
