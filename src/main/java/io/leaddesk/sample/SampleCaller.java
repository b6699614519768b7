package io.leaddesk.sample;

/**
 * Who is calling the sample Graph API, worked out from the token. {@code pageId} is set for page tokens;
 * {@code leadsPermission} says whether this caller may read leads (for a page token: on its Page).
 */
record SampleCaller(String token, String id, String name, boolean leadsPermission, String pageId, SamplePersona persona,
                    Kind kind) {

    /** What debug_token says the token is. */
    enum Kind { USER, SYSTEM_USER, SHORT_LIVED, LONG_LIVED, PAGE }

    boolean isPage() {
        return pageId != null;
    }
}
