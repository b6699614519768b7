package io.leaddesk.ui.workspace;

import io.leaddesk.sync.FormOutcome;
import io.leaddesk.sync.SyncEvent;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.RunState;
import io.leaddesk.ui.SyncText;
import java.util.HashMap;
import java.util.Map;

/**
 * A running sync's progress as the workspace shows it: each form's bar and problem in the tree, the overall fraction
 * and status line ("Syncing form 3 of 12 · 1,240 of 5,000 leads read, 1,100 new cached": what was read and what it
 * added to the cache, labelled apart, since a re-read of cached leads adds nothing), and "Waiting…" while Meta asks to
 * wait. Slices of one form report form-wide counts, so the latest count per form is what is summed. A committed page
 * that added leads is told ({@code committed}); the tree's cached counts then move with the table's next read
 * ({@link #showGrowth}), so the two show the same numbers. UI thread only.
 */
final class SyncProgress {
    private final WorkspaceTree tree;
    private final RunState sync;
    private final Messages m;
    private final Formats formats;
    private final SyncText syncText;
    private final Runnable grew;
    private final Runnable committed;
    private final Runnable newLeads;
    private long expected;
    private final Map<String, Long> fetchedByForm = new HashMap<>();
    private final Map<String, Long> newByForm = new HashMap<>();
    /** New leads per form as the tree and the table show them now (the status line's "new cached" says the same). */
    private final Map<String, Long> shownNew = new HashMap<>();
    private int formsTotal;
    private int formsDone;

    /**
     * @param grew     a page was stored (the tree's cached counts changed)
     * @param committed a committed page added leads: the tree's counts and the table should show them, together
     * @param newLeads a page or a form brought new leads (the tree's figures should be read again soon)
     */
    SyncProgress(WorkspaceTree tree, RunState sync, Messages m, Formats formats, SyncText syncText, Runnable grew,
                 Runnable committed, Runnable newLeads) {
        this.tree = tree;
        this.sync = sync;
        this.m = m;
        this.formats = formats;
        this.syncText = syncText;
        this.grew = grew;
        this.committed = committed;
        this.newLeads = newLeads;
    }

    /** A sync begins: no counts, no problems left from the last one. */
    void reset() {
        expected = 0;
        formsTotal = 0;
        formsDone = 0;
        fetchedByForm.clear();
        newByForm.clear();
        shownNew.clear();
        tree.forms().forEach(f -> f.problemProperty().set(""));
        tree.syncStarted();
    }

    /** Applies one progress event (on the UI thread). */
    void onEvent(SyncEvent ev) {
        if (ev instanceof SyncEvent.Started s) {
            formsTotal = s.forms();
            expected = s.expected();
            updateOverall();
        } else if (ev instanceof SyncEvent.FormStarted s) {
            TreeEntry e = tree.form(s.formId());
            if (e != null) {
                e.syncingProperty().set(true);
                e.progressProperty().set(s.expected() > 0 ? 0 : -1);
            }
            updateOverall();
        } else if (ev instanceof SyncEvent.FormProgress p) {
            fetchedByForm.put(p.formId(), p.fetched());
            Long before = newByForm.put(p.formId(), p.newLeads());
            TreeEntry e = tree.form(p.formId());
            if (e != null) {
                e.progressProperty().set(p.expected() > 0 ? Math.min(1.0, (double) p.fetched() / p.expected()) : -1);
            }
            updateOverall();
            if (p.newLeads() > (before == null ? 0 : before)) {
                committed.run();
            }
        } else if (ev instanceof SyncEvent.FormFinished f) {
            formsDone++;
            FormOutcome o = f.outcome();
            TreeEntry e = tree.form(o.formId());
            if (e != null) {
                e.syncingProperty().set(false);
                e.progressProperty().set(-1);
                if (o.needsAttention()) {
                    e.problemProperty().set(syncText.outcome(o));
                }
            }
            updateOverall();
            if (o.newLeads() > 0) {
                newLeads.run();
            }
        } else if (ev instanceof SyncEvent.Waiting w) {
            sync.progress(sync.progressProperty().get(), m.format("status.waiting", syncText.waitingReason(w.reason()), Math.max(1, w.delay().toSeconds())));
        }
    }

    /** Moves the tree's cached counts to what the committed pages added (with the table's read of them). */
    void showGrowth() {
        // the texts change in place; heights are re-measured with the refresh
        newByForm.forEach(tree::growing);
        shownNew.putAll(newByForm);
        grew.run();
        updateOverall();
    }

    private void updateOverall() {
        long fetched = fetchedByForm.values().stream().mapToLong(Long::longValue).sum();
        long fresh = shownNew.values().stream().mapToLong(Long::longValue).sum();
        double fraction = expected > 0 ? Math.min(1.0, (double) fetched / expected)
                : formsTotal > 0 ? (double) formsDone / formsTotal : RunState.INDETERMINATE;
        sync.progress(fraction, m.format("status.syncing", Math.min(formsDone + 1, Math.max(formsTotal, 1)), formsTotal,
                formats.count(fetched), formats.count(expected), formats.count(fresh)));
    }
}
