package io.leaddesk.graph;

import io.leaddesk.model.CreatedTime;
import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadShapes;

import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A loop guard that fails must fail the test, not hang it. */
@Timeout(20)
class LeadsTest extends GraphTestSupport {
    static final String P = "/v25.0/F1/leads";

    /** Escapes, emoji, RTL, quotes, newlines, multi-valued and empty values, disclaimers. */
    static final String TRICKY = """
            {"id":"L1","created_time":"2025-10-08T09:09:27+0000","ad_id":"120201","ad_name":"Осінь / 2025, \\"A\\"",\
            "adset_id":"120202","adset_name":"Київ","campaign_id":"120203","campaign_name":"Campañ\\u00e9 😀",\
            "form_id":"F1","field_data":[{"name":"full_name","values":["Ol\\u00e9na \\"O'Neil\\" שלום مرحبا"]},\
            {"name":"эл._адрес","values":["olena@example.ua"]},\
            {"name":"comment","values":["line1\\nline2\\r\\n\\ttab \\\\ backslash \\/ slash"]},\
            {"name":"languages","values":["English","Deutsch","日本語"]},\
            {"name":"skipped","values":[]}],\
            "custom_disclaimer_responses":[{"checkbox_key":"consent","is_checked":"1"},{"checkbox_key":"news","is_checked":""}],\
            "is_organic":false,"platform":"ig","partner_name":"CRM Co","retailer_item_id":"77"}""";
    static final String ORGANIC = """
            {
              "id" : "L2",
              "created_time" : "2025-10-07T23:59:59+0300",
              "form_id" : "F1",
              "field_data" : [ { "name" : "email", "values" : [ "x@y.z" ] } ],
              "is_organic" : "1",
              "platform" : "fb"
            }""";
    static final String NO_ORGANIC_FIELD = "{\"id\":\"L3\",\"created_time\":\"2025-01-01T00:00:00+0000\",\"field_data\":[]}";

    @Test
    void leadsAreParsedAndRawJsonIsTheExactSubstringOfTheResponse() {
        String body = "{\"data\":[\n  " + TRICKY + " ,\n" + ORGANIC + "\t,\r\n" + NO_ORGANIC_FIELD
                + "],\"paging\":{\"cursors\":{\"before\":\"b\"}}}";
        route(r -> json(body));
        List<List<Lead>> pages = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, pages::add, () -> false, RetryListener.NONE);

        assertThat(pages).hasSize(1);
        List<Lead> leads = pages.get(0);
        assertThat(leads).extracting(Lead::rawJson).containsExactly(TRICKY, ORGANIC, NO_ORGANIC_FIELD);
        for (Lead l : leads) {
            assertThat(body).contains(l.rawJson());
        }
        Lead a = leads.get(0);
        assertThat(a.id()).isEqualTo("L1");
        assertThat(a.createdTime()).isEqualTo("2025-10-08T09:09:27+0000");
        assertThat(a.createdEpochSecond()).isEqualTo(1759914567L);
        assertThat(a.adName()).isEqualTo("Осінь / 2025, \"A\"");
        assertThat(a.campaignName()).isEqualTo("Campañé 😀");
        assertThat(a.adsetName()).isEqualTo("Київ");
        assertThat(a.isOrganic()).isFalse();
        assertThat(a.platform()).isEqualTo("ig");
        assertThat(a.partnerName()).isEqualTo("CRM Co");
        assertThat(a.retailerItemId()).isEqualTo("77");
        assertThat(a.fieldData()).containsExactly(
                new FieldAnswer("full_name", List.of("Oléna \"O'Neil\" שלום مرحبا")),
                new FieldAnswer("эл._адрес", List.of("olena@example.ua")),
                new FieldAnswer("comment", List.of("line1\nline2\r\n\ttab \\ backslash / slash")),
                new FieldAnswer("languages", List.of("English", "Deutsch", "日本語")),
                new FieldAnswer("skipped", List.of()));
        assertThat(a.disclaimerResponses()).containsExactly(
                new DisclaimerResponse("consent", true), new DisclaimerResponse("news", false));

        Lead organic = leads.get(1);
        assertThat(organic.isOrganic()).isTrue();
        assertThat(organic.adId()).isNull();
        assertThat(organic.campaignId()).isNull();
        assertThat(organic.createdEpochSecond()).isEqualTo(1759870799L);
        assertThat(leads.get(2).isOrganic()).isNull();
        assertThat(leads.get(2).fieldData()).isEmpty();

