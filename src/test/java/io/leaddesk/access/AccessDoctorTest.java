package io.leaddesk.access;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The access doctor against the sample Graph API: each sample token's case is named with its code and its fix. */
class AccessDoctorTest {
    static SampleGraphServer server;
    static GraphClient graph;
    static final AppCredentials APP = new AppCredentials(SampleTokens.APP_ID, SampleTokens.APP_SECRET);

    @BeforeAll
    static void start() {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(300));
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl())).forSignIn();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static AccessReport examine(String token, AppCredentials app, Clock clock) {
        return new AccessDoctor(graph, clock).examine(new AccessToken(token), app, null);
    }

    static AccessReport examine(String token) {
        return examine(token, null, Clock.systemUTC());
    }

    static List<FindingCode> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    static PageReport page(AccessReport r, String id) {
        return r.pages().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    /** Every finding: message and fix are English sentences from the bundle keys, none blank, no token in them. */
    static void assertWellFormed(AccessReport r, String token) {
        for (Finding f : r.all()) {
            assertThat(English.has(f.messageKey())).as(f.messageKey()).isTrue();
            assertThat(English.has(f.fixKey())).as(f.fixKey()).isTrue();
            assertThat(f.message()).isEqualTo(English.text(f.messageKey(), f.args())).isNotBlank();
            assertThat(f.fix()).isEqualTo(English.text(f.fixKey(), f.args())).isNotBlank().endsWith(".");
            assertThat(f.message() + f.fix()).doesNotContain(token).doesNotContain("!");
        }
    }

    @Test
    void aTokenThatReadsEveryPageHasNoProblem() {
        AccessReport r = examine(SampleTokens.USER, APP, Clock.systemUTC());
        assertThat(r.outcome()).isEqualTo(AccessReport.Outcome.READABLE);
        assertThat(r.all()).isEmpty();
        TokenReport t = r.token();
        assertThat(t.kind()).isEqualTo(TokenType.USER);
        assertThat(t.appId()).isEqualTo(SampleTokens.APP_ID);
        assertThat(t.appName()).isEqualTo(SampleTokens.APP_NAME);
        assertThat(t.lifetime().expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(50)));
        assertThat(t.lifetime().dataAccessExpiresAt()).isAfter(Instant.now());
        assertThat(t.granted()).contains("leads_retrieval", "pages_show_list");
        assertThat(t.declined()).isEmpty();
        assertThat(r.pages()).hasSize(5).allSatisfy(p -> {
            assertThat(p.canReadLeads()).isTrue();
            assertThat(p.forms()).isPositive();
            assertThat(p.formsRead()).isEqualTo(p.forms());
            assertThat(p.tasks()).contains("ADVERTISE");
            assertThat(p.leadAccess().canAccessLead()).isTrue();
            assertThat(p.leadAccess().tosAccepted()).isTrue();
        });
    }

    @Test
    void aSystemUserIsNamedAndNeverExpires() {
        AccessReport r = examine(SampleTokens.SYSTEM_USER);
        assertThat(r.token().kind()).isEqualTo(TokenType.SYSTEM_USER);
        assertThat(r.token().lifetime().neverExpires()).isTrue();
        assertThat(r.outcome()).isEqualTo(AccessReport.Outcome.READABLE);
    }

    @Test
    void aPageTokenReadsItsOwnPage() {
        AccessReport r = examine(SampleTokens.pageToken(SampleTokens.BLOCKED_PAGE_ID));
        assertThat(r.token().kind()).isEqualTo(TokenType.PAGE);
        assertThat(r.pages()).singleElement().satisfies(p -> assertThat(p.canReadLeads()).isTrue());
        assertThat(r.outcome()).isEqualTo(AccessReport.Outcome.READABLE);
    }

    @Test
    void aShortLivedTokenExpiresSoonAndThenHasExpired() {
        Clock now = Clock.systemUTC();
        AccessReport soon = examine(SampleTokens.SHORT_LIVED, null, now);
        assertThat(codes(soon.problems())).containsExactly(FindingCode.TOKEN_EXPIRES_SOON);
        assertThat(soon.problems().get(0).blocking()).isFalse();
        assertThat(soon.problems().get(0).message()).contains("in less than a day");
        assertThat(soon.problems().get(0).fix()).contains("leaddesk token extend");
        assertThat(soon.outcome()).isEqualTo(AccessReport.Outcome.READABLE); // a warning: leads can still be read
        assertWellFormed(soon, SampleTokens.SHORT_LIVED);

        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);
        AccessReport expired = examine(SampleTokens.SHORT_LIVED, null, later);
        assertThat(codes(expired.problems())).containsExactly(FindingCode.TOKEN_EXPIRED);
        assertThat(expired.outcome()).isEqualTo(AccessReport.Outcome.BLOCKED);
    }

    @Test
    void aUserTokenExpiresSoonSevenDaysBefore() {
        Clock fiftyDaysOn = Clock.fixed(Instant.now().plus(Duration.ofDays(50)), ZoneOffset.UTC);
        AccessReport r = examine(SampleTokens.USER, null, fiftyDaysOn);
        assertThat(codes(r.problems())).containsExactly(FindingCode.TOKEN_EXPIRES_SOON);
        assertThat(r.problems().get(0).message()).containsPattern("in [45] days");
        Clock fortyDaysOn = Clock.fixed(Instant.now().plus(Duration.ofDays(40)), ZoneOffset.UTC);
        assertThat(examine(SampleTokens.USER, null, fortyDaysOn).problems()).isEmpty();
    }

    @Test
    void aRoleThatCannotReadLeadsIsMissingATaskOnThatPageOnly() {
        AccessReport r = examine(SampleTokens.LIMITED_ROLE);
        assertThat(r.outcome()).isEqualTo(AccessReport.Outcome.BLOCKED);
        PageReport blocked = page(r, SampleTokens.BLOCKED_PAGE_ID);
        assertThat(blocked.canReadLeads()).isFalse();
        assertThat(blocked.tasks()).containsExactly("ANALYZE");
        assertThat(blocked.formsRead()).isZero();
        assertThat(codes(blocked.problems())).containsExactly(FindingCode.MISSING_TASK);
        Finding f = blocked.problems().get(0);
        assertThat(f.message()).contains(blocked.name()).contains("ANALYZE");
        assertThat(f.fix()).contains("ADVERTISE").contains("MANAGE").contains("Page access");
        assertThat(r.pages().stream().filter(PageReport::canReadLeads)).hasSize(4);
        assertThat(r.problems()).isEmpty();
        assertWellFormed(r, SampleTokens.LIMITED_ROLE);
    }

    @Test
    void aDeclinedPermissionIsNamed() {
        AccessReport r = examine(SampleTokens.DECLINED_LEADS);
        assertThat(r.token().declined()).containsExactly("leads_retrieval");
        assertThat(codes(r.problems())).containsExactly(FindingCode.PERMISSION_DECLINED);
        assertThat(r.problems().get(0).permission()).isEqualTo("leads_retrieval");
        assertThat(r.problems().get(0).message()).contains("leads_retrieval");
        assertThat(r.pages()).allSatisfy(p -> {
            assertThat(p.canReadLeads()).isFalse();
            assertThat(codes(p.problems())).containsExactly(FindingCode.PERMISSION_DECLINED);
        });
        assertWellFormed(r, SampleTokens.DECLINED_LEADS);
    }

    @Test
    void leadAccessManagerNamesWhoIsNotAssignedAndWhere() {
        AccessReport app = examine(SampleTokens.LEAD_ACCESS_MANAGER);
        PageReport blocked = page(app, SampleTokens.BLOCKED_PAGE_ID);
        assertThat(codes(blocked.problems())).containsExactly(FindingCode.LEAD_ACCESS_MANAGER);
        assertThat(blocked.problems().get(0).message()).contains("does not list this app");
        assertThat(blocked.problems().get(0).fix()).contains("Business settings > Integrations > Leads access").contains("CRMs");
        assertThat(app.pages().stream().filter(PageReport::canReadLeads)).hasSize(4);

        AccessReport person = examine(SampleTokens.NO_LEADS_PERMISSION);
        assertThat(person.pages()).allSatisfy(p -> {
            assertThat(codes(p.problems())).containsExactly(FindingCode.LEAD_ACCESS_MANAGER);
            assertThat(p.problems().get(0).message()).contains("does not list you");
            assertThat(p.problems().get(0).fix()).contains("People");
        });
        assertWellFormed(person, SampleTokens.NO_LEADS_PERMISSION);
    }

    @Test
    void tokensThatCannotBeUsedSayWhy() {
        AccessReport expired = examine(SampleTokens.EXPIRED);
        assertThat(codes(expired.problems())).containsExactly(FindingCode.TOKEN_EXPIRED);
        assertThat(expired.problems().get(0).message()).startsWith("This token expired on ");
        assertThat(expired.token().lifetime().expiresAt()).isBefore(Instant.now());
        assertThat(expired.outcome()).isEqualTo(AccessReport.Outcome.BLOCKED);

        AccessReport password = examine(SampleTokens.PASSWORD_CHANGED);
        assertThat(codes(password.problems())).containsExactly(FindingCode.TOKEN_INVALID);
        assertThat(password.problems().get(0).message()).contains("password");
        assertThat(examine(SampleTokens.LOGGED_OUT).problems().get(0).message()).contains("logged out of Facebook");
        assertThat(examine(SampleTokens.APP_REMOVED).problems().get(0).fix()).contains("Apps and websites");

        AccessReport invalid = examine(SampleTokens.INVALID);
        assertThat(codes(invalid.problems())).containsExactly(FindingCode.TOKEN_INVALID);
        assertThat(invalid.problems().get(0).message()).contains("incomplete, mistyped or made for another app")
                .doesNotContain("any more");
        for (AccessReport r : List.of(expired, password, invalid)) {
            assertThat(r.outcome()).isEqualTo(AccessReport.Outcome.BLOCKED);
            assertThat(r.pages()).isEmpty();
        }
        assertWellFormed(password, SampleTokens.PASSWORD_CHANGED);
    }

    @Test
    void theAppSecretIsAskedForAndAWrongOneIsNamed() {
        AccessReport required = examine(SampleTokens.APP_SECRET_REQUIRED);
        assertThat(codes(required.problems())).containsExactly(FindingCode.APP_SECRET_REQUIRED);
        assertThat(required.problems().get(0).fix()).contains("app secret").contains("LEADDESK_APP_SECRET");

        try (GraphClient withSecret = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl())
                .withAppSecret(SampleTokens.APP_SECRET));
             GraphClient wrongSecret = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl())
                     .withAppSecret("not-the-secret"))) {
            AccessReport ok = new AccessDoctor(withSecret, Clock.systemUTC())
                    .examine(new AccessToken(SampleTokens.APP_SECRET_REQUIRED), null, null);
            assertThat(ok.outcome()).isEqualTo(AccessReport.Outcome.READABLE);
            AccessReport wrong = new AccessDoctor(wrongSecret, Clock.systemUTC())
                    .examine(new AccessToken(SampleTokens.APP_SECRET_REQUIRED), null, null);
            assertThat(codes(wrong.problems())).containsExactly(FindingCode.APP_SECRET_WRONG);
        }
        // a wrong secret or app id in the app's credentials, met by debug_token
        AccessReport badSecret = examine(SampleTokens.USER, new AppCredentials(SampleTokens.APP_ID, "nope"), Clock.systemUTC());
        assertThat(codes(badSecret.problems())).containsExactly(FindingCode.APP_SECRET_WRONG);
        assertThat(badSecret.token().lifetime().known()).isFalse();
        AccessReport badId = examine(SampleTokens.USER, new AppCredentials("42", SampleTokens.APP_SECRET), Clock.systemUTC());
        assertThat(codes(badId.problems())).containsExactly(FindingCode.APP_ID_WRONG);
        assertWellFormed(badSecret, SampleTokens.USER);
    }

    @Test
    void metaOutOfReachIsItsOwnOutcome() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (GraphClient refused = new GraphClient(GraphSettings.defaults().withBaseUrl("http://127.0.0.1:" + port)
                .withMaxRetryTime(Duration.ZERO))) {
            AccessReport r = new AccessDoctor(refused, Clock.systemUTC()).examine(new AccessToken(SampleTokens.USER), null, null);
            assertThat(codes(r.problems())).containsExactly(FindingCode.META_UNREACHABLE);
            assertThat(r.outcome()).isEqualTo(AccessReport.Outcome.UNREACHABLE);
            assertThat(r.problems().get(0).message()).contains("connection refused");
        }
    }
}
