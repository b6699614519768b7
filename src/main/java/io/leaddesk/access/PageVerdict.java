package io.leaddesk.access;

import io.leaddesk.graph.GraphAccess;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;

import java.util.List;

/**
 * Why a Page's leads cannot be read, from what Meta told about it: the failure of a read, the person's tasks, the
 * permissions, and has_lead_access. The most specific cause wins; shared by the doctor and by a sync's diagnosis of a
 * Page it could not read ({@link PageDiagnosis}).
 */
final class PageVerdict {
    /** The tasks that let a person read a Page's leads (public reports: ADVERTISE or MANAGE). */
    static final List<String> LEAD_TASKS = List.of("ADVERTISE", "MANAGE");
    static final String LEADS_RETRIEVAL = "leads_retrieval";

    /**
     * What Meta said about one Page.
     *
     * @param tasks        the person's tasks on it; empty and {@code tasksKnown} false for a Page token
     * @param hasPageToken whether Meta gave a Page token for it (a role that gives none cannot read leads)
     * @param access       has_lead_access and the terms; null when not read
     * @param permissions  the token's permissions; null when not known (a Page token)
     * @param failure      the failure of a read of its forms or leads; null when none failed
     */
    record Evidence(String pageId, String pageName, List<String> tasks, boolean tasksKnown, boolean hasPageToken,
                    GraphAccess.PageLeadAccess access, GraphAccess.Permissions permissions, GraphException failure) {
        Evidence {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }

        /** Whether anything says the leads cannot be read. */
        boolean blocked() {
            return failure != null || !hasPageToken || (access != null && Boolean.FALSE.equals(access.canAccessLead()));
        }
    }

    private PageVerdict() {
    }

    static boolean hasLeadTask(List<String> tasks) {
        return tasks.stream().anyMatch(LEAD_TASKS::contains);
    }

    /** The cause, or null when nothing says the leads cannot be read. */
    static Finding cause(Evidence ev) {
        if (!ev.blocked()) {
            return null;
        }
        GraphException f = ev.failure();
        String id = ev.pageId();
        String name = ev.pageName();
        if (f != null && f.kind() == GraphErrorKind.TOKEN) {
            Finding t = Findings.of(f);
            return t != null ? t : Findings.pageUnreachable(id, name, f.getMessage());
        }
        if (f != null && f.retryable()) {
            return Findings.metaUnreachable(f.getMessage());
        }
        if (!ev.hasPageToken()) {
            return ev.tasksKnown() && !hasLeadTask(ev.tasks()) ? Findings.missingTask(id, name, ev.tasks())
                    : Findings.pageUnreachable(id, name, "Meta gives this token no Page token for it.");
        }
        GraphAccess.Permissions perms = ev.permissions();
        if (perms != null) {
            if (perms.declined().contains(LEADS_RETRIEVAL)) {
                return Findings.permissionDeclined(LEADS_RETRIEVAL, true);
            }
            if (!perms.granted().contains(LEADS_RETRIEVAL)) {
                return Findings.permissionMissing(LEADS_RETRIEVAL, true);
            }
        }
        GraphAccess.PageLeadAccess a = ev.access();
        if (a != null && Boolean.TRUE.equals(a.enabledLeadAccessManager())) {
            if (Boolean.FALSE.equals(a.userHasLeadsPermission())) {
                return Findings.leadAccessManagerPerson(id, name);
            }
            if (Boolean.FALSE.equals(a.appHasLeadsPermission())) {
                return Findings.leadAccessManagerApp(id, name);
            }
        }
        if (ev.tasksKnown() && !hasLeadTask(ev.tasks())) {
            return Findings.missingTask(id, name, ev.tasks());
        }
        if (a != null && Boolean.FALSE.equals(a.userHasLeadsPermission())) {
            return Findings.missingTask(id, name, ev.tasks());
        }
        if (f != null && f.kind() == GraphErrorKind.PERMISSION && perms != null && f.missingPermission() != null
                && !perms.granted().contains(f.missingPermission())) {
            return perms.declined().contains(f.missingPermission())
                    ? Findings.permissionDeclined(f.missingPermission(), true)
                    : Findings.permissionMissing(f.missingPermission(), true);
        }
        if (a != null && (Boolean.FALSE.equals(a.canAccessLead()) || Boolean.FALSE.equals(a.appHasLeadsPermission()))) {
            return Findings.leadAccessDenied(id, name, a.failureReason(), a.failureResolution());
        }
        if (f != null && f.kind() == GraphErrorKind.PERMISSION) {
            return Findings.leadAccessDenied(id, name, "it refused to read them (Meta error " + f.code() + ")", null);
        }
        if (f != null) {
            return Findings.pageUnreachable(id, name, f.getMessage());
        }
        return Findings.leadAccessDenied(id, name, a == null ? null : a.failureReason(),
                a == null ? null : a.failureResolution());
    }
}
