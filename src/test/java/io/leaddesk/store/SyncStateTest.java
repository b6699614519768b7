package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: what the sync remembers per form between runs, kept in the cache file itself. */
class SyncStateTest {
    @TempDir
    Path dir;

    private LeadStore store;
    private final LeadForm form = Fixtures.englishForm();

    @BeforeEach
    void open() {
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        store.upsertPage(new PageInfo("p-2", "Page", new AccessToken("EAAtoken"), List.of()));
        store.upsertForms("p-2", List.of(form));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private LeadStore reopen() {
        store.close();
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        return store;
    }

    private static Lead lead(String id, long epoch) {
        return Fixtures.lead(id, "f-en", epoch, "fb", false, null, List.of(Fixtures.answer("full_name", "N " + id)),
                List.of());
    }

    @Test
    void aFormWithoutHistoryHasNothingRemembered() {
        assertThat(store.syncState().load("f-en")).isEqualTo(SyncState.Form.NONE);
        assertThat(store.syncState().newestStored("f-en")).isNull();
    }

    @Test
    void anUnfinishedPullKeepsItsRangesWithTheProgressOfEachCommittedPageAcrossAReopen() {
        SyncState s = store.syncState();
        List<SyncState.Range> ranges = s.startPull("f-en", 1000L, List.of(
                new SyncState.Range(0, 2000L, null), new SyncState.Range(0, 1000L, 2000L)));
        assertThat(ranges).extracting(SyncState.Range::lo).containsExactly(2000L, 1000L);
        long top = ranges.get(0).id();

        // a page of the top slice read down to second 2500: its range now ends at 2501 (the oldest second read again)
        assertThat(store.upsertLeads("p-2", form, List.of(lead("a", 2600), lead("b", 2500)), Instant.EPOCH,
                new SyncState.Progress(top, 2501L))).isEqualTo(2);
        SyncState.Range cut = s.split(top, 2200L);
        assertThat(cut.lo()).isEqualTo(2000L);
        assertThat(cut.hi()).isEqualTo(2200L);

        SyncState.Form f = reopen().syncState().load("f-en");
        assertThat(f.pull()).isNotNull();
        assertThat(f.pull().from()).isEqualTo(1000L);
        assertThat(f.pull().ranges()).extracting(r -> r.lo() + ".." + r.hi())
                .containsExactly("2200..2501", "2000..2200", "1000..2000");
        assertThat(store.syncState().newestStored("f-en")).isEqualTo(2600L);

        // a page whose leads could none be stored still moves its range
        store.upsertLeads("p-2", form, List.of(), Instant.EPOCH, new SyncState.Progress(cut.id(), 2100L));
        store.syncState().rangeDone(top);
        store.syncState().resetRange(ranges.get(1).id(), 1500L);
        assertThat(store.syncState().load("f-en").pull().ranges()).extracting(r -> r.lo() + ".." + r.hi())
                .containsExactly("2000..2100", "1000..1500");
    }

    @Test
    void completingAPullMovesTheWatermarkDropsTheRangesAndRemembersThePageSizeInOneGo() {
        SyncState s = store.syncState();
        s.startPull("f-en", null, List.of(new SyncState.Range(0, null, null)));
        s.remember("f-en", 125, 0, true);
        assertThat(s.load("f-en").pull()).as("remembering leaves the pull open").isNotNull();
        assertThat(s.load("f-en").sequential()).isTrue();

        s.completePull("f-en", 2600L, Instant.ofEpochSecond(5000), 250, 1, true);
        SyncState.Form f = reopen().syncState().load("f-en");
        assertThat(f).isEqualTo(new SyncState.Form(250, 1, true, null));
        StoredForm stored = store.form("f-en").orElseThrow();
        assertThat(stored.watermark()).isEqualTo(2600L);
        assertThat(stored.lastSynced()).isEqualTo(Instant.ofEpochSecond(5000));

        // a new pull replaces whatever the last one left; null page size = the configured one
        store.syncState().startPull("f-en", 2000L, List.of(new SyncState.Range(0, 2000L, null)));
        store.syncState().startPull("f-en", 2100L, List.of(new SyncState.Range(0, 2100L, null)));
        assertThat(store.syncState().load("f-en").pull().ranges()).hasSize(1).first()
                .satisfies(r -> assertThat(r.lo()).isEqualTo(2100L));
        store.syncState().completePull("f-en", null, Instant.ofEpochSecond(6000), null, 0, false);
        assertThat(store.syncState().load("f-en")).isEqualTo(SyncState.Form.NONE);
        assertThat(store.form("f-en").orElseThrow().watermark()).as("null keeps the watermark").isEqualTo(2600L);

        assertThatThrownBy(() -> store.syncState().completePull("nope", 1L, Instant.EPOCH, null, 0, false))
                .isInstanceOf(StoreException.class).hasMessageContaining("not in the lead cache");
    }
}
