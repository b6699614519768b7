package io.leaddesk.sample;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

import static io.leaddesk.sample.Http.enc;
import static io.leaddesk.sample.Http.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleGraphServerTest {
    private static SampleGraphServer server;
    private static SampleDataset data;

    @BeforeAll
    static void startServer() {
        server = SampleGraphServer.start(SampleOptions.defaults());
        data = server.dataset();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String url(SampleGraphServer s, String pathAndQuery) {
        return s.baseUrl() + "/v25.0" + pathAndQuery;
    }

    private static String url(String pathAndQuery) {
        return url(server, pathAndQuery);
    }

    private static SampleForm form(int page, int form) {
        return data.pages().get(page).forms().get(form);
    }

    private static String pageToken(SampleForm f) {
        return SampleTokens.pageToken(f.pageId());
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static void assertError(Http.Resp r, int http, String type, int code, Integer subcode, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(http);
        JsonNode e = r.json().path("error");
        assertThat(e.path("type").asText()).isEqualTo(type);
        assertThat(e.path("code").asInt()).isEqualTo(code);
        if (subcode == null) {
            assertThat(e.has("error_subcode")).isFalse();
        } else {
            assertThat(e.path("error_subcode").asInt()).isEqualTo(subcode);
        }
        assertThat(e.path("message").asText()).contains(message);
        assertThat(e.path("fbtrace_id").asText()).matches("[A-Za-z0-9]{11}");
        assertThat(e.has("is_transient")).isTrue();
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
    }

    // ------------------------------------------------------------------ tokens

    @Test
    void meTellsUserAndPageTokensApart() {
        JsonNode user = get(url("/me?fields=id,name&metadata=1&access_token=" + SampleTokens.USER)).json();
        assertThat(user.path("name").asText()).isEqualTo("Olena Demo (sample)");
        assertThat(user.path("metadata").path("type").asText()).isEqualTo("user");

        JsonNode system = get(url("/me?fields=id,name&metadata=1&access_token=" + SampleTokens.SYSTEM_USER)).json();
        assertThat(system.path("metadata").path("type").asText()).isEqualTo("user");
        assertThat(system.path("id").asText()).isNotEqualTo(user.path("id").asText());

        JsonNode noLeads = get(url("/me?fields=id,name&metadata=1&access_token="
                + SampleTokens.NO_LEADS_PERMISSION)).json();
        assertThat(noLeads.path("metadata").path("type").asText()).isEqualTo("user");

        SamplePage page = data.pages().get(1);
        JsonNode pageMe = Http.getBearer(url("/me?fields=id,name&metadata=1"), SampleTokens.pageToken(page.id()))
                .json();
        assertThat(pageMe.path("id").asText()).isEqualTo(page.id());
        assertThat(pageMe.path("name").asText()).isEqualTo(page.name());
        assertThat(pageMe.path("metadata").path("type").asText()).isEqualTo("page");

        JsonNode plain = get(url("/me?fields=id,name&access_token=" + SampleTokens.USER)).json();
        assertThat(keys(plain)).containsExactlyInAnyOrder("id", "name");
        assertThat(SampleTokens.describe()).contains(SampleTokens.USER, SampleTokens.EXPIRED,
                SampleTokens.NO_LEADS_PERMISSION, SampleTokens.SYSTEM_USER, SampleTokens.PAGE_TOKEN_PREFIX);
        assertThat(List.of(SampleTokens.USER, SampleTokens.SYSTEM_USER, SampleTokens.EXPIRED,
                SampleTokens.NO_LEADS_PERMISSION, SampleTokens.pageToken(page.id())))
                .noneMatch(t -> t.startsWith("EAA"));
    }

    @Test
    void pageTokenCannotListAccounts() {
        String token = SampleTokens.pageToken(data.pages().get(0).id());
        assertError(get(url("/me/accounts?access_token=" + token)), 400, "OAuthException", 100, null,
                "(#100) Tried accessing nonexisting field (accounts) on node type (Page)");
    }

    @Test
    void accountsPageThroughEveryPageWithBearerAndNextLinks() {
        List<String> seen = new ArrayList<>();
        List<Integer> perResultPage = new ArrayList<>();
        String next = url("/me/accounts?fields=id,name,access_token,tasks&limit=2");
        while (next != null) {
            Http.Resp r = Http.getBearer(next, SampleTokens.USER);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode body = r.json();
            perResultPage.add(body.path("data").size());
            for (JsonNode p : body.path("data")) {
                seen.add(p.path("id").asText());
                assertThat(p.path("access_token").asText()).isEqualTo(SampleTokens.pageToken(p.path("id").asText()));
                assertThat(p.path("tasks").isArray()).isTrue();
            }
            next = body.path("paging").has("next") ? body.path("paging").path("next").asText() : null;
            if (next != null) {
                assertThat(next).startsWith(server.baseUrl() + "/v25.0/me/accounts?").contains("after=")
                        .contains("access_token=" + SampleTokens.USER).contains("limit=2");
            }
        }
        assertThat(seen).containsExactlyElementsOf(data.pages().stream().map(SamplePage::id).toList());
        assertThat(perResultPage).hasSizeGreaterThanOrEqualTo(2).allMatch(n -> n <= 2);

        JsonNode firstOnly = get(url("/me/accounts?limit=2&access_token=" + SampleTokens.USER)).json();
        assertThat(firstOnly.path("data").findValuesAsText("id")).doesNotContain(data.pages().get(2).id());

        JsonNode noLeads = get(url("/me/accounts?fields=id,access_token&access_token="
                + SampleTokens.NO_LEADS_PERMISSION)).json();
        assertThat(noLeads.path("data").get(0).path("access_token").asText())
                .isEqualTo(SampleTokens.noLeadsPageToken(data.pages().get(0).id()));
    }

    @Test
    void pageNodeHandsItsTokenToUsers() {
        SamplePage p = data.pages().get(3);
        JsonNode page = get(url("/" + p.id() + "?fields=id,name,access_token&access_token=" + SampleTokens.USER))
                .json();
        assertThat(page.path("access_token").asText()).isEqualTo(SampleTokens.pageToken(p.id()));
        assertThat(page.path("name").asText()).isEqualTo("Cedar & Olive Travel (sample)");
    }

    // ------------------------------------------------------------------ forms

    @Test
    void formsCarryCountsQuestionsAndLegalContent() {
        Set<String> statuses = new HashSet<>();
        boolean zeroLeads = false;
        boolean expired = false;
        int disclaimerForms = 0;
        for (SamplePage p : data.pages()) {
            String u = url("/" + p.id() + "/leadgen_forms?fields=" + enc("id,name,status,locale,created_time,"
                    + "leads_count,organic_leads_count,expired_leads_count,questions{id,key,label,type,options},"
                    + "legal_content{id,privacy_policy{url,link_text},custom_disclaimer{title,body{text,url_entities},"
                    + "checkboxes{id,key,text,is_required,is_checked_by_default}}},page{id,name}")
                    + "&access_token=" + SampleTokens.pageToken(p.id()));
            Http.Resp r = get(u);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode forms = r.json().path("data");
            assertThat(forms.size()).isEqualTo(p.forms().size());
            for (JsonNode f : forms) {
                statuses.add(f.path("status").asText());
                long leads = f.path("leads_count").asLong();
                assertThat(leads).isEqualTo(data.leadCount(f.path("id").asText()));
                zeroLeads |= leads == 0;
                expired |= f.path("expired_leads_count").asLong() > 0;
                assertThat(f.path("created_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");
                assertThat(f.path("page").path("id").asText()).isEqualTo(p.id());
                assertThat(f.path("questions").size()).isPositive();
                assertThat(f.path("legal_content").path("privacy_policy").path("url").asText()).startsWith("https://");
                if (f.path("legal_content").has("custom_disclaimer")) {
                    disclaimerForms++;
                }
            }
        }
        assertThat(statuses).contains("ACTIVE", "ARCHIVED", "DRAFT");
        assertThat(zeroLeads).isTrue();
        assertThat(expired).isTrue();
        assertThat(disclaimerForms).isGreaterThanOrEqualTo(1);

        SampleForm ua = form(0, 0);
        JsonNode uaForm = get(url("/" + ua.pageId() + "/leadgen_forms?fields=id,questions&access_token="
                + pageToken(ua))).json().path("data").get(0);
        JsonNode email = null;
        for (JsonNode q : uaForm.path("questions")) {
            if (q.path("key").asText().equals("эл._адрес")) {
                email = q;
            }
        }
        assertThat(email).isNotNull();
        assertThat(email.path("type").asText()).isEqualTo("EMAIL");

        SampleForm fr = form(1, 0);
        JsonNode frForm = get(url("/" + fr.id() + "?fields=legal_content,locale&access_token=" + pageToken(fr)))
                .json();
        JsonNode boxes = frForm.path("legal_content").path("custom_disclaimer").path("checkboxes");
        assertThat(boxes.size()).isEqualTo(2);
        assertThat(boxes.findValues("is_required").stream().map(JsonNode::asBoolean)).containsExactlyInAnyOrder(
                true, false);
        assertThat(frForm.path("locale").asText()).isEqualTo("fr_FR");

        JsonNode defaults = get(url("/" + fr.pageId() + "/leadgen_forms?access_token=" + pageToken(fr))).json()
                .path("data").get(0);
        assertThat(keys(defaults)).containsExactly("id", "locale", "name", "status");
    }

    @Test
    void formsPageWithLimit() {
        SamplePage p = data.pages().get(0);
        JsonNode first = get(url("/" + p.id() + "/leadgen_forms?limit=2&access_token="
                + SampleTokens.pageToken(p.id()))).json();
        assertThat(first.path("data").size()).isEqualTo(2);
        JsonNode second = get(first.path("paging").path("next").asText()).json();
        assertThat(second.path("data").size()).isEqualTo(1);
        assertThat(second.path("paging").has("next")).isFalse();
        assertThat(second.path("data").get(0).path("id").asText()).isEqualTo(p.forms().get(2).id());
    }

    // ------------------------------------------------------------------ leads

    /** Follows next links; returns the raw bodies. */
    private static List<String> pageAll(String firstUrl) {
        List<String> bodies = new ArrayList<>();
        String next = firstUrl;
        while (next != null) {
            Http.Resp r = get(next);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            bodies.add(r.body());
            JsonNode paging = r.json().path("paging");
            next = paging.has("next") ? paging.path("next").asText() : null;
            assertThat(bodies).hasSizeLessThan(10_000);
        }
        return bodies;
    }

    private static String expectedData(SampleDataset d, String formId, int top, int bottom, String fields) {
        StringJoiner j = new StringJoiner(",", "{\"data\":[", "]");
        for (int i = top; i >= bottom; i--) {
            j.add(d.leadJson(formId, i, fields));
        }
        return j.toString();
    }

    @Test
    void leadsPagedBySevenCoverEveryLeadOnceNewestFirstByteExact() {
        SampleForm f = form(0, 1); // archived Ukrainian form, a few hundred leads
        int count = (int) f.leadCount();
        assertThat(count).isBetween(200, 1000);
        String fields = SampleDataset.ALL_LEAD_FIELDS;
        List<String> bodies = pageAll(url("/" + f.id() + "/leads?fields=" + enc(fields) + "&limit=7&access_token="
                + pageToken(f)));
        assertThat(bodies).hasSize((count + 6) / 7);
        Set<String> ids = new HashSet<>();
        long previousTime = Long.MAX_VALUE;
        int index = count - 1;
        for (String body : bodies) {
            int n = Math.min(7, index + 1);
            assertThat(body.startsWith(expectedData(data, f.id(), index, index - n + 1, fields) + ",\"paging\""))
                    .as("page starting at lead index %d is byte-exact", index).isTrue();
            for (JsonNode lead : readData(body)) {
                assertThat(ids.add(lead.path("id").asText())).isTrue();
                long t = data.leadCreatedEpochSecond(f.id(), index);
                assertThat(t).isLessThanOrEqualTo(previousTime);
                previousTime = t;
                index--;
            }
        }
        assertThat(ids).hasSize(count);
        assertThat(index).isEqualTo(-1);
        assertThat(bodies.get(bodies.size() - 1)).doesNotContain("\"next\"");
        assertThat(bodies.get(0)).contains("\"next\":\"http:\\/\\/127.0.0.1:" + server.port());
    }

    private static JsonNode readData(String body) {
        try {
            return Http.JSON.readTree(body).path("data");
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void limitAboveTheCapIsCappedSilently() {
        try (SampleGraphServer capped = SampleGraphServer.start(SampleOptions.defaults().withLeads(1500)
                .withMaxPageSize(50))) {
            SampleForm f = capped.dataset().pages().get(0).forms().get(0);
            int count = (int) f.leadCount();
            List<String> bodies = pageAll(url(capped, "/" + f.id() + "/leads?limit=5000&access_token="
                    + SampleTokens.pageToken(f.pageId())));
            assertThat(bodies).hasSize((count + 49) / 50);
            Set<String> ids = new HashSet<>();
            for (String b : bodies) {
                JsonNode d = readData(b);
                assertThat(d.size()).isLessThanOrEqualTo(50);
                d.forEach(l -> ids.add(l.path("id").asText()));
            }
            assertThat(ids).hasSize(count);
            assertThat(bodies.get(0)).contains("limit=50");
        }
    }

    @Test
    void filteringByTimeCreated() {
        SampleForm f = form(2, 0);
        int count = (int) f.leadCount();
        int mid = count / 2;
        long t = data.leadCreatedEpochSecond(f.id(), mid);
        long newer = 0;
        long notOlder = 0;
        long older = 0;
        for (int i = 0; i < count; i++) {
            long ti = data.leadCreatedEpochSecond(f.id(), i);
            newer += ti > t ? 1 : 0;
            notOlder += ti >= t ? 1 : 0;
            older += ti < t ? 1 : 0;
        }
        assertThat(filtered(f, "GREATER_THAN", t)).hasSize((int) newer).allMatch(x -> x > t);
        assertThat(filtered(f, "GREATER_THAN_OR_EQUAL", t)).hasSize((int) notOlder).allMatch(x -> x >= t);
        assertThat(filtered(f, "LESS_THAN", t)).hasSize((int) older).allMatch(x -> x < t);
        assertThat(newer).isPositive();
        assertThat(older).isPositive();
    }

    private static List<Long> filtered(SampleForm f, String op, long t) {
        String filtering = "[{\"field\":\"time_created\",\"operator\":\"" + op + "\",\"value\":" + t + "}]";
        List<Long> times = new ArrayList<>();
        for (String body : pageAll(url("/" + f.id() + "/leads?fields=id,created_time&limit=100&filtering="
                + enc(filtering) + "&access_token=" + pageToken(f)))) {
            for (JsonNode l : readData(body)) {
                times.add(java.time.OffsetDateTime.parse(l.path("created_time").asText(),
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")).toEpochSecond());
            }
        }
        return times;
    }

    @Test
    void addedLeadsComeFirstAndOldCursorsKeepWorking() {
        try (SampleGraphServer s = SampleGraphServer.start(SampleOptions.defaults().withLeads(400))) {
            SampleDataset d = s.dataset();
            SampleForm f = d.pages().get(0).forms().get(0);
            int count = (int) f.leadCount();
            long newestBefore = d.leadCreatedEpochSecond(f.id(), count - 1);
            String token = SampleTokens.pageToken(f.pageId());
            JsonNode first = get(url(s, "/" + f.id() + "/leads?fields=id,created_time&limit=10&access_token="
                    + token)).json();
            String next = first.path("paging").path("next").asText();

            List<String> added = d.addLeads(f.id(), 5);
            assertThat(d.leadCount(f.id())).isEqualTo(count + 5);
            assertThat(d.leadCreatedEpochSecond(f.id(), count)).isGreaterThan(newestBefore);

            Http.Resp second = get(next);
            assertThat(second.body().startsWith(expectedData(d, f.id(), count - 11, count - 20,
                    "id,created_time") + ",\"paging\"")).as("second page continues where the first ended").isTrue();

            JsonNode fresh = get(url(s, "/" + f.id() + "/leads?fields=id,created_time&limit=5&access_token="
                    + token)).json().path("data");
            List<String> freshIds = new ArrayList<>();
            fresh.forEach(l -> freshIds.add(l.path("id").asText()));
            List<String> newestFirst = new ArrayList<>(added);
            java.util.Collections.reverse(newestFirst);
            assertThat(freshIds).containsExactlyElementsOf(newestFirst);

            String filtering = "[{\"field\":\"time_created\",\"operator\":\"GREATER_THAN\",\"value\":"
                    + newestBefore + "}]";
            JsonNode incremental = get(url(s, "/" + f.id() + "/leads?limit=100&filtering=" + enc(filtering)
                    + "&access_token=" + token)).json();
            assertThat(incremental.path("data").size()).isEqualTo(5);

            JsonNode forms = get(url(s, "/" + f.pageId() + "/leadgen_forms?fields=id,leads_count&access_token="
                    + token)).json();
            assertThat(forms.path("data").get(0).path("leads_count").asLong()).isEqualTo(count + 5);

            int everywhere = d.addLeadsEverywhere(2);
            assertThat(everywhere).isEqualTo(2 * (int) d.allForms().stream()
                    .filter(x -> x.status().equals("ACTIVE")).count());
            assertThat(d.leadCreatedEpochSecond(f.id(), count + 5)).isGreaterThan(
                    d.leadCreatedEpochSecond(f.id(), count + 4));
        }
    }

    @Test
    void offsetCursorsWithArrivalsRepeatLeadsAlreadyServedAndKeysetCursorsDoNot() {
        SampleOptions offset = SampleOptions.defaults().withLeads(400).withMaxPageSize(25)
                .withCursor(SampleOptions.Cursor.OFFSET).withArrivals(10);
        try (SampleGraphServer s = SampleGraphServer.start(offset)) {
            SampleForm f = s.dataset().pages().get(0).forms().get(0);
            int before = (int) f.leadCount();
            List<String> bodies = pageAll(url(s, "/" + f.id() + "/leads?fields=id&limit=100&access_token="
                    + SampleTokens.pageToken(f.pageId())));
            List<String> served = new ArrayList<>();
            bodies.forEach(b -> readData(b).forEach(l -> served.add(l.path("id").asText())));
            Set<String> distinct = new HashSet<>(served);
            // every request brought 10 new leads on top: each later page starts 10 leads back
            assertThat(f.leadCount()).isEqualTo(before + 10L * bodies.size());
            assertThat(served.size() - distinct.size()).isEqualTo(10 * (bodies.size() - 1));
            assertThat(readData(bodies.get(0))).hasSize(25);
            assertThat(s.dataset().leadId(f.id(), before - 1)).isIn(distinct);
            assertThat(s.dataset().leadId(f.id(), 0)).isIn(distinct);
            assertThat(SamplePaging.decodeCursor(Http.JSON.readTree(bodies.get(0)).path("paging").path("cursors")
                    .path("after").asText())).isEqualTo("offset:25");
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        try (SampleGraphServer s = SampleGraphServer.start(offset.withCursor(SampleOptions.Cursor.KEYSET))) {
            SampleForm f = s.dataset().pages().get(0).forms().get(0);
            int before = (int) f.leadCount();
            List<String> served = new ArrayList<>();
            pageAll(url(s, "/" + f.id() + "/leads?fields=id&limit=25&access_token="
                    + SampleTokens.pageToken(f.pageId()))).forEach(b -> readData(b)
                    .forEach(l -> served.add(l.path("id").asText())));
            assertThat(new HashSet<>(served)).hasSameSizeAs(served).hasSize(before + 10);
        }
    }

    @Test
    void badLeadsFaultServesTheSameLeadsMalformedOnEveryRequest() {
        try (SampleGraphServer s = SampleGraphServer.start(SampleOptions.defaults().withLeads(600)
                .withFaults("badleads=0.05,seed=3"))) {
            SampleForm f = s.dataset().pages().get(0).forms().get(0);
            String u = url(s, "/" + f.id() + "/leads?fields=" + enc(SampleDataset.ALL_LEAD_FIELDS)
                    + "&limit=1000&access_token=" + SampleTokens.pageToken(f.pageId()));
            String first = get(u).body();
            assertThat(get(u).body()).isEqualTo(first);
            JsonNode leads = readData(first);
            int noId = 0;
            int noTime = 0;
            int badTime = 0;
            for (JsonNode l : leads) {
                assertThat(l.path("field_data").isArray()).isTrue();
                if (!l.has("id")) {
                    noId++;
                } else if (!l.has("created_time")) {
                    noTime++;
                } else if (l.path("created_time").asText().startsWith("2025-13")) {
                    badTime++;
                }
            }
            assertThat(leads.size()).isEqualTo((int) f.leadCount());
            assertThat(noId).isPositive();
            assertThat(noTime).isPositive();
            assertThat(badTime).isPositive();
            assertThat(noId + noTime + badTime).isBetween(leads.size() / 50, leads.size() / 10);
            JsonNode defaults = readData(get(url(s, "/" + f.id() + "/leads?limit=1000&access_token="
                    + SampleTokens.pageToken(f.pageId()))).body());
            assertThat(defaults).anySatisfy(l -> assertThat(l.has("id")).isFalse());
        }
    }

    @Test
    void defaultFieldsAndRequestedSubsets() {
        SampleForm fr = form(1, 0);
        JsonNode dflt = get(url("/" + fr.id() + "/leads?limit=3&access_token=" + pageToken(fr))).json()
                .path("data").get(0);
        assertThat(keys(dflt)).containsExactly("created_time", "id", "field_data");
        assertThat(dflt.path("created_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000");

        JsonNode subset = get(url("/" + fr.id() + "/leads?limit=3&fields=" + enc("field_data,id,partner_name")
                + "&access_token=" + pageToken(fr))).json().path("data").get(0);
        assertThat(keys(subset)).containsExactly("id", "field_data");

        // all fields: disclaimer responses on the French form, organic leads without ad fields
        boolean sawOrganic = false;
        boolean sawPaid = false;
        for (String body : pageAll(url("/" + fr.id() + "/leads?limit=500&fields=" + enc(SampleDataset.ALL_LEAD_FIELDS)
                + "&access_token=" + pageToken(fr)))) {
            for (JsonNode l : readData(body)) {
                JsonNode responses = l.path("custom_disclaimer_responses");
                assertThat(responses.size()).isEqualTo(2);
                assertThat(responses.get(0).path("is_checked").asText()).isEqualTo("1");
                assertThat(responses.get(1).path("is_checked").asText()).isIn("1", "");
                if (l.path("is_organic").asBoolean()) {
                    sawOrganic = true;
                    assertThat(keys(l)).doesNotContain("ad_id", "ad_name", "adset_id", "adset_name", "campaign_id",
                            "campaign_name");
                } else {
                    sawPaid = true;
                    assertThat(keys(l)).containsExactly("id", "created_time", "ad_id", "ad_name", "adset_id",
                            "adset_name", "campaign_id", "campaign_name", "form_id", "field_data",
                            "custom_disclaimer_responses", "is_organic", "platform");
                }
            }
        }
        assertThat(sawOrganic).isTrue();
        assertThat(sawPaid).isTrue();

        SampleForm ua = form(0, 0);
        JsonNode uaLead = get(url("/" + ua.id() + "/leads?limit=1&fields=" + enc(SampleDataset.ALL_LEAD_FIELDS)
                + "&access_token=" + pageToken(ua))).json().path("data").get(0);
        assertThat(uaLead.has("custom_disclaimer_responses")).isFalse();
        List<String> names = uaLead.path("field_data").findValuesAsText("name");
        assertThat(names).containsExactlyElementsOf(ua.questionKeys());
    }

    @Test
    void singleLeadIsServedByItsId() {
        SampleForm f = form(3, 0);
        String id = data.leadId(f.id(), 17);
        Http.Resp r = get(url("/" + id + "?fields=" + enc(SampleDataset.ALL_LEAD_FIELDS) + "&access_token="
                + pageToken(f)));
        assertThat(r.body()).isEqualTo(data.leadJson(f.id(), 17));
        assertError(get(url("/" + id + "?access_token=" + SampleTokens.pageToken(data.pages().get(0).id()))),
                400, "GraphMethodException", 100, 33, "Object with ID '" + id + "' does not exist");
    }

    @Test
    void dataIsAsciiEscapedAndCarriesTrickyValues() {
        Set<String> values = new HashSet<>();
        Set<String> keys = new HashSet<>();
        Set<String> adNames = new HashSet<>();
        Set<String> platforms = new HashSet<>();
        boolean emptyValues = false;
        boolean multiValues = false;
        for (SampleForm f : data.allForms()) {
            if (f.leadCount() == 0) {
                continue;
            }
            for (String body : pageAll(url("/" + f.id() + "/leads?limit=1000&fields="
                    + enc(SampleDataset.ALL_LEAD_FIELDS) + "&access_token=" + pageToken(f)))) {
                assertThat(body.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).isTrue();
                for (JsonNode l : readData(body)) {
                    adNames.add(l.path("campaign_name").asText());
                    platforms.add(l.path("platform").asText());
                    for (JsonNode fd : l.path("field_data")) {
                        keys.add(fd.path("name").asText());
                        emptyValues |= fd.path("values").isEmpty();
                        multiValues |= fd.path("values").size() > 1;
                        fd.path("values").forEach(v -> values.add(v.asText()));
                    }
                }
            }
        }
        assertThat(values).contains("=HYPERLINK(\"http://example.com\",\"click\")", "+cmd|' /C calc'!A0",
                "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "-12.5", "+380501234567", "Line one\nLine two\r\nLine three",
                "Super 👍🏽 merci !", "Für die ganze Familie 👨‍👩‍👧‍👦 bitte", "أرغب في رحلة عائلية، شكراً",
                "מעוניין בסיור, תודה רבה", "viber", "telegram", "whatsapp");
        assertThat(keys).contains("эл._адрес", "куди_відправити_інформацію?", "яку_мову_хочете_вивчати?",
                "first_name", "last_name");
        assertThat(adNames).contains("Student/Анатолій/ЛФ/Україна,30-55,Ж,Advantage+/24.07.2025");
        assertThat(platforms).contains("fb", "ig");
        assertThat(emptyValues).isTrue();
        assertThat(multiValues).isTrue();
        assertThat(values.stream().filter(v -> v.contains("@")).filter(v -> !v.contains("SUM"))
                .allMatch(v -> v.matches("[A-Za-z0-9.-]+@(mail\\.)?example\\.(com|org)"))).isTrue();
    }

    // ------------------------------------------------------------------ errors

    @Test
    void errorEnvelopes() {
        SampleForm f = form(0, 0);
        assertError(get(url("/me?access_token=" + SampleTokens.EXPIRED)), 400, "OAuthException", 190, 463,
                "Error validating access token: Session has expired on ");
        assertError(get(url("/" + f.id() + "/leads?access_token=" + SampleTokens.EXPIRED)), 400, "OAuthException",
                190, 463, "Session has expired");
        assertError(get(url("/me?access_token=EAAnonsense")), 400, "OAuthException", 190, null,
                "Invalid OAuth access token - Cannot parse access token");
        assertError(get(url("/me")), 400, "OAuthException", 104, null, "An access token is required");
        assertError(get(url("/123456789?access_token=" + SampleTokens.USER)), 400, "GraphMethodException", 100, 33,
                "Unsupported get request. Object with ID '123456789' does not exist, cannot be loaded due to missing"
                        + " permissions, or does not support this operation.");
        assertError(get(url("/" + f.id() + "/leads?access_token=" + SampleTokens.noLeadsPageToken(f.pageId()))),
                400, "OAuthException", 200, null, "Requires leads_retrieval permission");
        assertError(get(url("/" + f.id() + "/leads?access_token=" + SampleTokens.USER)), 400, "OAuthException", 190,
                null, "(#190) This method must be called with a Page Access Token");
        assertError(get(url("/" + f.pageId() + "/leadgen_forms?access_token=" + SampleTokens.SYSTEM_USER)), 400,
                "OAuthException", 190, null, "(#190) This method must be called with a Page Access Token");
        assertError(get(url("/" + f.id() + "/leads?fields=id,favourite_colour&access_token=" + pageToken(f))), 400,
                "OAuthException", 100, null, "(#100) Tried accessing nonexisting field (favourite_colour)");
        assertError(get(url("/" + f.id() + "/leads?after=bm9wZQ&access_token=" + pageToken(f))), 400,
                "OAuthException", 2642, null, "Invalid cursors");
        Http.Resp expired = get(url("/me?access_token=" + SampleTokens.EXPIRED));
        assertThat(expired.json().path("error").path("is_transient").asBoolean()).isFalse();
        assertThat(expired.body()).doesNotContain(SampleTokens.EXPIRED);
    }

    @Test
    void appsecretProofIsEnforcedWhenConfigured() {
        String secret = "sample-app-secret";
        try (SampleGraphServer s = SampleGraphServer.start(SampleOptions.defaults().withLeads(50)
                .withAppSecret(secret))) {
            assertThat(s.options().toString()).doesNotContain(secret);
            assertError(get(url(s, "/me?access_token=" + SampleTokens.USER)), 400, "GraphMethodException", 100, null,
                    "appsecret_proof");
            assertError(get(url(s, "/me?access_token=" + SampleTokens.USER + "&appsecret_proof="
                            + SampleGraphServer.appsecretProof(SampleTokens.USER, "wrong"))), 400,
                    "GraphMethodException", 100, null, "Invalid appsecret_proof provided in the API argument");
            Http.Resp ok = get(url(s, "/me?access_token=" + SampleTokens.USER + "&appsecret_proof="
                    + SampleGraphServer.appsecretProof(SampleTokens.USER, secret)));
            assertThat(ok.status()).isEqualTo(200);
            // a next link keeps the proof
            String proof = SampleGraphServer.appsecretProof(SampleTokens.USER, secret);
            JsonNode accounts = get(url(s, "/me/accounts?limit=2&access_token=" + SampleTokens.USER
                    + "&appsecret_proof=" + proof)).json();
            assertThat(get(accounts.path("paging").path("next").asText()).status()).isEqualTo(200);
        }
        // without a secret configured no proof is needed
        assertThat(get(url("/me?access_token=" + SampleTokens.USER)).status()).isEqualTo(200);
    }

    @Test
    void usageHeaderIsPresentAndSmall() {
        Http.Resp r = get(url("/me?access_token=" + SampleTokens.USER));
        JsonNode usage = Http.JSON.valueToTree(parse(r.header("X-App-Usage")));
        assertThat(usage.path("call_count").asInt()).isBetween(0, 49);
        assertThat(usage.path("total_time").asInt()).isBetween(0, 49);
        assertThat(usage.path("total_cputime").asInt()).isBetween(0, 49);
        assertThat(get(url("/nope?access_token=x")).header("X-App-Usage")).isNotNull();
    }

    private static JsonNode parse(String json) {
        try {
            return Http.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ faults and latency

    @Test
    void faultsHappenAtTheConfiguredRates() {
        try (SampleGraphServer s = SampleGraphServer.start(SampleOptions.defaults().withLeads(500)
                .withFaults("transient=0.2,ratelimit=0.1,truncate=0.1,usage=90,seed=7"))) {
            SampleForm f = s.dataset().pages().get(0).forms().get(0);
            String u = url(s, "/" + f.id() + "/leads?limit=20&access_token=" + SampleTokens.pageToken(f.pageId()));
            int ok = 0;
            int transients = 0;
            int limited = 0;
            int broken = 0;
            int dropped = 0;
            int n = 400;
            for (int i = 0; i < n; i++) {
                Http.Resp r;
                try {
                    r = get(u);
                } catch (UncheckedIOException e) {
                    broken++; // truncated: connection closed before the declared length
                    dropped++;
                    continue;
                }
                assertThat(r.header("X-App-Usage")).contains("\"call_count\":90");
                if (r.status() == 500) {
                    transients++;
                    assertThat(r.json().path("error").path("code").asInt()).isEqualTo(2);
                    assertThat(r.json().path("error").path("is_transient").asBoolean()).isTrue();
                } else if (r.status() == 400) {
                    limited++;
                    assertThat(r.json().path("error").path("code").asInt()).isEqualTo(80005);
                    assertThat(r.header("X-Business-Use-Case-Usage")).contains("\"" + f.pageId() + "\"")
                            .contains("estimated_time_to_regain_access");
                } else {
                    assertThat(r.status()).isEqualTo(200);
                    boolean parses;
                    try {
                        Http.JSON.readTree(r.body());
                        parses = true;
                    } catch (java.io.IOException e) {
                        parses = false;
                    }
                    if (parses) {
                        ok++;
                    } else {
                        broken++;
                    }
                }
            }
            assertThat(transients).isBetween(50, 110);
            assertThat(limited).isBetween(20, 65);
            assertThat(broken).isBetween(20, 65);
            assertThat(dropped).isPositive().isLessThan(broken); // both kinds: dropped connections and cut JSON
            assertThat(ok).isEqualTo(n - transients - limited - broken);
            // /me is never faulted
            for (int i = 0; i < 30; i++) {
                assertThat(get(url(s, "/me?access_token=" + SampleTokens.USER)).status()).isEqualTo(200);
            }
            assertThat(s.requestsWithPath("/leads")).isEqualTo(n);
        }
    }

    @Test
    void badFaultSpecIsRejected() {
        assertThatThrownBy(() -> SampleOptions.defaults().withFaults("explode=0.5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explode");
        assertThatThrownBy(() -> SampleOptions.defaults().withFaults("transient=2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleOptions.defaults().withFaults("badleads=-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleOptions.Cursor.parse("sideways"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyset or offset");
        assertThat(SampleOptions.Cursor.parse("Offset")).isEqualTo(SampleOptions.Cursor.OFFSET);
    }

    @Test
    void latencyIsAddedServerSide() {
        try (SampleGraphServer s = SampleGraphServer.start(SampleOptions.defaults().withLeads(10).withLatencyMs(120))) {
            long t0 = System.nanoTime();
            assertThat(get(url(s, "/me?access_token=" + SampleTokens.USER)).status()).isEqualTo(200);
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(120);
            assertThat(s.requestCount()).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------ scale

    @Test
    void aMillionLeadsAreServedFromTheirDeepestPages() {
        // how fast: SampleServerBenchmarkTest (tag benchmark)
        try (SampleGraphServer big = SampleGraphServer.start(SampleOptions.defaults().withLeads(1_000_000))) {
            SampleDataset d = big.dataset();
            assertThat(d.allForms().stream().mapToLong(SampleForm::leadCount).sum()).isEqualTo(1_000_000);
            SampleForm f = d.pages().get(0).forms().get(0);
            int count = (int) f.leadCount();
            assertThat(count).isGreaterThan(250_000);
            long deepTime = d.leadCreatedEpochSecond(f.id(), 1000);
            String filtering = "[{\"field\":\"time_created\",\"operator\":\"LESS_THAN\",\"value\":" + deepTime + "}]";
            String u = url(big, "/" + f.id() + "/leads?limit=1000&fields=" + enc(SampleDataset.ALL_LEAD_FIELDS)
                    + "&filtering=" + enc(filtering) + "&access_token=" + SampleTokens.pageToken(f.pageId()));
            Http.Resp r = get(u);
            assertThat(r.status()).isEqualTo(200);
            JsonNode data = r.json().path("data");
            assertThat(data.size()).isEqualTo(1000);
            assertThat(data.get(0).path("id").asText()).isEqualTo(d.leadId(f.id(), 999));
            assertThat(r.json().path("paging").has("next")).isFalse();
            Iterator<JsonNode> it = data.elements();
            assertThat(it.next().path("created_time").asText()).isNotEmpty();
        }
    }
}
