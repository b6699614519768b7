package io.leaddesk.graph;

import io.leaddesk.model.ContactFields;
import io.leaddesk.model.DisclaimerCheckbox;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
import io.leaddesk.model.QuestionOption;

import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A loop guard that fails must fail the test, not hang it. */
@Timeout(20)
class GraphClientTest extends GraphTestSupport {

    @Test
    void whoamiReadsUserTokenFromMetadataAndSendsTokenOnlyInHeader() {
        route(r -> json("{\"id\":\"U1\",\"name\":\"Olena\",\"metadata\":{\"type\":\"user\"}}"));
        TokenInfo who = client().whoami(new AccessToken(USER_TOKEN));
        assertThat(who).isEqualTo(new TokenInfo(TokenKind.USER, "U1", "Olena"));
        RecordedRequest r = requests().get(0);
        assertThat(r.getRequestUrl().encodedPath()).isEqualTo("/v25.0/me");
        assertThat(r.getRequestUrl().queryParameter("fields")).isEqualTo("id,name");
        assertThat(r.getRequestUrl().queryParameter("metadata")).isEqualTo("1");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + USER_TOKEN);
        assertThat(r.getRequestUrl().queryParameter("appsecret_proof")).isNull();
    }

    @Test
    void whoamiReadsPageToken() {
        route(r -> json("{\"id\":\"P1\",\"name\":\"Школа\",\"metadata\":{\"type\":\"page\",\"fields\":[]}}"));
        assertThat(client().whoami(new AccessToken(PAGE_TOKEN)))
                .isEqualTo(new TokenInfo(TokenKind.PAGE, "P1", "Школа"));
    }

    @Test
    void whoamiWithoutMetadataFallsBackToAccountsError100ForPages() {
        route(r -> r.getPath().startsWith("/v25.0/me/accounts")
                ? error(400, 100, 0, "(#100) Tried accessing nonexisting field (accounts) on node type (Page)")
                : json("{\"id\":\"P1\",\"name\":\"Page\"}"));
        assertThat(client().whoami(new AccessToken(PAGE_TOKEN)).kind()).isEqualTo(TokenKind.PAGE);
        assertThat(requests()).hasSize(2);
        assertThat(requests().get(1).getRequestUrl().queryParameter("limit")).isEqualTo("1");
    }

    @Test
    void whoamiWithoutMetadataFallsBackToAccountsSuccessForUsers() {
        route(r -> r.getPath().startsWith("/v25.0/me/accounts")
                ? json("{\"data\":[]}")
                : json("{\"id\":\"U1\",\"name\":\"User\"}"));
        assertThat(client().whoami(new AccessToken(USER_TOKEN)))
                .isEqualTo(new TokenInfo(TokenKind.USER, "U1", "User"));
    }

    @Test
    void pagesOfUserTokenFollowAllResultPagesWithEachPagesToken() {
        String p = "/v25.0/me/accounts";
        route(r -> {
            String after = r.getRequestUrl().queryParameter("after");
            if (after == null) {
                return json(page(next(p, "A1"), "A1",
                        "{\"id\":\"1\",\"name\":\"One\",\"access_token\":\"EAApage1tokenvalue000\",\"tasks\":[\"ADVERTISE\",\"MANAGE\"]}"));
            }
            if (after.equals("A1")) {
                return json(page(next(p, "A2"), "A2",
                        "{\"id\":\"2\",\"name\":\"Two\",\"access_token\":\"EAApage2tokenvalue000\",\"tasks\":[]}",
                        "{\"id\":\"norole\",\"name\":\"No role\",\"tasks\":[]}"));
            }
            return json(page(null, "A3",
                    "{\"id\":\"3\",\"name\":\"Три\",\"access_token\":\"EAApage3tokenvalue000\"}"));
        });
        GraphClient c = client();
        List<PageInfo> pages = c.pages(new AccessToken(USER_TOKEN), new TokenInfo(TokenKind.USER, "U1", "U"));

        assertThat(pages).extracting(PageInfo::id).containsExactly("1", "2", "3");
        assertThat(pages).extracting(pi -> pi.accessToken().reveal())
                .containsExactly("EAApage1tokenvalue000", "EAApage2tokenvalue000", "EAApage3tokenvalue000");
        assertThat(pages.get(0).tasks()).containsExactly("ADVERTISE", "MANAGE");
        assertThat(pages.get(2).name()).isEqualTo("Три");
        assertThat(pages.toString()).doesNotContain("EAApage1tokenvalue000");
        List<RecordedRequest> rs = requests();
        assertThat(rs).hasSize(3);
        assertThat(rs.get(0).getRequestUrl().queryParameter("fields")).isEqualTo("id,name,access_token,tasks");
        assertThat(rs.get(0).getRequestUrl().queryParameter("limit")).isEqualTo("100");
        assertThat(rs).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + USER_TOKEN));
    }

    @Test
    void pagesOfPageTokenIsThatPageWithTheSameToken() {
        AccessToken t = new AccessToken(PAGE_TOKEN);
        List<PageInfo> pages = client().pages(t, new TokenInfo(TokenKind.PAGE, "P1", "Page"));
        assertThat(pages).containsExactly(new PageInfo("P1", "Page", t, List.of()));
        assertThat(requests()).isEmpty();
    }

    static final String FORM_1 = """
            {"id":"F1","name":"Пробний урок","status":"ACTIVE","locale":"uk_UA","created_time":"2025-09-01T10:00:00+0000",\
            "leads_count":4098,"organic_leads_count":12,"expired_leads_count":7,\
            "questions":[{"id":"q1","key":"full_name","label":"Повне ім'я","type":"FULL_NAME"},\
            {"id":"q2","key":"эл._адрес","label":"Эл. адрес","type":"EMAIL"},\
            {"id":"q3","key":"куди_відправити_інформацію?","label":"Куди?","type":"CUSTOM",\
            "options":[{"key":"viber","value":"Viber"},{"key":"telegram","value":"Telegram"}]}],\
            "legal_content":{"id":"L1","privacy_policy":{"url":"https://example.org/privacy","link_text":"Privacy"},\
            "custom_disclaimer":{"title":"Згода","body":{"text":"Ми зберігаємо дані","url_entities":[]},\
            "checkboxes":[{"id":"c1","key":"consent","text":"Так","is_required":true,"is_checked_by_default":false},\
            {"id":"c2","key":"news","text":"Новини","is_required":false,"is_checked_by_default":true}]}}}""";

    @Test
    void formsAreParsedWithQuestionsLegalContentAndExactRawJson() {
        String p = "/v25.0/P1/leadgen_forms";
        String form2 = "{\"id\":\"F2\",\"name\":\"Plain\",\"status\":\"ARCHIVED\",\"locale\":\"en_US\"}";
        route(r -> r.getRequestUrl().queryParameter("after") == null
                ? json(page(next(p, "X"), "X", FORM_1))
                : json(page(null, "Y", form2)));
        List<LeadForm> forms = client().forms(pageInfo());

        assertThat(forms).hasSize(2);
        LeadForm f = forms.get(0);
        assertThat(f.id()).isEqualTo("F1");
        assertThat(f.pageId()).isEqualTo("P1");
        assertThat(f.name()).isEqualTo("Пробний урок");
        assertThat(f.leadsCount()).isEqualTo(4098);
        assertThat(f.organicLeadsCount()).isEqualTo(12);
        assertThat(f.expiredLeadsCount()).isEqualTo(7);
        assertThat(f.questions()).extracting(Question::key)
                .containsExactly("full_name", "эл._адрес", "куди_відправити_інформацію?");
        assertThat(f.questions().get(1).type()).isEqualTo("EMAIL");
        assertThat(f.questions().get(2).options()).containsExactly(
                new QuestionOption("viber", "Viber"), new QuestionOption("telegram", "Telegram"));
        assertThat(f.privacyPolicyUrl()).isEqualTo("https://example.org/privacy");
        assertThat(f.disclaimer().title()).isEqualTo("Згода");
        assertThat(f.disclaimer().body()).isEqualTo("Ми зберігаємо дані");
        assertThat(f.disclaimer().checkboxes()).containsExactly(
                new DisclaimerCheckbox("c1", "consent", "Так", true, false),
                new DisclaimerCheckbox("c2", "news", "Новини", false, true));
        assertThat(f.rawJson()).isEqualTo(FORM_1);
        assertThat(forms.get(1).disclaimer()).isNull();
        assertThat(forms.get(1).rawJson()).isEqualTo(form2);

        RecordedRequest first = requests().get(0);
        assertThat(first.getRequestUrl().queryParameter("fields")).isEqualTo(GraphClient.FORM_FIELDS)
                .contains("questions{id,key,label,type,options{key,value}}")
                .contains("checkboxes{id,key,text,is_required,is_checked_by_default}");
        assertThat(first.getHeader("Authorization")).isEqualTo("Bearer " + PAGE_TOKEN);
        // contact fields found through the question type, not the key spelling
        assertThat(ContactFields.of(f.questions(), List.of(new FieldAnswer("эл._адрес", List.of("a@b.ua")))).email())
                .isEqualTo("a@b.ua");
    }

    @Test
    void appSecretProofOnEveryCallAndTokenStrippedFromNextLinks() {
        String p = "/v25.0/F1/leads";
        String nextWithProof = next(p, "C1") + "&appsecret_proof=bogusproof";
        route(r -> r.getRequestUrl().queryParameter("after") == null
                ? json(page(nextWithProof, "C1", lead("1")))
                : json(page(null, null, lead("2"))));
        GraphClient c = client(s -> s.withAppSecret(SECRET));
        c.leads(pageInfo(), "F1", null, leads -> { }, () -> false, RetryListener.NONE);

        String proof = GraphClient.appSecretProof(PAGE_TOKEN, SECRET);
        List<RecordedRequest> rs = requests();
        assertThat(rs).hasSize(2);
        assertThat(rs).allSatisfy(r -> {
            assertThat(r.getRequestUrl().queryParameterValues("appsecret_proof")).containsExactly(proof);
            assertThat(r.getRequestUrl().queryParameter("access_token")).isNull();
            assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + PAGE_TOKEN);
        });
        assertThat(rs.get(1).getRequestUrl().queryParameter("after")).isEqualTo("C1");
    }

    @Test
    void appSecretProofIsHexHmacSha256() {
        // RFC 4231-style well-known vector for HMAC-SHA256
        assertThat(GraphClient.appSecretProof("The quick brown fox jumps over the lazy dog", "key"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void singleLeadIsParsed() {
        route(r -> json(lead("L9")));
        Lead l = client().lead(new AccessToken(PAGE_TOKEN), "L9");
        assertThat(l.id()).isEqualTo("L9");
        assertThat(l.rawJson()).isEqualTo(lead("L9"));
        assertThat(requests().get(0).getRequestUrl().encodedPath()).isEqualTo("/v25.0/L9");
    }

    @Test
    void settingsAreKept() {
        GraphClient c = client();
        assertThat(c.settings().pageSize()).isEqualTo(25);
        route(r -> new MockResponse().setResponseCode(200).setBody("{\"id\":\"U\",\"metadata\":{\"type\":\"user\"}}"));
        c.whoami(new AccessToken(USER_TOKEN));
        assertThat(requests().get(0).getRequestUrl().encodedPath()).startsWith("/v25.0/");
    }
}
