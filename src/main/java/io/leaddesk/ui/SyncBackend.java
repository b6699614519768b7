package io.leaddesk.ui;

import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.FormsRefresh;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncListener;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.sync.SyncService;
import java.util.List;

/** What the workspace needs from the sync service for one signed-in session (a port; blocking calls). */
public interface SyncBackend {

    /** Fetches pages' forms from Graph into the cache; returns them as cached and the pages that could not be read. */
    FormsRefresh refreshForms();

    /** Pulls leads; blocks until done or cancelled. */
    SyncReport sync(SyncRequest request, SyncListener listener, CancelSignal cancel);

    static SyncBackend of(SyncService service, Session session) {
        return new SyncBackend() {
            @Override
            public FormsRefresh refreshForms() {
                return service.refreshFormsDetailed(session, List.of());
            }

            @Override
            public SyncReport sync(SyncRequest request, SyncListener listener, CancelSignal cancel) {
                return service.sync(session, request, listener, cancel);
            }
        };
    }
}
