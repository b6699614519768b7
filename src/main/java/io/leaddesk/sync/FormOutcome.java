package io.leaddesk.sync;

import io.leaddesk.access.Finding;
import io.leaddesk.graph.GraphErrorKind;

import java.util.List;

/**
 * How the sync of one form ended. {@code message} is a plain sentence for FAILED/SKIPPED/INCOMPLETE (what happened,
 * what to do), and for OK with skipped leads. {@code errorKind} is null unless FAILED/SKIPPED because of Graph;
 * {@code storageProblem} is true when the local cache could not be written (the CLI's exit code 5).
 * {@code skippedLeads} are the leads of the form Meta sent that could not be stored (the rest of their pages were).
 * {@code finding} is the access doctor's finding for the Page when a token or permission problem stopped the form
 * (what is wrong, what to do and where in Meta, with message keys for the app); null otherwise.
 */
public record FormOutcome(String pageId, String formId, String formName, Status status, long fetched, long newLeads,
                          String message, GraphErrorKind errorKind, boolean storageProblem,
                          List<SkippedLead> skippedLeads, Finding finding) {
    public enum Status {
        OK,
        FAILED,
        CANCELLED,
        SKIPPED,
        /**
         * The pull stopped before Graph said there was nothing more (a loop guard or the page cap): what was fetched
         * is kept, the form's watermark did not move, and the next sync reads the form again from the old one.
         */
        INCOMPLETE
    }

    public FormOutcome {
        skippedLeads = skippedLeads == null ? List.of() : List.copyOf(skippedLeads);
    }

    public FormOutcome(String pageId, String formId, String formName, Status status, long fetched, long newLeads,
                       String message, GraphErrorKind errorKind, boolean storageProblem,
                       List<SkippedLead> skippedLeads) {
        this(pageId, formId, formName, status, fetched, newLeads, message, errorKind, storageProblem, skippedLeads, null);
    }

    public FormOutcome(String pageId, String formId, String formName, Status status, long fetched, long newLeads,
                       String message, GraphErrorKind errorKind, boolean storageProblem) {
        this(pageId, formId, formName, status, fetched, newLeads, message, errorKind, storageProblem, List.of());
    }

    public FormOutcome(String pageId, String formId, String formName, Status status, long fetched, long newLeads,
                       String message, GraphErrorKind errorKind) {
        this(pageId, formId, formName, status, fetched, newLeads, message, errorKind, false, List.of());
    }

    /** The same outcome with the doctor's finding for its Page, told in {@code newMessage}. */
    public FormOutcome withFinding(Finding f, String newMessage) {
        return new FormOutcome(pageId, formId, formName, status, fetched, newLeads, newMessage, errorKind,
                storageProblem, skippedLeads, f);
    }

    /** True when every lead Graph had for the form was read (some may still have been skipped). */
    public boolean complete() {
        return status == Status.OK;
    }

    /** True when the user should hear about this form: it did not complete, or leads of it were skipped. */
    public boolean needsAttention() {
        return status != Status.OK || !skippedLeads.isEmpty();
    }
}
