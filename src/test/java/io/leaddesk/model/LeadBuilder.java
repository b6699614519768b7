package io.leaddesk.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one way tests make a {@link Lead}: named fields instead of the record's 17 positional arguments, with the
 * defaults a lead from Graph usually has (created at {@link #DEFAULT_CREATED}, no attribution, no answers).
 * {@code LeadBuilder.lead("l1").form("f1").answer("email", "a@b.c").build()}; {@link #from(Lead)} copies a lead to
 * change one field.
 */
public final class LeadBuilder {
    /** created_time as Graph writes it; the default of every built lead. */
    public static final String DEFAULT_CREATED = "2025-10-08T09:09:27+0000";

    private String id;
    private String createdTime = DEFAULT_CREATED;
    private long createdEpochSecond = CreatedTime.epochSeconds(DEFAULT_CREATED);
    private String formId;
    private String adId;
    private String adName;
    private String adsetId;
    private String adsetName;
    private String campaignId;
    private String campaignName;
    private Boolean isOrganic;
    private String platform;
    private String partnerName;
    private String retailerItemId;
    private final List<FieldAnswer> fieldData = new ArrayList<>();
    private final List<DisclaimerResponse> disclaimers = new ArrayList<>();
    private String rawJson;

    private LeadBuilder(String id) {
        this.id = id;
    }

    public static LeadBuilder lead(String id) {
        return new LeadBuilder(id);
    }

    /** Every field of {@code l}, to be changed before {@link #build()}. */
    public static LeadBuilder from(Lead l) {
        LeadBuilder b = new LeadBuilder(l.id());
        b.createdTime = l.createdTime();
        b.createdEpochSecond = l.createdEpochSecond();
        b.formId = l.formId();
        b.adId = l.adId();
        b.adName = l.adName();
        b.adsetId = l.adsetId();
        b.adsetName = l.adsetName();
        b.campaignId = l.campaignId();
        b.campaignName = l.campaignName();
        b.isOrganic = l.isOrganic();
        b.platform = l.platform();
        b.partnerName = l.partnerName();
        b.retailerItemId = l.retailerItemId();
        b.fieldData.addAll(l.fieldData());
        b.disclaimers.addAll(l.disclaimerResponses());
        b.rawJson = l.rawJson();
        return b;
    }

    public LeadBuilder id(String v) {
        id = v;
        return this;
    }

    /** created_time as received, and the instant it names (parsed the way the lead reader does). */
    public LeadBuilder created(String v) {
        createdTime = v;
        createdEpochSecond = v == null ? 0 : CreatedTime.epochSeconds(v);
        return this;
    }

    /** created_time as received and its instant, set apart (for shapes whose text the reader parses leniently). */
    public LeadBuilder created(String v, long epochSecond) {
        createdTime = v;
        createdEpochSecond = epochSecond;
        return this;
    }

    public LeadBuilder form(String v) {
        formId = v;
        return this;
    }

    public LeadBuilder ad(String adId, String adName) {
        this.adId = adId;
        this.adName = adName;
        return this;
    }

    public LeadBuilder adset(String adsetId, String adsetName) {
        this.adsetId = adsetId;
        this.adsetName = adsetName;
        return this;
    }

    public LeadBuilder campaign(String campaignId, String campaignName) {
        this.campaignId = campaignId;
        this.campaignName = campaignName;
        return this;
    }

    public LeadBuilder organic(Boolean v) {
        isOrganic = v;
        return this;
    }

    public LeadBuilder platform(String v) {
        platform = v;
        return this;
    }

    public LeadBuilder partner(String v) {
        partnerName = v;
        return this;
    }

    public LeadBuilder retailerItem(String v) {
        retailerItemId = v;
        return this;
    }

    public LeadBuilder answer(String name, String... values) {
        fieldData.add(new FieldAnswer(name, Arrays.asList(values)));
        return this;
    }

    public LeadBuilder answers(List<FieldAnswer> v) {
        fieldData.clear();
        fieldData.addAll(v);
        return this;
    }

    public LeadBuilder disclaimer(String checkboxKey, boolean checked) {
        disclaimers.add(new DisclaimerResponse(checkboxKey, checked));
        return this;
    }

    public LeadBuilder disclaimers(List<DisclaimerResponse> v) {
        disclaimers.clear();
        disclaimers.addAll(v);
        return this;
    }

    public LeadBuilder raw(String v) {
        rawJson = v;
        return this;
    }

    public Lead build() {
        return new Lead(id, createdTime, createdEpochSecond, formId, adId, adName, adsetId, adsetName, campaignId,
                campaignName, isOrganic, platform, partnerName, retailerItemId, fieldData, disclaimers, rawJson);
    }
}
