package io.leaddesk.sync;

import io.leaddesk.graph.GraphErrorKind;

/**
 * How the sync of one form ended. {@code message} is a plain sentence for FAILED/SKIPPED (what happened, what to do).
 * {@code errorKind} is null unless FAILED/SKIPPED because of Graph; {@code storageProblem} is true when the local
 * cache could not be written (the CLI's exit code 5).
 */
public record FormOutcome(String pageId, String formId, String formName, Status status, long fetched, long newLeads,
                          String message, GraphErrorKind errorKind, boolean storageProblem) {
    public enum Status { OK, FAILED, CANCELLED, SKIPPED }

    public FormOutcome(String pageId, String formId, String formName, Status status, long fetched, long newLeads,
                       String message, GraphErrorKind errorKind) {
        this(pageId, formId, formName, status, fetched, newLeads, message, errorKind, false);
    }
}
