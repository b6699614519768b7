package io.leaddesk.sample;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.leaddesk.sample.Http.enc;
import static io.leaddesk.sample.Http.get;
import static io.leaddesk.sample.Http.getBearer;
import static org.assertj.core.api.Assertions.assertThat;

/** What the access doctor reads from the sample Graph API, and the sample tokens of each access problem. */
class SampleAccessEndpointsTest {
    private static SampleGraphServer server;
    private static final String APP_TOKEN = SampleTokens.APP_ID + "|" + SampleTokens.APP_SECRET;

    @BeforeAll
    static void start() {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(300));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String url(String pathAndQuery) {
        return server.baseUrl() + "/v25.0" + pathAndQuery;
    }

    private static JsonNode error(Http.Resp r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.json().path("error");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void permissionsSayGrantedAndDeclined() {
        JsonNode all = getBearer(url("/me/permissions"), SampleTokens.USER).json().path("data");
        assertThat(all.size()).isGreaterThan(5);
        all.forEach(p -> assertThat(p.path("status").asText()).isEqualTo("granted"));
        JsonNode declined = getBearer(url("/me/permissions"), SampleTokens.DECLINED_LEADS).json().path("data");
        boolean sawDeclined = false;
        for (JsonNode p : declined) {
            if (p.path("permission").asText().equals("leads_retrieval")) {
                assertThat(p.path("status").asText()).isEqualTo("declined");
                sawDeclined = true;
            }
        }
        assertThat(sawDeclined).isTrue();
        assertThat(error(getBearer(url("/me/permissions"), SampleTokens.pageToken(SampleTokens.BLOCKED_PAGE_ID)))
                .path("code").asInt()).isEqualTo(100);
    }

    @Test
    void debugTokenTellsKindAppAndExpiry() {
        long now = Instant.now().getEpochSecond();
        JsonNode user = getBearer(url("/debug_token?input_token=" + SampleTokens.USER), APP_TOKEN).json().path("data");
        assertThat(user.path("is_valid").asBoolean()).isTrue();
        assertThat(user.path("type").asText()).isEqualTo("USER");
        assertThat(user.path("app_id").asText()).isEqualTo(SampleTokens.APP_ID);
        assertThat(user.path("expires_at").asLong()).isGreaterThan(now + 50 * 86_400L);
        assertThat(user.path("data_access_expires_at").asLong()).isGreaterThan(now);

        JsonNode shortLived = getBearer(url("/debug_token?input_token=" + SampleTokens.SHORT_LIVED), SampleTokens.SHORT_LIVED)
                .json().path("data");
        assertThat(shortLived.path("expires_at").asLong()).isBetween(now + 30 * 60, now + 3600);

        JsonNode system = getBearer(url("/debug_token?input_token=" + SampleTokens.SYSTEM_USER), APP_TOKEN).json().path("data");
        assertThat(system.path("type").asText()).isEqualTo("SYSTEM_USER");
        assertThat(system.path("expires_at").asLong()).isZero();

        JsonNode page = getBearer(url("/debug_token?input_token=" + SampleTokens.pageToken(SampleTokens.BLOCKED_PAGE_ID)),
                APP_TOKEN).json().path("data");
        assertThat(page.path("type").asText()).isEqualTo("PAGE");
        assertThat(page.path("profile_id").asText()).isEqualTo(SampleTokens.BLOCKED_PAGE_ID);

        JsonNode expired = getBearer(url("/debug_token?input_token=" + SampleTokens.EXPIRED), APP_TOKEN).json().path("data");
        assertThat(expired.path("is_valid").asBoolean()).isFalse();
        assertThat(expired.path("error").path("subcode").asInt()).isEqualTo(463);
        assertThat(expired.path("expires_at").asLong()).isLessThan(now);

        JsonNode wrongSecret = error(getBearer(url("/debug_token?input_token=" + SampleTokens.USER),
                SampleTokens.APP_ID + "|wrong"));
        assertThat(wrongSecret.path("code").asInt()).isEqualTo(190);
        assertThat(error(getBearer(url("/debug_token?input_token=" + SampleTokens.USER), "999|" + SampleTokens.APP_SECRET))
                .path("code").asInt()).isEqualTo(101);
    }

    @Test
    void theExchangeWantsTheAppsIdAndSecret() {
        String base = "/oauth/access_token?grant_type=fb_exchange_token&client_id=" + SampleTokens.APP_ID;
        JsonNode ok = get(url(base + "&client_secret=" + SampleTokens.APP_SECRET + "&fb_exchange_token="
                + SampleTokens.SHORT_LIVED)).json();
        assertThat(ok.path("access_token").asText()).isEqualTo(SampleTokens.LONG_LIVED);
        assertThat(ok.path("expires_in").asLong()).isGreaterThan(59 * 86_400L);
        JsonNode wrong = error(get(url(base + "&client_secret=nope&fb_exchange_token=" + SampleTokens.SHORT_LIVED)));
        assertThat(wrong.path("code").asInt()).isEqualTo(1);
        assertThat(wrong.path("message").asText()).isEqualTo("Error validating client secret.");
        JsonNode wrongId = error(get(url("/oauth/access_token?grant_type=fb_exchange_token&client_id=42&client_secret="
                + SampleTokens.APP_SECRET + "&fb_exchange_token=" + SampleTokens.SHORT_LIVED)));
        assertThat(wrongId.path("code").asInt()).isEqualTo(101);
        JsonNode expired = error(get(url(base + "&client_secret=" + SampleTokens.APP_SECRET + "&fb_exchange_token="
                + SampleTokens.EXPIRED)));
        assertThat(expired.path("error_subcode").asInt()).isEqualTo(463);
        // the long-lived token works like the user's
        assertThat(getBearer(url("/me/accounts?fields=id"), SampleTokens.LONG_LIVED).json().path("data").size()).isEqualTo(5);
    }

    @Test
    void eachProblemTokenShowsItsCase() {
        String blocked = SampleTokens.BLOCKED_PAGE_ID;
        // the limited role: ANALYZE on one Page, and its leads refused
        JsonNode accounts = getBearer(url("/me/accounts?fields=id,tasks,access_token"), SampleTokens.LIMITED_ROLE).json().path("data");
        String limitedToken = null;
        for (JsonNode p : accounts) {
            if (p.path("id").asText().equals(blocked)) {
                assertThat(texts(p.path("tasks"))).containsExactly("ANALYZE");
                limitedToken = p.path("access_token").asText();
            } else {
                assertThat(texts(p.path("tasks"))).contains("ADVERTISE", "MANAGE");
            }
        }
        assertThat(limitedToken).isNotNull();
        SampleForm form = server.dataset().page(blocked).forms().get(0);
        assertThat(error(getBearer(url("/" + form.id() + "/leads?limit=1"), limitedToken)).path("code").asInt()).isEqualTo(200);
        JsonNode access = getBearer(url("/" + blocked + "?fields=has_lead_access,leadgen_tos_accepted"), limitedToken).json();
        assertThat(access.path("has_lead_access").path("can_access_lead").asBoolean()).isFalse();
        assertThat(access.path("has_lead_access").path("user_has_leads_permission").asBoolean()).isFalse();
        assertThat(access.path("leadgen_tos_accepted").asBoolean()).isTrue();
        SampleForm readable = server.dataset().pages().get(0).forms().get(0);
        String readableToken = null;
        for (JsonNode p : accounts) {
            if (p.path("id").asText().equals(readable.pageId())) {
                readableToken = p.path("access_token").asText();
            }
        }
        assertThat(getBearer(url("/" + readable.id() + "/leads?limit=1"), readableToken).status()).isEqualTo(200);

        // Lead Access Manager does not list the app on one Page
        JsonNode lam = getBearer(url("/" + blocked + "?fields=has_lead_access"), "sample-page-lam-" + blocked).json()
                .path("has_lead_access");
        assertThat(lam.path("enabled_lead_access_manager").asBoolean()).isTrue();
        assertThat(lam.path("app_has_leads_permission").asBoolean()).isFalse();

        // the password was changed, logged out, app removed
        assertThat(error(getBearer(url("/me"), SampleTokens.PASSWORD_CHANGED)).path("error_subcode").asInt()).isEqualTo(460);
        assertThat(error(getBearer(url("/me"), SampleTokens.LOGGED_OUT)).path("error_subcode").asInt()).isEqualTo(467);
        assertThat(error(getBearer(url("/me"), SampleTokens.APP_REMOVED)).path("error_subcode").asInt()).isEqualTo(458);

        // the app requires appsecret_proof
        JsonNode required = error(getBearer(url("/me"), SampleTokens.APP_SECRET_REQUIRED));
        assertThat(required.path("message").asText()).contains("appsecret_proof");
        String proof = SampleGraphServer.appsecretProof(SampleTokens.APP_SECRET_REQUIRED, SampleTokens.APP_SECRET);
        assertThat(getBearer(url("/me?appsecret_proof=" + enc(proof)), SampleTokens.APP_SECRET_REQUIRED).status()).isEqualTo(200);
    }

    @Test
    void theExistingTokensStillDoWhatTheyDid() {
        // the original no-leads token: same tasks, same Lead Access Manager answer, same page tokens
        JsonNode p = getBearer(url("/me/accounts?fields=id,tasks,access_token&limit=1"), SampleTokens.NO_LEADS_PERMISSION)
                .json().path("data").get(0);
        assertThat(texts(p.path("tasks"))).containsExactly("ADVERTISE", "ANALYZE");
        assertThat(p.path("access_token").asText()).isEqualTo(SampleTokens.noLeadsPageToken(p.path("id").asText()));
        JsonNode user = getBearer(url("/me/accounts?fields=id,tasks,access_token&limit=1"), SampleTokens.USER).json()
                .path("data").get(0);
        assertThat(user.path("access_token").asText()).isEqualTo(SampleTokens.pageToken(user.path("id").asText()));
        assertThat(texts(user.path("tasks"))).hasSize(6);
    }

    @Test
    void theTokensAreDocumented() {
        assertThat(SampleTokens.describe()).contains(SampleTokens.SHORT_LIVED, SampleTokens.LONG_LIVED,
                SampleTokens.LIMITED_ROLE, SampleTokens.DECLINED_LEADS, SampleTokens.LEAD_ACCESS_MANAGER,
                SampleTokens.PASSWORD_CHANGED, SampleTokens.LOGGED_OUT, SampleTokens.APP_REMOVED,
                SampleTokens.APP_SECRET_REQUIRED, SampleTokens.APP_ID, SampleTokens.APP_SECRET, "missing_task",
                "lead_access_manager", "permission_declined", "app_secret_required");
    }
}
