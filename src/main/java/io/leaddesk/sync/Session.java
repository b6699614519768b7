package io.leaddesk.sync;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.graph.TokenInfo;
import java.util.List;

/**
 * A signed-in session: who the token belongs to and the pages (with page tokens) it reaches.
 * Lives in memory only; the page tokens are never written to the cache.
 */
public record Session(AccessToken token, TokenInfo who, List<PageInfo> pages) {
    public Session {
        pages = List.copyOf(pages);
    }

    @Override
    public String toString() {
        return "Session[" + who + ", pages=" + pages.size() + "]";
    }
}
