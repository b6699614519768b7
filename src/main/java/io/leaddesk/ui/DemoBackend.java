package io.leaddesk.ui;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;

/** The in-process sample Graph API behind "Try with sample data" (loopback only, stopped when the demo closes). */
final class DemoBackend implements AutoCloseable {
    private final SampleGraphServer server;

    private DemoBackend(SampleGraphServer server) {
        this.server = server;
    }

    static DemoBackend start(SampleOptions options) {
        return new DemoBackend(SampleGraphServer.start(options));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    AccessToken userToken() {
        return new AccessToken(SampleTokens.USER);
    }

    @Override
    public void close() {
        server.close();
    }
}
