package io.leaddesk.graph;

import io.leaddesk.model.Lead;
import io.leaddesk.sample.SampleForm;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10 item 1: paging goes on while the cursor advances, even through pages that repeat leads already seen;
 * a pull that a guard stops is reported as not complete, with the reason.
 */
@Timeout(30)
class LeadPagingTest extends GraphTestSupport {
    static final String P = "/v25.0/F1/leads";

    private static int cursorNumber(String after) {
        return after == null ? 0 : Integer.parseInt(after.substring(1));
    }

    @Test
    void pagesThatOnlyRepeatLeadsAlreadySeenDoNotEndThePull() {
        // offsets shifted by arrivals: pages 2..9 bring only leads of page 1 again, then the rest follows
        route(r -> {
            int n = cursorNumber(r.getRequestUrl().queryParameter("after"));
            if (n == 0) {
                return json(page(next(P, "C1"), "C1", lead("1"), lead("2")));
            }
            if (n < 9) {
                return json(page(next(P, "C" + (n + 1)), "C" + (n + 1), lead("2"), lead("1")));
            }
            return json(page(null, null, lead("3"), lead("4")));
        });
        List<String> ids = new ArrayList<>();
        LeadPull pull = client().leads(pageInfo(), "F1", null, 4, l -> l.forEach(x -> ids.add(x.id())),
                () -> false, RetryListener.NONE);

        assertThat(ids).containsExactly("1", "2", "3", "4");
        assertThat(pull.complete()).isTrue();
        assertThat(pull.stopReason()).isNull();
        assertThat(pull.resultPages()).isEqualTo(10);
        assertThat(pull.delivered()).isEqualTo(4);
    }

    @Test
    void aPullThatNeverMovesOnStopsAtThePageCapAndIsNotComplete() {
        // as many leads arrive per request as a page holds: with offset cursors every page is the first one again
        try (SampleGraphServer sample = SampleGraphServer.start(SampleOptions.defaults().withLeads(200)
                .withMaxPageSize(25).withCursor(SampleOptions.Cursor.OFFSET).withArrivals(25))) {
            SampleForm f = sample.dataset().pages().get(0).forms().get(0);
            long leadsCount = f.leadCount();
            client = new GraphClient(settings().withBaseUrl(sample.baseUrl()), recordingSleeper, () -> 1.0, virtualTicker);
            PageInfo page = new PageInfo(f.pageId(), f.pageName(), new AccessToken(SampleTokens.pageToken(f.pageId())),
                    List.of());
            List<String> ids = new ArrayList<>();
            LeadPull pull = client.leads(page, f.id(), null, leadsCount, l -> l.forEach(x -> ids.add(x.id())),
                    () -> false, RetryListener.NONE);

            long cap = LeadPager.pageCap(leadsCount, 25, 25);
            assertThat(cap).isEqualTo(100 + 10 * ((Math.max(25, leadsCount) + 24) / 25));
            assertThat(pull.complete()).isFalse();
            assertThat(pull.resultPages()).isEqualTo(cap);
            assertThat(pull.stopReason()).isEqualTo("the form needed more than " + cap + " result pages, LeadDesk's "
                    + "safety limit for a form of its size");
            assertThat(ids).hasSize(25).doesNotHaveDuplicates();
            assertThat(sample.requestsWithPath(f.id() + "/leads")).isEqualTo(cap);
        }
    }

    @Test
    void thePageCapGrowsWithTheFormAndWithWhatArrives() {
        assertThat(LeadPager.pageCap(0, 0, 500)).isEqualTo(100);
        assertThat(LeadPager.pageCap(5000, 0, 500)).isEqualTo(100 + 10 * 200);
        assertThat(LeadPager.pageCap(5000, 9000, 500)).isEqualTo(100 + 10 * 360);
        assertThat(LeadPager.pageCap(100, 0, 10)).isEqualTo(100 + 10 * 10); // a smaller asked page counts
    }

    @Test
    void guardsThatStopAPullSayWhyAndMarkItIncomplete() {
        route(r -> json(page(next(P, "SAME") + "&round=" + System.nanoTime(), "SAME", lead("x" + System.nanoTime()))));
        LeadPull cursor = client().leads(pageInfo(), "F1", null, l -> { }, () -> false, RetryListener.NONE);
        assertThat(cursor.complete()).isFalse();
        assertThat(cursor.stopReason()).isEqualTo("Graph's paging position stopped advancing");

        route(r -> json(page(next(P, "C1"), null, lead("1"))));
        LeadPull link = client.leads(pageInfo(), "F1", null, l -> { }, () -> false, RetryListener.NONE);
        assertThat(link.complete()).isFalse();
        assertThat(link.stopReason()).isEqualTo("Graph sent a paging link it had already sent");

        route(r -> {
            int n = cursorNumber(r.getRequestUrl().queryParameter("after"));
            return n == 0 ? json(page(next(P, "E1"), "E1", lead("1"))) : json(page(next(P, "E" + (n + 1)), "E" + (n + 1)));
        });
        LeadPull empty = client.leads(pageInfo(), "F1", null, l -> { }, () -> false, RetryListener.NONE);
        assertThat(empty.complete()).isFalse();
        assertThat(empty.resultPages()).isEqualTo(1 + GraphClient.MAX_EMPTY_PAGES);
        assertThat(empty.stopReason()).isEqualTo("Graph sent " + GraphClient.MAX_EMPTY_PAGES
                + " empty result pages in a row that still said more would follow");
    }

    @Test
    void theEndOfTheListIsAComplete() {
        route(r -> r.getRequestUrl().queryParameter("after") == null
                ? json(page(null, "A1", lead("1")))
                : error(400, 2642, 0, "Invalid cursor"));
        assertThat(client().leads(pageInfo(), "F1", null, l -> { }, () -> false, RetryListener.NONE).complete()).isTrue();

        route(r -> json(page(null, null, lead("1"))));
        LeadPull plain = client.leads(pageInfo(), "F1", null, l -> { }, () -> false, RetryListener.NONE);
        assertThat(plain.complete()).isTrue();
        assertThat(plain.resultPages()).isEqualTo(1);
    }

    @Test
    void theHandlerLearnsThePageNumberAndEachLeadsPositionInThePage() {
        route(r -> r.getRequestUrl().queryParameter("after") == null
                ? json(page(next(P, "C1"), "C1", lead("1"), lead("2")))
                : json(page(null, null, lead("3"), lead("1"), "{\"created_time\":\"2025-10-08T09:09:27+0000\"}")));
        List<String> seen = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, new LeadPageHandler() {
            @Override
            public void onPage(List<Lead> leads) {
                throw new AssertionError("the positional method is called");
            }

            @Override
            public void onPage(int page, List<Lead> leads, int[] positions) {
                for (int i = 0; i < leads.size(); i++) {
                    seen.add(page + ":" + positions[i] + ":" + leads.get(i).id());
                }
            }
        }, () -> false, RetryListener.NONE);
        assertThat(seen).containsExactly("1:0:1", "1:1:2", "2:0:3", "2:2:null");
    }
}