        RecordedRequest r = requests().get(0);
        assertThat(r.getRequestUrl().queryParameter("fields")).isEqualTo(
                "id,created_time,ad_id,ad_name,adset_id,adset_name,campaign_id,campaign_name,form_id,field_data,"
                        + "custom_disclaimer_responses,is_organic,platform,partner_name,retailer_item_id");
        assertThat(r.getRequestUrl().queryParameter("limit")).isEqualTo("25");
        assertThat(r.getRequestUrl().queryParameter("filtering")).isNull();
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + PAGE_TOKEN);
    }

    @Test
    void followsNextAcrossPagesAndAsksWithFilteringWhenCreatedAfterIsSet() {
        route(r -> {
            String after = r.getRequestUrl().queryParameter("after");
            if (after == null) {
                return json(page(next(P, "C1"), "C1", lead("1"), lead("2")));
            }
            return after.equals("C1") ? json(page(next(P, "C2"), "C2", lead("3")))
                    : json(page(null, null, lead("4")));
        });
        List<List<Lead>> pages = new ArrayList<>();
        client().leads(pageInfo(), "F1", 1_700_000_000L, pages::add, () -> false, RetryListener.NONE);

        assertThat(pages).hasSize(3);
        assertThat(pages.stream().flatMap(List::stream).map(Lead::id)).containsExactly("1", "2", "3", "4");
        assertThat(requests().get(0).getRequestUrl().queryParameter("filtering"))
                .isEqualTo("[{\"field\":\"time_created\",\"operator\":\"GREATER_THAN\",\"value\":1700000000}]");
        assertThat(requests()).hasSize(3);
    }

    @Test
    void emptyPagesWithNextForeverTerminateWithAllRealLeadsDelivered() {
        route(r -> {
            String after = r.getRequestUrl().queryParameter("after");
            if (after == null) {
                return json(page(next(P, "E1"), "E1", lead("1"), lead("2")));
            }
            if (after.equals("E1")) {
                return json(page(next(P, "E2"), "E2")); // one empty page in the middle is not the end
            }
            if (after.equals("E2")) {
                return json(page(next(P, "E3"), "E3", lead("3")));
            }
            int n = Integer.parseInt(after.substring(1));
            return json(page(next(P, "E" + (n + 1)), "E" + (n + 1))); // empty forever
        });
        List<String> ids = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, l -> l.forEach(x -> ids.add(x.id())), () -> false, RetryListener.NONE);

        assertThat(ids).containsExactly("1", "2", "3");
        assertThat(requests()).hasSize(3 + GraphClient.MAX_EMPTY_PAGES);
    }

    @Test
    void cursorThatDoesNotAdvanceStops() {
        int[] n = {0};
        route(r -> {
            n[0]++;
            // a different next URL each time, but the same cursor: Graph is going round in circles
            return json(page(next(P, "SAME") + "&round=" + n[0], "SAME", lead("L" + n[0])));
        });
        List<String> ids = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, l -> l.forEach(x -> ids.add(x.id())), () -> false, RetryListener.NONE);

        assertThat(ids).containsExactly("L1", "L2");
        assertThat(requests()).hasSize(2);
    }

    @Test
    void nextLinkSeenBeforeStops() {
        route(r -> json(page(next(P, "C1"), null, lead("1"), lead("2"))));
        List<String> ids = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, l -> l.forEach(x -> ids.add(x.id())), () -> false, RetryListener.NONE);
        assertThat(ids).containsExactly("1", "2");
        assertThat(requests()).hasSize(2);
    }

    @Test
    void nextMissingWhileAfterIsSetTriesTheCursorOnceMore() {
        route(r -> {
            String after = r.getRequestUrl().queryParameter("after");
            if (after == null) {
                return json(page(null, "A1", lead("1"), lead("2")));
            }
            if (after.equals("A1")) {
                return json(page(null, "A2", lead("3")));
            }
            return json(page(null, "A3", lead("3"))); // nothing new: the end
        });
        List<String> ids = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, l -> l.forEach(x -> ids.add(x.id())), () -> false, RetryListener.NONE);

        assertThat(ids).containsExactly("1", "2", "3");
        List<RecordedRequest> rs = requests();
        assertThat(rs).hasSize(3);
        assertThat(rs.get(1).getRequestUrl().queryParameter("after")).isEqualTo("A1");
        assertThat(rs.get(1).getRequestUrl().queryParameter("fields")).isEqualTo(GraphClient.LEAD_FIELDS);
        assertThat(rs.get(2).getRequestUrl().queryParameterValues("after")).containsExactly("A2");
    }

    @Test
    void refusedCursorGuessAfterTheLastPageEndsQuietly() {
        route(r -> r.getRequestUrl().queryParameter("after") == null
                ? json(page(null, "A1", lead("1")))
                : error(400, 2642, 0, "Invalid cursor"));
        List<String> ids = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, l -> l.forEach(x -> ids.add(x.id())), () -> false, RetryListener.NONE);
        assertThat(ids).containsExactly("1");
        assertThat(requests()).hasSize(2);
    }

    @Test
    void invalidCursorWhileFollowingNextIsReported() {
        route(r -> r.getRequestUrl().queryParameter("after") == null
                ? json(page(next(P, "C1"), "C1", lead("1")))
                : error(400, 2642, 0, "Invalid cursor"));
        GraphClient c = client();
        GraphException e = org.assertj.core.api.Assertions.catchThrowableOfType(GraphException.class,
                () -> c.leads(pageInfo(), "F1", null, l -> { }, () -> false, RetryListener.NONE));
        assertThat(e.kind()).isEqualTo(GraphErrorKind.INVALID_CURSOR);
    }

    @Test
    void fewerThanLimitIsNotTakenAsTheEnd() {
        route(r -> r.getRequestUrl().queryParameter("after") == null
                ? json(page(next(P, "C1"), "C1", lead("1")))   // 1 of limit 25
                : json(page(null, null, lead("2"))));
        List<String> ids = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, l -> l.forEach(x -> ids.add(x.id())), () -> false, RetryListener.NONE);
        assertThat(ids).containsExactly("1", "2");
    }

    @Test
    void cancellationBetweenPagesStopsBeforeTheNextRequest() {
        route(r -> json(page(next(P, "C" + System.nanoTime()), "C" + System.nanoTime(), lead("x" + System.nanoTime()))));
        AtomicBoolean cancel = new AtomicBoolean();
        List<List<Lead>> pages = new ArrayList<>();
        GraphClient c = client();
        assertThatThrownBy(() -> c.leads(pageInfo(), "F1", null, l -> {
            pages.add(l);
            cancel.set(true);
        }, cancel::get, RetryListener.NONE)).isInstanceOf(CancellationException.class);
        assertThat(pages).hasSize(1);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void cancellationDuringBackoffWait() {
        route(r -> error(500, 2, 0, "Service temporarily unavailable"));
        AtomicBoolean cancel = new AtomicBoolean();
        client = new GraphClient(settings(), d -> cancel.set(true), () -> 1.0);
        assertThatThrownBy(() -> client.leads(pageInfo(), "F1", null, l -> { }, cancel::get, RetryListener.NONE))
                .isInstanceOf(CancellationException.class);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void handlerFailurePropagatesAndStopsPaging() {
        route(r -> json(page(next(P, "C1"), "C1", lead("1"))));
        IllegalStateException boom = new IllegalStateException("disk full");
        GraphClient c = client();
        assertThatThrownBy(() -> c.leads(pageInfo(), "F1", null, l -> {
            throw boom;
        }, () -> false, RetryListener.NONE)).isSameAs(boom);
        assertThat(requests()).hasSize(1);
    }

    @Test
    void epochSecondsHandlesOffsets() {
        assertThat(CreatedTime.epochSeconds("1970-01-01T00:00:00+0000")).isZero();
        assertThat(CreatedTime.epochSeconds("2025-10-08T09:09:27+0000")).isEqualTo(1759914567L);
        assertThat(CreatedTime.epochSeconds("2025-10-08T11:09:27+0200")).isEqualTo(1759914567L);
        assertThat(CreatedTime.epochSeconds("2025-10-08T04:09:27-05:00")).isEqualTo(1759914567L);
        assertThat(CreatedTime.epochSeconds("2024-02-29T12:00:00Z")).isEqualTo(1709208000L);
    }

    /** Each shape of the corpus as the only lead of a result page reads as decided, its raw JSON byte-exact. */
    @Test
    void everyCorpusShapeOnAGraphPageIsTheDecidedLead() throws Exception {
        for (LeadShapes.Shape s : LeadShapes.all()) {
            String body = "{\"data\":[" + s.json() + "],\"paging\":{\"cursors\":{\"after\":\"A\"}}}";
            PageParsers.LeadPage page = PageParsers.leads(body);
            assertThat(page.leads()).as(s.name()).containsExactly(s.expected());
            assertThat(page.after()).isEqualTo("A");
            assertThat(PageParsers.singleLead(s.json())).as(s.name()).isEqualTo(s.expected());
        }
    }

    /** All shapes in one page, between odd whitespace, through the client: the same leads in the same order. */
    @Test
    void theWholeCorpusInOnePageThroughTheClient() {
        List<LeadShapes.Shape> shapes = LeadShapes.all();
        StringBuilder body = new StringBuilder("{\"paging\":{},\"data\":[");
        for (int i = 0; i < shapes.size(); i++) {
            body.append(i == 0 ? "\n " : " ,\r\n\t").append(shapes.get(i).json());
        }
        String text = body.append("]}").toString();
        route(r -> json(text));
        List<Lead> leads = new ArrayList<>();
        client().leads(pageInfo(), "F1", null, leads::addAll, () -> false, RetryListener.NONE);
        assertThat(leads).containsExactlyElementsOf(shapes.stream().map(LeadShapes.Shape::expected).toList());
    }
}
