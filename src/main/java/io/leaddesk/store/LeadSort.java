package io.leaddesk.store;

/** Sortable columns of the leads table. */
public enum LeadSort {
    CREATED, NAME, EMAIL, PHONE, PLATFORM, ORGANIC, CAMPAIGN, STATUS, FORM
}
