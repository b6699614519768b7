package io.leaddesk.sync;

/**
 * A lead Meta sent that cannot be stored, left out of the cache while the rest of its page is stored.
 *
 * @param page   the result page of the form's pull it came on, from 1
 * @param index  its position in that result page as Graph sent it, from 0
 * @param leadId its id, null when it has none
 * @param reason why it cannot be stored, a clause such as "it has no id"
 */
public record SkippedLead(int page, int index, String leadId, String reason) {
    /**
     * e.g. "result page 2, lead 6 (it has no id)" or "result page 5, lead 21 (id 2490…: its created_time is not a
     * date LeadDesk can read)"; the lead number counts from 1.
     */
    public String describe() {
        return "result page " + page + ", lead " + (index + 1) + " (" + (leadId == null ? "" : "id " + leadId + ": ")
                + reason + ")";
    }
}
