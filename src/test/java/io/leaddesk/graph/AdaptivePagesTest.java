package io.leaddesk.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.leaddesk.model.Lead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 15: a page Meta finds too large is asked for again at once with half the size, down to 25, without using up
 * the retry budget; time ranges go out as GREATER_THAN_OR_EQUAL / LESS_THAN; two filters refused naming filtering
 * are told apart; a caller that has what it wants ends the pull.
 */
@Timeout(30)
class AdaptivePagesTest extends GraphTestSupport {
    private static final String REDUCE = "Please reduce the amount of data you're asking for, then retry your request";

    /** Code 1, HTTP 500, without is_transient: what Graph answers a response it finds too large. */
    private static MockResponse reduce() {
        return json("{\"error\":{\"message\":\"" + REDUCE + "\",\"type\":\"OAuthException\",\"code\":1,"
                + "\"fbtrace_id\":\"AbCdTrace\"}}").setResponseCode(500);
    }

    private static int limitOf(RecordedRequest r) {
        return Integer.parseInt(r.getRequestUrl().queryParameter("limit"));
    }

    private List<Integer> limits() {
        return requests().stream().map(AdaptivePagesTest::limitOf).toList();
    }

    @Test
    void aPageThatAsksTooMuchIsAskedAgainAtOnceWithHalfTheSizeWithoutUsingTheRetryBudget() {
        // refuses pages above 100 leads; the second page comes through a next link that repeats the old limit
        route(r -> {
            if (limitOf(r) > 100) {
                return reduce();
            }
            return r.getRequestUrl().queryParameter("after") == null
                    ? json(page(next("/v25.0/F1/leads", "A1").replace("limit=25", "limit=500"), "A1", lead("1"), lead("2")))
                    : json(page(null, null, lead("3")));
        });
        PageSize size = new PageSize(500);
        List<Lead> got = new ArrayList<>();
        LeadPull pull = client(s -> s.withMaxRetryTime(Duration.ZERO)).leads(pageInfo(), "F1", LeadRange.ALL, size, 0,
                got::addAll, () -> false, recordingListener);

        assertThat(pull.complete()).isTrue();
        assertThat(got).extracting(Lead::id).containsExactly("1", "2", "3");
        assertThat(limits()).as("500 and 250 refused, then 125 refused, 62 served; the next page asks 62 at once")
                .containsExactly(500, 250, 125, 62, 62);
        assertThat(size.get()).isEqualTo(62);
        assertThat(size.halvings()).isEqualTo(3);
        assertThat(sleeps).as("no backoff wait for a refusal a smaller page answers").isEmpty();
        assertThat(retryEvents).isEmpty();
    }

    @Test
    void atTheSmallestPageTheRefusalIsRetriedLikeAnyTemporaryFailureWithinTheBudget() {
        AtomicInteger calls = new AtomicInteger();
        route(r -> calls.incrementAndGet() <= 3 ? reduce() : json(page(null, null, lead("1"))));
        PageSize size = new PageSize(50);
        List<Lead> got = new ArrayList<>();
        client().leads(pageInfo(), "F1", LeadRange.ALL, size, 0, got::addAll, () -> false, recordingListener);

        assertThat(got).extracting(Lead::id).containsExactly("1");
        assertThat(limits()).containsExactly(50, 25, 25, 25);
        assertThat(sleeps).as("backoff only once the page could not get smaller").hasSize(2);
        assertThat(retryEvents).hasSize(2).allSatisfy(e -> assertThat(e).startsWith("TRANSIENT|")
                .contains("Meta found the answer too large"));

        route(r -> reduce());
        GraphException e = catchThrowableOfType(GraphException.class, () -> client(s -> s.withMaxRetryTime(Duration.ofMillis(150)))
                .leads(pageInfo(), "F1", LeadRange.ALL, new PageSize(25), 0, l -> { }, () -> false, RetryListener.NONE));
        assertThat(e.kind()).isEqualTo(GraphErrorKind.TRANSIENT);
        assertThat(e.getMessage()).startsWith("Meta found the answer too large and asked for less data at once (Meta error 1);"
                + " LeadDesk retried for ").endsWith("lower the page size (LEADDESK_PAGE_SIZE).").doesNotContain("\n");
    }

    @Test
    void aBodyThatTimesOutWhileArrivingIsAskedAgainWithHalfTheSize() {
        route(r -> limitOf(r) > 100
                ? json(page(null, null, lead("1"), lead("2"))).throttleBody(1, 100, TimeUnit.MILLISECONDS)
                : json(page(null, null, lead("1"), lead("2"))));
        PageSize size = new PageSize(200);
        List<Lead> got = new ArrayList<>();
        client(s -> s.withCallTimeout(Duration.ofMillis(300)).withMaxRetryTime(Duration.ZERO))
                .leads(pageInfo(), "F1", LeadRange.ALL, size, 0, got::addAll, () -> false, recordingListener);
        assertThat(got).hasSize(2);
        assertThat(limits()).containsExactly(200, 100);
        assertThat(size.get()).isEqualTo(100);
    }

