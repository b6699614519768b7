package io.leaddesk.model;

import java.util.List;

/**
 * A lead as Graph returned it. The parsed fields are for sorting, filtering and display;
 * {@code rawJson} is the lead object exactly as received (byte-exact substring of the response body)
 * and is what the cache keeps as the source of truth.
 *
 * @param createdTime        created_time as received, e.g. {@code 2025-10-08T09:09:27+0000}
 * @param createdEpochSecond the same instant in Unix seconds
 * @param isOrganic          null when the field was absent
 */
public record Lead(
        String id,
        String createdTime,
        long createdEpochSecond,
        String formId,
        String adId,
        String adName,
        String adsetId,
        String adsetName,
        String campaignId,
        String campaignName,
        Boolean isOrganic,
        String platform,
        String partnerName,
        String retailerItemId,
        List<FieldAnswer> fieldData,
        List<DisclaimerResponse> disclaimerResponses,
        String rawJson) {
    public Lead {
        fieldData = fieldData == null ? List.of() : List.copyOf(fieldData);
        disclaimerResponses = disclaimerResponses == null ? List.of() : List.copyOf(disclaimerResponses);
    }
}
