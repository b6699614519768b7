package io.leaddesk.ui;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.store.StoreException;

/** The in-process sample Graph API behind "Try with sample data". */
final class DemoBackend implements AutoCloseable {
    private DemoBackend() {
    }

    static DemoBackend start(long latencyMs) {
        throw new StoreException("The sample workspace is not available in this build yet.");
    }

    String baseUrl() {
        return "";
    }

    AccessToken userToken() {
        return null;
    }

    @Override
    public void close() {
    }
}
