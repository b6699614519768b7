package io.leaddesk.sync;

import java.time.Duration;

/** Immutable progress events of a sync, delivered on the sync's threads (the UI hands them to the FX thread). */
public sealed interface SyncEvent {

    /** The forms to sync are known. {@code expected} = sum of their leads_count (0 if unknown). */
    record Started(int forms, long expected) implements SyncEvent { }

    record FormStarted(String pageId, String pageName, String formId, String formName, long expected, boolean incremental)
            implements SyncEvent { }

    /** After each committed result page: leads fetched so far for the form and how many were new. */
    record FormProgress(String pageId, String formId, long fetched, long expected, long newLeads) implements SyncEvent { }

    record FormFinished(FormOutcome outcome) implements SyncEvent { }

    /** The client is backing off before a retry (rate limit or transient failure). */
    record Waiting(String formId, String reason, Duration delay) implements SyncEvent { }

    /** Always the last event. */
    record Finished(SyncReport report) implements SyncEvent { }
}
