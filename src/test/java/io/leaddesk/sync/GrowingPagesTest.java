package io.leaddesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.sample.SampleForm;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadStore;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: a sync asks for larger pages while Meta answers full ones (a round trip costs the same whatever the page
 * holds), up to twice LEADDESK_PAGE_SIZE; a larger page refused is never asked for again, not in the same pull and not
 * in the next sync; a server that caps pages silently loses nothing. One request at a time, so the order is exact.
 */
@Timeout(120)
class GrowingPagesTest extends SampleSyncTest {
    /** One form with nearly all the leads; the others fit in one page. */
    private static final int[] HEAVY = {99, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    private SyncService start(SampleOptions options) {
        server = SampleGraphServer.start(options.withLeads(4000).withFormWeights(HEAVY));
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl()).withPageSize(200)
                .withConcurrency(1).withMaxRetryTime(Duration.ZERO));
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        return new SyncService(graph, store);
    }

    private SyncReport syncAll(SyncService sync) {
        SyncReport r = sync.sync(sync.signIn(new AccessToken(SampleTokens.USER)), SyncRequest.everything(),
                SyncListener.NONE, new CancelSignal());
        assertThat(r.ok()).as(r.summary()).isTrue();
        return r;
    }

    private SampleForm big() {
        return server.dataset().allForms().get(0);
    }

    @Test
    void fullPagesAreFollowedByPagesTwiceAsLargeAndEveryLeadArrivesOnce() {
        SyncService sync = start(SampleOptions.defaults());
        syncAll(sync);

        List<Integer> limits = server.leadLimitsAsked();
        assertThat(limits).as("200 to start with, then twice that").containsOnly(200, 400);
        assertThat(limits.indexOf(400)).as("two full pages at 200 come first").isGreaterThanOrEqualTo(2);
        // at a fixed 200: every page, and per form the one extra request that checks a missing next link
        long atFixedSize = server.dataset().allForms().stream().mapToLong(f -> (f.leadCount() + 199) / 200 + 1).sum();
        assertThat(limits.size()).as("fewer round trips than pages of 200 would take").isLessThan((int) atFixedSize);
        assertThat(cachedIds()).isEqualTo(serverIds());
    }

    @Test
    void aLargerPageMetaRefusesIsNotAskedForAgainInThatPullOrTheNextSync() {
        SyncService sync = start(SampleOptions.defaults().withRefusePagesAbove(300));
        syncAll(sync);
        assertThat(server.refusedPages()).as("one refusal: the grown page of 400").isEqualTo(1);
        List<Integer> first = server.leadLimitsAsked();
        assertThat(first.subList(first.indexOf(400) + 1, first.size())).as("back to 200 for the rest").containsOnly(200);
        assertThat(cachedIds()).isEqualTo(serverIds());

        int before = first.size();
        SyncReport again = sync.sync(sync.signIn(new AccessToken(SampleTokens.USER)),
                new SyncRequest(Set.of(), Set.of(big().id()), true), SyncListener.NONE, new CancelSignal());
        assertThat(again.ok()).as(again.summary()).isTrue();
        assertThat(again.fetched()).isEqualTo(big().leadCount());
        assertThat(server.refusedPages()).as("remembered: the next sync does not grow past what worked").isEqualTo(1);
        assertThat(server.leadLimitsAsked().subList(before, server.leadLimitsAsked().size())).containsOnly(200);

        SyncReport third = sync.sync(sync.signIn(new AccessToken(SampleTokens.USER)),
                new SyncRequest(Set.of(), Set.of(big().id()), true), SyncListener.NONE, new CancelSignal());
        assertThat(third.ok()).as(third.summary()).isTrue();
        assertThat(server.refusedPages()).as("still remembered after a sync without a refusal").isEqualTo(1);
    }

    @Test
    void aServerThatCapsTheGrownPagesSilentlyLosesNoLead() {
        SyncService sync = start(SampleOptions.defaults().withMaxPageSize(300));
        syncAll(sync);
        assertThat(Collections.max(server.leadLimitsAsked())).isEqualTo(400);
        assertThat(cachedIds()).isEqualTo(serverIds());
    }

    private Set<String> cachedIds() {
        return LeadIds.cached(store);
    }

    private Set<String> serverIds() {
        return LeadIds.served(server.dataset());
    }
}
