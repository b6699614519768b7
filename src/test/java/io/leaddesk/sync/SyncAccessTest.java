package io.leaddesk.sync;

import io.leaddesk.access.Finding;
import io.leaddesk.access.FindingCode;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A sync that meets a permission problem on one Page names the access doctor's finding for that Page (not a guess),
 * and keeps reading the Pages it can.
 */
class SyncAccessTest extends SampleSyncTest {
    private SyncService start() {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(600));
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl())
                .withInitialBackoff(Duration.ofMillis(1)).withMaxRetryTime(Duration.ofSeconds(10)));
        store = LeadStore.open(dir.resolve("leaddesk.db"));
        return new SyncService(graph, store);
    }

    private long leadsOf(String pageId) {
        return server.dataset().page(pageId).forms().stream().mapToLong(f -> server.dataset().leadCount(f.id())).sum();
    }

    private SyncReport syncWith(SyncService sync, String token) {
        Session session = sync.signIn(new AccessToken(token));
        return sync.sync(session, SyncRequest.everything(), SyncListener.NONE, new CancelSignal());
    }

    @Test
    void aRoleThatCannotReadOnePageIsNamedAndTheOtherPagesAreRead() {
        SyncService sync = start();
        SyncReport report = syncWith(sync, SampleTokens.LIMITED_ROLE);

        String blocked = SampleTokens.BLOCKED_PAGE_ID;
        List<FormOutcome> failed = report.forms().stream().filter(f -> f.status() == FormOutcome.Status.FAILED).toList();
        assertThat(failed).isNotEmpty().allSatisfy(f -> {
            assertThat(f.pageId()).isEqualTo(blocked);
            assertThat(f.errorKind()).isEqualTo(GraphErrorKind.PERMISSION);
            assertThat(f.finding().code()).isEqualTo(FindingCode.MISSING_TASK);
            assertThat(f.message()).contains("Your role on the Page").contains("(ANALYZE) cannot read leads")
                    .contains("ADVERTISE").doesNotContain("or check Lead Access Manager");
        });
        long readable = report.forms().stream().filter(FormOutcome::complete).count();
        assertThat(readable).isEqualTo(report.forms().size() - failed.size()).isPositive();
        long expected = 600 - leadsOf(blocked);
        assertThat(store.countLeads(LeadQuery.all())).isEqualTo(expected);
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(FindingCode.MISSING_TASK);
            assertThat(f.pageId()).isEqualTo(blocked);
            assertThat(f.messageKey()).isEqualTo("access.missing_task.message");
        });
        // one diagnosis for the Page, however many of its forms failed
        long pageNodeReads = server.requestsWithPath("/" + blocked) - server.requestsWithPath("/" + blocked + "/");
        assertThat(pageNodeReads).isEqualTo(1);
    }

    @Test
    void leadAccessManagerAndADeclinedPermissionAreNamed() {
        SyncService sync = start();
        SyncReport lam = syncWith(sync, SampleTokens.LEAD_ACCESS_MANAGER);
        assertThat(lam.findings()).extracting(Finding::code).containsExactly(FindingCode.LEAD_ACCESS_MANAGER);
        assertThat(lam.forms().stream().filter(FormOutcome::complete)).isNotEmpty();
        assertThat(lam.forms().stream().filter(f -> f.finding() != null))
                .allSatisfy(f -> assertThat(f.message()).contains("Leads access").contains("does not list this app"));

        SyncReport declined = syncWith(sync, SampleTokens.DECLINED_LEADS);
        assertThat(declined.findings()).isNotEmpty()
                .allSatisfy(f -> assertThat(f.code()).isEqualTo(FindingCode.PERMISSION_DECLINED));
        assertThat(declined.forms()).allSatisfy(f -> assertThat(f.message()).contains("leads_retrieval was declined"));

        SyncReport person = syncWith(sync, SampleTokens.NO_LEADS_PERMISSION);
        assertThat(person.forms()).allSatisfy(f -> {
            assertThat(f.finding().code()).isEqualTo(FindingCode.LEAD_ACCESS_MANAGER);
            assertThat(f.message()).contains("does not list you").contains("leads_retrieval");
        });
    }

    @Test
    void signInEndsAtOnceWhenCancelled() {
        SyncService sync = start();
        Throwable t = catchThrowable(() -> sync.signIn(new AccessToken(SampleTokens.USER), () -> true));
        assertThat(t).isInstanceOf(CancellationException.class);
        assertThat(server.requestCount()).isZero();
    }
}
