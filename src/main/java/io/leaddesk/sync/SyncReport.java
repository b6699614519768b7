package io.leaddesk.sync;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The result of a sync: per form what succeeded, what failed and why. Besides failures, a sync can end with forms
 * whose pull stopped early ({@link #incompleteCount()}, read again by the next sync) and with leads that could not
 * be stored ({@link #skippedLeadCount()}); the app shows both as a warning and the CLI exits 4.
 */
public record SyncReport(List<FormOutcome> forms, long fetched, long newLeads, boolean cancelled, Duration took) {
    public SyncReport {
        forms = List.copyOf(forms);
    }

    public long failedCount() {
        return count(FormOutcome.Status.FAILED);
    }

    /** Forms whose pull stopped before the end ({@link FormOutcome.Status#INCOMPLETE}). */
    public long incompleteCount() {
        return count(FormOutcome.Status.INCOMPLETE);
    }

    /**
     * Forms that were asked for but not found ({@link FormOutcome.Status#SKIPPED}): an id no Page of the token
     * has, or a form Meta no longer serves.
     */
    public long notFoundCount() {
        return count(FormOutcome.Status.SKIPPED);
    }

    /** Leads Meta sent that could not be stored, over all forms. */
    public long skippedLeadCount() {
        return forms.stream().mapToLong(f -> f.skippedLeads().size()).sum();
    }

    /**
     * The access doctor's findings for the Pages this sync could not read (one per Page, in the order met): what
     * the app offers the Access view for.
     */
    public List<io.leaddesk.access.Finding> findings() {
        java.util.Map<String, io.leaddesk.access.Finding> byPage = new java.util.LinkedHashMap<>();
        for (FormOutcome f : forms) {
            if (f.finding() != null) {
                byPage.putIfAbsent(f.pageId() == null ? "" : f.pageId(), f.finding());
            }
        }
        return List.copyOf(byPage.values());
    }

    /** Every form's pull reached the end: not cancelled, none failed, none incomplete. */
    public boolean complete() {
        return !cancelled && failedCount() == 0 && incompleteCount() == 0;
    }

    /** Complete, and no lead had to be skipped. */
    public boolean ok() {
        return complete() && skippedLeadCount() == 0;
    }

    /**
     * One line, e.g. "Synced 12 forms: 3,456 leads fetched, 120 new, 0 failed in 4.2 s."; a sync with incomplete
     * forms or skipped leads says so first and never claims "0 failed"; forms not found are counted as such
     * ("Synced 0 forms: 0 leads fetched, 0 new, 1 form not found in 0.3 s.").
     */
    public String summary() {
        String counts = String.format(Locale.ROOT, " %,d leads fetched, %,d new", fetched, newLeads);
        String time = String.format(Locale.ROOT, " in %.1f s.", took.toMillis() / 1000.0);
        String forms = this.forms.size() + (this.forms.size() == 1 ? " form" : " forms");
        if (cancelled) {
            return "Sync cancelled: " + forms + counts + ", " + failedCount() + " failed" + problems() + time;
        }
        long incomplete = incompleteCount();
        long skipped = skippedLeadCount();
        if (incomplete == 0 && skipped == 0) {
            long notFound = notFoundCount();
            String missing = notFound == 0 ? "" : ", " + notFound + (notFound == 1 ? " form" : " forms") + " not found";
            if (notFound > 0 && failedCount() == 0) {
                return "Synced " + (this.forms.size() - notFound) + (this.forms.size() - notFound == 1 ? " form" : " forms")
                        + ":" + counts + missing + time;
            }
            return "Synced " + forms + ":" + counts + ", " + failedCount() + " failed" + missing + time;
        }
        String failed = failedCount() > 0 ? ", " + failedCount() + " failed" : "";
        if (incomplete > 0) {
            return "Sync incomplete: " + forms + "," + counts + failed + problems() + time;
        }
        return "Synced " + forms + " with skipped leads:" + counts + failed + problems() + time;
    }

    private String problems() {
        StringBuilder sb = new StringBuilder();
        long incomplete = incompleteCount();
        if (incomplete > 0) {
            sb.append(", ").append(incomplete).append(incomplete == 1 ? " form" : " forms")
                    .append(" not read to the end (the next sync reads ").append(incomplete == 1 ? "it" : "them")
                    .append(" again)");
        }
        long skipped = skippedLeadCount();
        if (skipped > 0) {
            sb.append(String.format(Locale.ROOT, ", %,d %s skipped", skipped, skipped == 1 ? "lead" : "leads"));
        }
        return sb.toString();
    }

    private long count(FormOutcome.Status status) {
        return forms.stream().filter(f -> f.status() == status).count();
    }
}
