package io.leaddesk.ui.workspace;

import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.sync.FormOutcome;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.ui.SyncText;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.workspace.WorkspaceViewModel.NoticeKind;

/**
 * The sentence that ends a sync, telling the truth about it: what was kept after a cancel, which forms failed or were
 * not read to the end, leads Meta sent that could not be stored (a warning, never a success), and leads fetched
 * again that were already cached.
 */
final class SyncNotices {
    /** A notice's kind and text. */
    record Text(NoticeKind kind, String text) { }

    private final Messages m;
    private final SyncText text;

    SyncNotices(Messages m, SyncText text) {
        this.m = m;
        this.text = text;
    }

    Text of(SyncReport r) {
        if (r.cancelled()) {
            return new Text(NoticeKind.WARNING, r.fetched() == 0 ? m.get("notice.sync.stoppedEarly")
                    : m.format("notice.sync.stopped", r.fetched(), r.newLeads()));
        }
        String arrived = m.format("notice.sync.arrived", r.newLeads());
        if (r.failedCount() > 0) {
            FormOutcome first = first(r, FormOutcome.Status.FAILED);
            boolean token = r.forms().stream().anyMatch(f -> f.errorKind() == GraphErrorKind.TOKEN);
            return new Text(NoticeKind.ERROR, m.format("notice.sync.failed", r.newLeads(), r.failedCount(), what(first))
                    + extra(r) + (token ? " " + m.get("notice.sync.signInAgain") : ""));
        }
        if (r.incompleteCount() > 0) {
            FormOutcome first = first(r, FormOutcome.Status.INCOMPLETE);
            return new Text(NoticeKind.WARNING, m.format("notice.sync.incomplete", arrived, r.incompleteCount(), what(first))
                    + skipped(r));
        }
        if (r.skippedLeadCount() > 0) {
            return new Text(NoticeKind.WARNING, m.format("notice.sync.done", arrived) + skipped(r));
        }
        if (r.newLeads() == 0) {
            return new Text(NoticeKind.SUCCESS, r.fetched() == 0 ? m.get("notice.sync.none")
                    : m.format("notice.sync.noneRefetched", r.fetched()));
        }
        return new Text(NoticeKind.SUCCESS, m.format("notice.sync.done", arrived));
    }

    /** Besides failures: forms not read to the end, skipped leads. */
    private String extra(SyncReport r) {
        String s = "";
        if (r.incompleteCount() > 0) {
            s += " " + m.format("notice.sync.alsoIncomplete", r.incompleteCount());
        }
        return s + skipped(r);
    }

    private String skipped(SyncReport r) {
        long n = r.skippedLeadCount();
        if (n == 0) {
            return "";
        }
        FormOutcome f = r.forms().stream().filter(o -> !o.skippedLeads().isEmpty()).findFirst().orElseThrow();
        return " " + m.format("notice.sync.skipped", n, f.formName(), f.skippedLeads().get(0).describe());
    }

    private static FormOutcome first(SyncReport r, FormOutcome.Status s) {
        return r.forms().stream().filter(f -> f.status() == s).findFirst().orElseThrow();
    }

    private String what(FormOutcome f) {
        return f.formName() + ": " + text.outcome(f);
    }
}
