package io.leaddesk.sample;

/** Who is calling the sample Graph API, worked out from the token. {@code pageId} is set for page tokens. */
record SampleCaller(String token, String id, String name, boolean leadsPermission, String pageId) {
    boolean isPage() {
        return pageId != null;
    }
}
