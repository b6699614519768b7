package io.leaddesk.sync;

import io.leaddesk.graph.GraphClient;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.store.LeadStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sync tests against the built-in sample Graph API share: a temp folder for the cache, the sample server, a
 * client for it and the cache, each set by the test that needs it and closed after every test (cache first).
 */
abstract class SampleSyncTest {
    @TempDir
    Path dir;

    SampleGraphServer server;
    GraphClient graph;
    LeadStore store;

    @AfterEach
    void closeServerClientAndCache() {
        if (store != null) store.close();
        if (graph != null) graph.close();
        if (server != null) server.close();
    }
}
