package io.leaddesk.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each token problem gets its own sentence, saying what to do next, and a message key the app can render. */
@Timeout(20)
class TokenProblemsTest extends GraphTestSupport {

    static Properties bundle() throws Exception {
        Properties p = new Properties();
        try (var in = TokenProblemsTest.class.getResourceAsStream("/i18n/messages.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private GraphException whoamiFailure() {
        return catchThrowableOfType(GraphException.class, () -> client().whoami(new AccessToken(USER_TOKEN)));
    }

    @ParameterizedTest(name = "{0}/{1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "190|0|Invalid OAuth access token - Cannot parse access token|NEVER_VALID|error.token.neverValid|copy the whole token again",
            "190|0|Malformed access token EAAxyz|NEVER_VALID|error.token.neverValid|copy the whole token again",
            "190|0|Invalid OAuth access token.|NEVER_VALID|error.token.neverValid|made for another app",
            "190|0|Error validating access token: something else|NOT_VALID_NOW|error.token.notValidNow|not valid any more",
            "190|460|Error validating access token: The session has been invalidated because the user changed their password|PASSWORD_CHANGED|error.token.password|log in to Facebook with the new password",
            "190|467|Error validating access token: The user is not logged into Facebook|LOGGED_OUT|error.token.loggedOut|logged out of Facebook",
            "190|458|Error validating access token: The user has not authorized application 123|APP_REMOVED|error.token.appRemoved|Apps and websites",
            "190|492|Error validating access token: no role|NO_PAGE_ROLE|error.token.noPageRole|role on this Page",
            "102|0|Session key invalid|SESSION_INVALID|error.token.session|sign in again",
            "100|0|API calls from the server require an appsecret_proof argument|APP_SECRET_REQUIRED|error.appSecret.required|enter the app secret",
            "100|0|Invalid appsecret_proof provided in the API argument|APP_SECRET_WRONG|error.appSecret.wrong|copy the app secret again",
            "1|0|Error validating client secret.|APP_SECRET_WRONG|error.appSecret.wrong|copy the app secret again",
            "101|0|Error validating application. Invalid application ID.|APP_ID_WRONG|error.appId.wrong|copy the App ID",
    })
    void eachTokenProblemIsNamedWithWhatToDoAndAKey(int code, int subcode, String message, TokenProblem problem,
                                                    String key, String phrase) throws Exception {
        route(r -> error(400, code, subcode, message));
        GraphException e = whoamiFailure();
        assertThat(e.kind()).isEqualTo(GraphErrorKind.TOKEN);
        assertThat(e.failureKind()).isEqualTo(io.leaddesk.model.FailureKind.ACCESS);
        assertThat(e.tokenProblem()).isEqualTo(problem);
        assertThat(e.messageKey()).isEqualTo(key);
        assertThat(bundle()).containsKey(key);
        assertThat(e.getMessage()).contains(phrase).contains("Meta error " + code).endsWith(".").doesNotContain("\n");
        if (problem == TokenProblem.NEVER_VALID) {
            assertThat(e.getMessage()).doesNotContain("any more").doesNotContain("expired");
        }
        assertThat(requests()).hasSize(1); // not retried, code 1 included
    }

    @Test
    void anExpiredTokenSaysWhenMetaSaysItExpired() throws Exception {
        route(r -> error(400, 190, 463, "Error validating access token: Session has expired on Tuesday,"
                + " 01-Dec-26 08:00:00 PST. The current time is Tuesday, 01-Dec-26 09:12:03 PST."));
        GraphException e = whoamiFailure();
        assertThat(e.tokenProblem()).isEqualTo(TokenProblem.EXPIRED);
        assertThat(e.expiredAt()).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(e.getMessage()).startsWith("The access token expired on 2026-12-01 16:00 UTC (Meta error 190/463): "
                + "create a new token and sign in again");
        assertThat(e.messageKey()).isEqualTo("error.token.expiredOn");
        assertThat(e.messageArgs()).containsExactly(Date.from(Instant.parse("2026-12-01T16:00:00Z")));
        assertThat(bundle().getProperty("error.token.expiredOn")).startsWith("This token has expired.");
    }

    @Test
    void expiryDatesInTheFormsMetaWritesThem() {
        assertThat(Problem.expiryDate("Session has expired on Sunday, 05-Jul-26 10:00:00 PDT."))
                .isEqualTo(Instant.parse("2026-07-05T17:00:00Z"));
        assertThat(Problem.expiryDate("Session has expired on 5-Jul-2026 10:00:00 PDT."))
                .isEqualTo(Instant.parse("2026-07-05T17:00:00Z"));
        // a weekday that does not match the date does not lose the date
        assertThat(Problem.expiryDate("Session has expired on Monday, 01-Dec-26 08:00:00 PST."))
                .isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(Problem.expiryDate("Session has expired.")).isNull();
        assertThat(Problem.expiryDate(null)).isNull();
    }

    @Test
    void theAppSecretNeverAppearsInTheSentence() {
        route(r -> error(400, 100, 0, "Invalid appsecret_proof provided in the API argument for " + SECRET));
        GraphException e = catchThrowableOfType(GraphException.class,
                () -> client(s -> s.withAppSecret(SECRET)).whoami(new AccessToken(USER_TOKEN)));
        assertThat(e.tokenProblem()).isEqualTo(TokenProblem.APP_SECRET_WRONG);
        assertThat(e.getMessage()).doesNotContain(SECRET);
    }
}
