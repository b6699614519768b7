package io.leaddesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadSort;
import io.leaddesk.store.LeadStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: a sync that brings in more leads than the cache holds (at least 20,000) writes them without the name and
 * e-mail sort indexes and builds those once at the end; a small sync writes with them in place.
 */
@Timeout(120)
class SortIndexesSyncTest extends SampleSyncTest {
    /** Syncs every form of a sample of {@code leads}; returns whether the indexes were there after each page. */
    private List<Boolean> syncWatchingIndexes(int leads) {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(leads));
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl()));
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        SyncService sync = new SyncService(graph, store);
        List<Boolean> present = new CopyOnWriteArrayList<>();
        SyncReport r = sync.sync(sync.signIn(new AccessToken(SampleTokens.USER)), SyncRequest.everything(), e -> {
            if (e instanceof SyncEvent.FormProgress) {
                present.add(store.sortIndexes().present());
            }
        }, new CancelSignal());
        assertThat(r.ok()).as(r.summary()).isTrue();
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(leads);
        return present;
    }

    @Test
    void aBigFirstSyncWritesWithoutTheSortIndexesAndBuildsThemWhenItEnds() {
        List<Boolean> present = syncWatchingIndexes(20_000);
        assertThat(present).as("set aside while the pages were written").isNotEmpty().containsOnly(false);
        assertThat(store.sortIndexes().present()).as("built again at the end").isTrue();
        // sorting by name still gives every lead in order
        List<String> names = store.rows(LeadQuery.all().sortedBy(LeadSort.NAME, false), 0, 20_000)
                .stream().map(LeadRow::name).toList();
        assertThat(names).hasSize(20_000).isSortedAccordingTo(SortIndexesSyncTest::nocase);
    }

    /** SQLite's NOCASE: ASCII letters folded, everything else compared by code point. */
    private static int nocase(String a, String b) {
        int[] x = a.codePoints().map(c -> c < 128 ? Character.toLowerCase(c) : c).toArray();
        int[] y = b.codePoints().map(c -> c < 128 ? Character.toLowerCase(c) : c).toArray();
        return java.util.Arrays.compare(x, y);
    }

    @Test
    void aSmallSyncWritesWithTheSortIndexesInPlace() {
        List<Boolean> present = syncWatchingIndexes(2_000);
        assertThat(present).isNotEmpty().containsOnly(true);
    }
}
