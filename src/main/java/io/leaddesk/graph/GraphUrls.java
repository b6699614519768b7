package io.leaddesk.graph;

import okhttp3.HttpUrl;

/** Where requests go: {@code base/version/...}, and next links made safe to follow. */
final class GraphUrls {
    private final HttpUrl root;

    GraphUrls(String baseUrl, String version) {
        HttpUrl base = HttpUrl.parse(baseUrl);
        if (base == null) {
            throw new IllegalArgumentException("The Graph API address is not a valid http(s) URL: " + baseUrl);
        }
        this.root = base.newBuilder().addPathSegment(version).build();
    }

    HttpUrl.Builder path(String relative) {
        HttpUrl.Builder b = root.newBuilder();
        for (String segment : relative.split("/")) {
            if (!segment.isEmpty()) {
                b.addPathSegment(segment);
            }
        }
        return b;
    }

    /**
     * A next link made safe to follow: same scheme, host and port as the configured base (so the bearer token is
     * never sent elsewhere), without access_token or appsecret_proof (the proof is added again when sending);
     * null when it is not a URL.
     */
    HttpUrl followable(String next) {
        HttpUrl u = HttpUrl.parse(next);
        if (u == null) {
            return null;
        }
        return u.newBuilder().scheme(root.scheme()).host(root.host()).port(root.port())
                .removeAllQueryParameters("access_token").removeAllQueryParameters("appsecret_proof").build();
    }
}
