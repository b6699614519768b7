package io.leaddesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.graph.TokenKind;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredForm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Sync against the sample Graph API over loopback into a real SQLite file. */
class SyncServiceTest extends SampleSyncTest {
    private SyncService start(SampleOptions options, int pageSize) {
        server = SampleGraphServer.start(options);
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl()).withPageSize(pageSize)
                .withInitialBackoff(Duration.ofMillis(1)).withMaxRetryTime(Duration.ofSeconds(30)));
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        return new SyncService(graph, store);
    }

    private long expectedTotal() {
        long total = 0;
        for (StoredForm f : store.forms(List.of())) {
            total += server.dataset().leadCount(f.id());
        }
        return total;
    }

    @Test
    void fullPullFetchesEveryLeadOfEveryPageAndFormAcrossManyResultPages() {
        SyncService sync = start(SampleOptions.defaults().withLeads(3000), 50);
        Session session = sync.signIn(new AccessToken(SampleTokens.USER));
        assertThat(session.who().kind()).isEqualTo(TokenKind.USER);
        assertThat(session.pages()).hasSizeGreaterThanOrEqualTo(3);

        List<SyncEvent> events = new CopyOnWriteArrayList<>();
        SyncReport report = sync.sync(session, SyncRequest.everything(), events::add, new CancelSignal());

        assertThat(report.ok()).as(report.toString()).isTrue();
        long expected = expectedTotal();
        assertThat(expected).isEqualTo(3000);
        assertThat(report.fetched()).isEqualTo(expected);
        assertThat(report.newLeads()).isEqualTo(expected);
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(expected);
        for (StoredForm f : store.forms(List.of())) {
            assertThat(f.cachedLeads()).as("form " + f.id()).isEqualTo(server.dataset().leadCount(f.id()));
            assertThat(f.form().leadsCount()).isEqualTo(server.dataset().leadCount(f.id()));
            assertThat(f.lastSynced()).isNotNull();
        }
        assertThat(events.get(0)).isInstanceOf(SyncEvent.Started.class);
        assertThat(events.get(events.size() - 1)).isInstanceOf(SyncEvent.Finished.class);
        // pages of 50, growing to 100 after two full ones: one event per committed page
        assertThat(events).filteredOn(e -> e instanceof SyncEvent.FormProgress).hasSizeGreaterThan(3000 / 100 - 1);
    }

    @Test
    void secondSyncFetchesOnlyNewLeads() {
        SyncService sync = start(SampleOptions.defaults().withLeads(2000), 100);
        Session session = sync.signIn(new AccessToken(SampleTokens.USER));
        SyncReport first = sync.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
        assertThat(first.ok()).isTrue();

        String busyForm = store.forms(List.of()).stream().filter(f -> f.cachedLeads() > 100).findFirst().orElseThrow().id();
        server.dataset().addLeads(busyForm, 25);

        SyncReport second = sync.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
        assertThat(second.ok()).isTrue();
        assertThat(second.newLeads()).isEqualTo(25);
        // Only the new leads (plus the small overlap window) travel, not the 2,000 already cached.
        assertThat(second.fetched()).isLessThan(200);
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(2025);

        SyncReport full = sync.sync(session, new SyncRequest(Set.of(), Set.of(), true), SyncListener.NONE, new CancelSignal());
        assertThat(full.fetched()).isEqualTo(2025);
        assertThat(full.newLeads()).isZero();
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(2025);
    }

    @Test
    void injectedServerErrorsRateLimitsAndTruncatedBodiesAreRecoveredWithNothingLost() {
        SyncService sync = start(SampleOptions.defaults().withLeads(2500)
                .withFaults("transient=0.15,ratelimit=0.1,truncate=0.1,seed=11"), 100);
        Session session = sync.signIn(new AccessToken(SampleTokens.USER));
        List<SyncEvent.Waiting> waits = new CopyOnWriteArrayList<>();
        SyncReport report = sync.sync(session, SyncRequest.everything(), e -> {
            if (e instanceof SyncEvent.Waiting w) waits.add(w);
        }, new CancelSignal());

        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(waits).as("faults were injected and retried").isNotEmpty();
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(2500);
        Set<String> ids = new HashSet<>();
        store.forEachLead(LeadQuery.all(), l -> ids.add(l.id()));
        assertThat(ids).hasSize(2500);
    }

    @Test
    void syncOfSelectedFormTouchesOnlyThatForm() {
        SyncService sync = start(SampleOptions.defaults().withLeads(1500), 100);
        Session session = sync.signIn(new AccessToken(SampleTokens.USER));
        List<StoredForm> forms = sync.refreshForms(session, List.of());
        StoredForm chosen = forms.stream().filter(f -> f.form().leadsCount() > 0).findFirst().orElseThrow();

        SyncReport report = sync.sync(session, new SyncRequest(Set.of(), Set.of(chosen.id()), false), SyncListener.NONE, new CancelSignal());

        assertThat(report.forms()).extracting(FormOutcome::formId).containsExactly(chosen.id());
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(chosen.form().leadsCount());
    }

    @Test
    void expiredTokenFailsSignInWithTokenKindAndLeavesCacheUntouched() {
        SyncService sync = start(SampleOptions.defaults().withLeads(300), 100);
        sync.sync(sync.signIn(new AccessToken(SampleTokens.USER)), SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
        long before = store.countLeads(LeadQuery.all());

        assertThatThrownBy(() -> sync.signIn(new AccessToken(SampleTokens.EXPIRED)))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.kind()).isEqualTo(GraphErrorKind.TOKEN);
                    assertThat(e.getMessage()).containsIgnoringCase("expired").doesNotContain(SampleTokens.EXPIRED);
                });
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(before);
    }

    @Test
    void missingLeadsPermissionFailsEachFormNamingThePermission() {
        SyncService sync = start(SampleOptions.defaults().withLeads(300), 100);
        Session session = sync.signIn(new AccessToken(SampleTokens.NO_LEADS_PERMISSION));
        SyncReport report = sync.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());

        assertThat(report.ok()).isFalse();
        assertThat(report.forms()).filteredOn(f -> f.status() == FormOutcome.Status.FAILED).isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.errorKind()).isEqualTo(GraphErrorKind.PERMISSION);
                    assertThat(f.message()).contains("leads_retrieval");
                });
        assertThat(store.countLeads(LeadQuery.all())).isZero();
    }

    @Test
    void cancelStopsTheSyncKeepsWhatWasFetchedAndTheNextSyncCompletes() {
        SyncService sync = start(SampleOptions.defaults().withLeads(3000), 25);
        Session session = sync.signIn(new AccessToken(SampleTokens.USER));
        CancelSignal cancel = new CancelSignal();
        SyncReport report = sync.sync(session, SyncRequest.everything(), e -> {
            if (e instanceof SyncEvent.FormProgress p && p.fetched() >= 100) cancel.cancel();
        }, cancel);

        assertThat(report.cancelled()).isTrue();
        long kept = store.countLeads(LeadQuery.all());
        assertThat(kept).isGreaterThan(0).isLessThan(3000).isEqualTo(report.fetched());

        SyncReport again = sync.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
        assertThat(again.ok()).isTrue();
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(3000);
    }

    @Test
    void pageTokenReachesOnlyItsOwnPage() {
        SyncService sync = start(SampleOptions.defaults().withLeads(600), 100);
        Session user = sync.signIn(new AccessToken(SampleTokens.USER));
        String pageId = user.pages().get(0).id();
        Session page = sync.signIn(new AccessToken("sample-page-token-" + pageId));
        assertThat(page.who().kind()).isEqualTo(TokenKind.PAGE);
        assertThat(page.pages()).extracting(p -> p.id()).containsExactly(pageId);

        SyncReport r = sync.sync(page, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
        assertThat(r.ok()).isTrue();
        List<String> pagesWithLeads = new ArrayList<>();
        store.forms(List.of()).stream().filter(f -> f.cachedLeads() > 0).forEach(f -> pagesWithLeads.add(f.pageId()));
        assertThat(pagesWithLeads).containsOnly(pageId);
    }
}
