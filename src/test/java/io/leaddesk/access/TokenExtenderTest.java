package io.leaddesk.access;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphException;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.graph.TokenProblem;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** "Make this token last" against the sample Graph API: the right secret, a wrong one, a wrong app id. */
class TokenExtenderTest {
    static SampleGraphServer server;
    static GraphClient graph;

    @BeforeAll
    static void start() {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(50));
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl())).forSignIn();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aShortLivedTokenBecomesOneThatLastsAboutSixtyDays() {
        TokenExtender extender = new TokenExtender(graph, Clock.systemUTC());
        AccessToken shortLived = new AccessToken(SampleTokens.SHORT_LIVED);
        assertThat(extender.lifetime(shortLived, null, null).shortLived(Clock.systemUTC())).isTrue();

        TokenExtender.Extended ex = extender.extend(shortLived,
                new AppCredentials(SampleTokens.APP_ID, SampleTokens.APP_SECRET), null);
        assertThat(ex.token().reveal()).isEqualTo(SampleTokens.LONG_LIVED);
        assertThat(ex.toString()).doesNotContain(SampleTokens.LONG_LIVED);
        assertThat(ex.lifetime().source()).isEqualTo(TokenLifetime.Source.DEBUG_TOKEN);
        assertThat(ex.lifetime().expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(59)));
        assertThat(ex.lifetime().expiresSoon(Clock.systemUTC())).isFalse();
        // the long-lived token signs in and reaches the Pages
        assertThat(graph.pages(ex.token(), graph.whoami(ex.token()))).hasSize(5);
    }

    @Test
    void aWrongSecretOrAppIdIsNamedAndNeverRepeated() {
        TokenExtender extender = new TokenExtender(graph, Clock.systemUTC());
        String secret = "a-wrong-secret-7f3a";
        GraphException wrongSecret = catchThrowableOfType(GraphException.class, () -> extender.extend(
                new AccessToken(SampleTokens.SHORT_LIVED), new AppCredentials(SampleTokens.APP_ID, secret), null));
        assertThat(wrongSecret.tokenProblem()).isEqualTo(TokenProblem.APP_SECRET_WRONG);
        assertThat(wrongSecret.messageKey()).isEqualTo("error.appSecret.wrong");
        StringWriter trace = new StringWriter();
        wrongSecret.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(secret).doesNotContain(SampleTokens.SHORT_LIVED);

        GraphException wrongId = catchThrowableOfType(GraphException.class, () -> extender.extend(
                new AccessToken(SampleTokens.SHORT_LIVED), new AppCredentials("42", SampleTokens.APP_SECRET), null));
        assertThat(wrongId.tokenProblem()).isEqualTo(TokenProblem.APP_ID_WRONG);

        GraphException expired = catchThrowableOfType(GraphException.class, () -> extender.extend(
                new AccessToken(SampleTokens.EXPIRED), new AppCredentials(SampleTokens.APP_ID, SampleTokens.APP_SECRET), null));
        assertThat(expired.tokenProblem()).isEqualTo(TokenProblem.EXPIRED);
        assertThat(new AppCredentials(SampleTokens.APP_ID, secret).toString()).doesNotContain(secret);
    }

    @Test
    void theTimeLeftIsKnownWithOrWithoutTheApp() {
        TokenExtender extender = new TokenExtender(graph, Clock.systemUTC());
        TokenLifetime withApp = extender.lifetime(new AccessToken(SampleTokens.USER),
                new AppCredentials(SampleTokens.APP_ID, SampleTokens.APP_SECRET), null);
        assertThat(withApp.left(Clock.systemUTC()).orElseThrow()).isGreaterThan(Duration.ofDays(50));
        TokenLifetime system = extender.lifetime(new AccessToken(SampleTokens.SYSTEM_USER), null, null);
        assertThat(system.neverExpires()).isTrue();
        // an app secret that is not the app's: the expiry is unknown, not a failure
        assertThat(extender.lifetime(new AccessToken(SampleTokens.USER), new AppCredentials(SampleTokens.APP_ID, "x"), null)
                .known()).isFalse();
    }
}
