package io.leaddesk.sync;

import io.leaddesk.graph.GraphErrorKind;

/**
 * How the sync of one form ended. {@code message} is a plain sentence for FAILED/SKIPPED (what happened, what to do).
 * {@code errorKind} is null unless FAILED/SKIPPED because of Graph.
 */
public record FormOutcome(String pageId, String formId, String formName, Status status, long fetched, long newLeads,
                          String message, GraphErrorKind errorKind) {
    public enum Status { OK, FAILED, CANCELLED, SKIPPED }
}
