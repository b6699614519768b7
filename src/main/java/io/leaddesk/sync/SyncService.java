package io.leaddesk.sync;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredForm;
import java.util.List;

/**
 * Signs in, refreshes pages and forms, and pulls leads into the cache. Shared by the CLI and the GUI.
 *
 * SKELETON: signatures are the contract; implemented by the lead.
 */
public final class SyncService {
    private final GraphClient graph;
    private final LeadStore store;

    public SyncService(GraphClient graph, LeadStore store) {
        this.graph = graph;
        this.store = store;
    }

    /** Validates the token against Graph (whoami + pages). Throws GraphException (TOKEN, PERMISSION, NETWORK...). */
    public Session signIn(AccessToken token) {
        throw new UnsupportedOperationException();
    }

    /** Fetches the forms of the session's pages (all when pageIds empty) from Graph, stores them, returns them as cached. */
    public List<StoredForm> refreshForms(Session session, java.util.Collection<String> pageIds) {
        throw new UnsupportedOperationException();
    }

    /** Pulls leads; blocks until done or cancelled; events go to {@code listener}; never throws for a single form's failure. */
    public SyncReport sync(Session session, SyncRequest request, SyncListener listener, CancelSignal cancel) {
        throw new UnsupportedOperationException();
    }
}
