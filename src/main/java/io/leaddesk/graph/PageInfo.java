package io.leaddesk.graph;

import java.util.List;

/**
 * A Facebook Page the token reaches, with the page token to use for its forms and leads
 * (for a page token: that same token).
 */
public record PageInfo(String id, String name, AccessToken accessToken, List<String> tasks) {
    public PageInfo {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    @Override
    public String toString() {
        return "PageInfo[id=" + id + ", name=" + name + "]";
    }
}
