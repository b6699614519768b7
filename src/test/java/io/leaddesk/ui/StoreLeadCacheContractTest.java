package io.leaddesk.ui;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The real store, behind the app's port, keeps the cache's contract (a real SQLite file in a temp folder). */
class StoreLeadCacheContractTest extends LeadCacheContract {
    @TempDir
    Path dir;
    private LeadStore store;

    @Override
    LeadCache cacheWith(LeadForm form, List<Lead> leads) {
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        store.upsertPage(new PageInfo(TestData.PAGE, "Школа мов / Language school", new AccessToken("page-token"), List.of()));
        store.upsertForms(TestData.PAGE, List.of(form));
        store.upsertLeads(TestData.PAGE, form, leads, Instant.parse("2026-12-01T08:00:00Z"));
        return LeadCache.of(store);
    }

    @AfterEach
    void close() {
        store.close();
    }
}
