package io.leaddesk.ui;

import io.leaddesk.access.Finding;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.i18n.Language;
import io.leaddesk.sync.FormOutcome;
import io.leaddesk.sync.FormsRefresh;
import io.leaddesk.sync.SyncReport;

/**
 * The sync's sentences in the app's language. A sync outcome's own sentence is English (the command line prints it);
 * the app shows the access doctor's finding from its message keys when there is one, the English sentence when the
 * app speaks English, and otherwise the sentence of the kind of failure in the app's language.
 */
public final class SyncText {
    private final Messages m;
    private final boolean english;

    public SyncText(Messages m) {
        this.m = m;
        this.english = "en".equals(m.locale().getLanguage()) && !Language.PSEUDO.equals(m.locale());
    }

    /** Why a form failed or was skipped, and what to do ("" when it did neither). */
    public String outcome(FormOutcome o) {
        if (!english && o.finding() != null && m.has(o.finding().messageKey()) && m.has(o.finding().fixKey())) {
            return finding(o.finding());
        }
        if (o.message() == null || o.message().isBlank()) {
            return "";
        }
        if (english) {
            return o.message();
        }
        return o.storageProblem() ? m.get("error.storage") : kind(o.errorKind());
    }

    /** Why the forms of a Page could not be refreshed. */
    public String pageProblem(FormsRefresh.PageProblem p) {
        return english ? p.message() : kind(p.kind());
    }

    /** Why the sync waits before a retry. */
    public String waitingReason(String englishReason) {
        return english ? englishReason : m.get("status.waiting.reason");
    }

    /**
     * The status line after a sync, e.g. "Synced 12 forms: 3,456 leads fetched, 120 new, 0 failed in 4.2 s."; a sync
     * cut short, with forms not read to the end, or with skipped leads says that instead.
     */
    public String summary(SyncReport r) {
        int forms = r.forms().size();
        double seconds = r.took().toMillis() / 1000.0;
        if (r.cancelled()) {
            return m.format("status.syncSummary.cancelled", forms, r.fetched(), r.newLeads());
        }
        if (r.incompleteCount() > 0) {
            return m.format("status.syncSummary.incomplete", r.incompleteCount());
        }
        if (r.skippedLeadCount() > 0) {
            return m.format("status.syncSummary.skipped", r.skippedLeadCount());
        }
        return m.format("status.syncSummary", forms, r.fetched(), r.newLeads(), r.failedCount(), seconds);
    }

    /** What is wrong and what to do, as one line. */
    public String finding(Finding f) {
        Object[] args = f.args().toArray();
        return m.format(f.messageKey(), args) + " " + m.format(f.fixKey(), args);
    }

    private String kind(GraphErrorKind k) {
        if (k == null) {
            return m.get("error.remote");
        }
        return switch (k) {
            case TOKEN -> m.get("error.token.invalid");
            case PERMISSION -> m.get("error.access");
            case NETWORK -> m.get("error.network");
            case RATE_LIMIT -> m.get("error.rateLimit");
            default -> m.get("error.remote");
        };
    }
}