    @Test
    void otherCallsAndTheOldLeadsPathStillRetryATemporaryCodeOne() {
        AtomicInteger calls = new AtomicInteger();
        route(r -> calls.incrementAndGet() == 1 ? error(500, 1, 0, "An unknown error occurred")
                : json(page(null, null, lead("1"))));
        List<Lead> got = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, got::addAll, () -> false, recordingListener);
        assertThat(got).hasSize(1);
        assertThat(limits()).as("an ordinary code 1 keeps the page size").containsExactly(25, 25);
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aRangeGoesOutAsGreaterThanOrEqualAndLessThan() {
        route(r -> json(page(null, null, lead("1"))));
        GraphClient c = client();
        c.leads(pageInfo(), "F1", new LeadRange(1_700_000_000L, 1_700_086_400L), new PageSize(100), 0, l -> { },
                () -> false, RetryListener.NONE);
        c.leads(pageInfo(), "F1", new LeadRange(null, 1_700_086_400L), new PageSize(100), 0, l -> { },
                () -> false, RetryListener.NONE);
        c.leads(pageInfo(), "F1", new LeadRange(1_700_000_000L, null), new PageSize(100), 0, l -> { },
                () -> false, RetryListener.NONE);
        c.leads(pageInfo(), "F1", LeadRange.ALL, new PageSize(100), 0, l -> { }, () -> false, RetryListener.NONE);
        List<RecordedRequest> rs = requests();
        assertThat(rs.get(0).getRequestUrl().queryParameter("filtering")).isEqualTo(
                "[{\"field\":\"time_created\",\"operator\":\"GREATER_THAN_OR_EQUAL\",\"value\":1700000000},"
                        + "{\"field\":\"time_created\",\"operator\":\"LESS_THAN\",\"value\":1700086400}]");
        assertThat(rs.get(1).getRequestUrl().queryParameter("filtering"))
                .isEqualTo("[{\"field\":\"time_created\",\"operator\":\"LESS_THAN\",\"value\":1700086400}]");
        assertThat(rs.get(2).getRequestUrl().queryParameter("filtering"))
                .isEqualTo("[{\"field\":\"time_created\",\"operator\":\"GREATER_THAN_OR_EQUAL\",\"value\":1700000000}]");
        assertThat(rs.get(3).getRequestUrl().queryParameter("filtering")).isNull();
        assertThat(rs).allSatisfy(r -> assertThat(limitOf(r)).isEqualTo(100));

        LeadRange r = new LeadRange(10L, 20L);
        assertThat(r.contains(10)).isTrue();
        assertThat(r.contains(19)).isTrue();
        assertThat(r.contains(20)).as("the end second belongs to the next range").isFalse();
        assertThat(new LeadRange(20L, null).contains(20)).isTrue();
        assertThat(r.filters()).isEqualTo(2);
        assertThat(new LeadRange(20L, 20L).isEmpty()).isTrue();
    }

    @Test
    void twoFiltersRefusedNamingFilteringAreToldApartFromOtherRefusals() {
        route(r -> error(400, 100, 0, "(#100) Param filtering accepts only one filter for this edge, but 2 were given"));
        GraphException both = catchThrowableOfType(GraphException.class, () -> client().leads(pageInfo(), "F1",
                new LeadRange(1L, 2L), new PageSize(100), 0, l -> { }, () -> false, RetryListener.NONE));
        assertThat(both).isInstanceOf(FiltersRefusedException.class);
        assertThat(both.getMessage()).isEqualTo("Meta refused two time filters in one request for this form (Meta error 100);"
                + " read the form without a time range.");

        GraphException one = catchThrowableOfType(GraphException.class, () -> client().leads(pageInfo(), "F1",
                new LeadRange(null, 2L), new PageSize(100), 0, l -> { }, () -> false, RetryListener.NONE));
        assertThat(one).isNotInstanceOf(FiltersRefusedException.class);
        assertThat(one.kind()).isEqualTo(GraphErrorKind.OTHER);

        route(r -> error(400, 100, 0, "(#100) Invalid parameter"));
        GraphException other = catchThrowableOfType(GraphException.class, () -> client().leads(pageInfo(), "F1",
                new LeadRange(1L, 2L), new PageSize(100), 0, l -> { }, () -> false, RetryListener.NONE));
        assertThat(other).isNotInstanceOf(FiltersRefusedException.class);
    }

    @Test
    void aHandlerThatHasWhatItWantsEndsThePullAsComplete() {
        AtomicInteger n = new AtomicInteger();
        route(r -> {
            int i = n.incrementAndGet();
            return json(page(next("/v25.0/F1/leads", "A" + i), "A" + i, lead("x" + i)));
        });
        List<Lead> got = new ArrayList<>();
        LeadPull pull = client().leads(pageInfo(), "F1", LeadRange.ALL, new PageSize(25), 0, new LeadPageHandler() {
            @Override
            public void onPage(List<Lead> leads) {
                got.addAll(leads);
            }

            @Override
            public boolean reachedEnd() {
                return got.size() >= 3;
            }
        }, () -> false, RetryListener.NONE);
        assertThat(pull.complete()).isTrue();
        assertThat(pull.resultPages()).isEqualTo(3);
        assertThat(got).hasSize(3);
    }
}
