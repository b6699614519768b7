package io.leaddesk.store;

import io.leaddesk.model.LeadForm;
import java.time.Instant;

/**
 * A form as kept in the cache: the form as last synced from Graph (questions and disclaimer text included),
 * how many of its leads are cached, and its sync state.
 *
 * @param cachedLeads  leads of this form in the cache
 * @param lastSynced   when a sync of this form last completed, null if never
 * @param watermark    Unix seconds of the newest created_time seen by the last complete pull, null before the first one
 */
public record StoredForm(LeadForm form, long cachedLeads, Instant lastSynced, Long watermark) {
    public String id() {
        return form.id();
    }

    public String pageId() {
        return form.pageId();
    }
}
