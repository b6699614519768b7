package io.leaddesk.store;

/**
 * One row of the leads table: just the columns the table shows, read without parsing the lead JSON.
 * {@code name}, {@code email}, {@code phone} were found through the form's question types at sync time.
 * {@code isNew}: not yet opened in the detail pane nor marked seen ({@link LeadStore#isNew}).
 */
public record LeadRow(
        long rowId,
        String id,
        String formId,
        String pageId,
        long createdEpochSecond,
        String name,
        String email,
        String phone,
        String platform,
        Boolean organic,
        String campaignName,
        String adName,
        ReviewStatus status,
        boolean isNew) {

    /** A row that is not new. */
    public LeadRow(long rowId, String id, String formId, String pageId, long createdEpochSecond, String name,
                   String email, String phone, String platform, Boolean organic, String campaignName, String adName,
                   ReviewStatus status) {
        this(rowId, id, formId, pageId, createdEpochSecond, name, email, phone, platform, organic, campaignName,
                adName, status, false);
    }
}
