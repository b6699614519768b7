package io.leaddesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leaddesk.cli.CliRunner.Result;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.CredentialVaultInMemory;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** leaddesk doctor, leaddesk token extend and whoami's expiry, in-process against the sample Graph API. */
class AccessCommandsTest {
    static SampleGraphServer server;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @BeforeAll
    static void start() {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(300));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void resetVault() {
        TokenExtendCommand.vaults = io.leaddesk.store.KeyringVault::new;
    }

    Map<String, String> env(String url, String token) {
        Map<String, String> env = new HashMap<>();
        env.put("LEADDESK_GRAPH_URL", url);
        env.put("LEADDESK_HOME", home.toString());
        env.put("LEADDESK_MAX_RETRY_SECONDS", "2");
        if (token != null) {
            env.put("LEADDESK_TOKEN", token);
        }
        return env;
    }

    Result run(String token, String... args) {
        return CliRunner.run(env(server.baseUrl(), token), args);
    }

    Result runWithApp(String token, String secret, String... args) {
        Map<String, String> env = env(server.baseUrl(), token);
        env.put("LEADDESK_APP_ID", SampleTokens.APP_ID);
        env.put("LEADDESK_APP_SECRET", secret);
        return CliRunner.run(env, args);
    }

    static JsonNode json(Result r) throws IOException {
        assertThat(r.out().strip().lines()).as("exactly one line of JSON").hasSize(1);
        return JSON.readTree(r.out());
    }

    static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static List<String> codes(JsonNode problems) {
        List<String> out = new ArrayList<>();
        problems.forEach(p -> out.add(p.path("code").asText()));
        return out;
    }

    @Test
    void doctorJsonIsOneObjectOfTheContractShapeAndExits0WhenEveryPageIsReadable() throws Exception {
        Result r = runWithApp(SampleTokens.USER, SampleTokens.APP_SECRET, "doctor", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode d = json(r);
        assertThat(keys(d)).containsExactly("token", "pages", "problems");
        JsonNode t = d.get("token");
        assertThat(keys(t)).contains("kind", "app_id", "expires_at", "data_access_expires_at", "granted", "declined");
        assertThat(t.get("kind").asText()).isEqualTo("user");
        assertThat(t.get("app_id").asText()).isEqualTo(SampleTokens.APP_ID);
        assertThat(Instant.parse(t.get("expires_at").asText())).isAfter(Instant.now());
        assertThat(Instant.parse(t.get("data_access_expires_at").asText())).isAfter(Instant.now());
        assertThat(t.get("granted").isArray()).isTrue();
        assertThat(t.get("declined").isArray()).isTrue();
        assertThat(d.get("pages").size()).isEqualTo(5);
        for (JsonNode p : d.get("pages")) {
            assertThat(keys(p)).contains("id", "name", "tasks", "forms", "can_read_leads", "problems");
            assertThat(p.get("forms").isInt()).isTrue();
            assertThat(p.get("can_read_leads").asBoolean()).isTrue();
            assertThat(p.get("problems").isArray()).isTrue();
        }
        assertThat(d.get("problems").size()).isZero();
    }

    @Test
    void doctorNamesTheBlockedPageAndExits3() throws Exception {
        Result r = run(SampleTokens.LIMITED_ROLE, "doctor", "--json");
        assertThat(r.code()).isEqualTo(ExitCode.TOKEN);
        JsonNode d = json(r);
        int blocked = 0;
        for (JsonNode p : d.get("pages")) {
            if (p.get("id").asText().equals(SampleTokens.BLOCKED_PAGE_ID)) {
                blocked++;
                assertThat(p.get("can_read_leads").asBoolean()).isFalse();
                assertThat(codes(p.get("problems"))).containsExactly("missing_task");
                JsonNode problem = p.get("problems").get(0);
                assertThat(keys(problem)).containsExactly("code", "message", "fix");
                assertThat(problem.get("fix").asText()).contains("ADVERTISE");
            } else {
                assertThat(p.get("can_read_leads").asBoolean()).isTrue();
            }
        }
        assertThat(blocked).isEqualTo(1);

        Result human = run(SampleTokens.LIMITED_ROLE, "doctor");
        assertThat(human.code()).isEqualTo(ExitCode.TOKEN);
        assertThat(human.out()).contains("leads CANNOT be read").contains("! missing_task: Your role on the Page")
                .contains("what to do: Ask a Page admin").contains("The leads of 1 of 5 Pages cannot be read");
    }

    @Test
    void doctorSaysWhatIsWrongWithTokensThatCannotBeUsed() throws Exception {
        for (var c : Map.of(SampleTokens.EXPIRED, "token_expired", SampleTokens.INVALID, "token_invalid",
                SampleTokens.PASSWORD_CHANGED, "token_invalid", SampleTokens.APP_SECRET_REQUIRED, "app_secret_required",
                SampleTokens.DECLINED_LEADS, "permission_declined").entrySet()) {
            Result r = run(c.getKey(), "doctor", "--json");
            assertThat(r.code()).as(c.getKey()).isEqualTo(ExitCode.TOKEN);
            assertThat(codes(json(r).get("problems"))).as(c.getKey()).contains(c.getValue());
            assertThat(r.out() + r.err()).doesNotContain(c.getKey());
        }
        Result soon = run(SampleTokens.SHORT_LIVED, "doctor", "--json");
        assertThat(soon.code()).isZero();
        assertThat(codes(json(soon).get("problems"))).containsExactly("token_expires_soon");
        Result human = run(SampleTokens.SHORT_LIVED, "doctor");
        assertThat(human.out()).contains("! token_expires_soon: This token expires on").contains("leaddesk token extend");
        Result none = run(null, "doctor");
        assertThat(none.code()).isEqualTo(ExitCode.TOKEN);
        assertThat(none.err()).contains("LEADDESK_TOKEN");
    }

    @Test
    void doctorExits4WhenMetaCannotBeReached() throws Exception {
        Result r = CliRunner.run(env("http://127.0.0.1:" + refusedPort(), SampleTokens.USER), "doctor", "--json");
        assertThat(r.code()).isEqualTo(ExitCode.GRAPH);
        assertThat(codes(json(r).get("problems"))).containsExactly("meta_unreachable");
    }

    @Test
    void whoamiJsonTellsWhenTheTokenExpires() throws Exception {
        JsonNode user = json(run(SampleTokens.USER, "whoami", "--json")).get(0);
        assertThat(keys(user)).containsExactly("kind", "id", "name", "expires_at");
        assertThat(Instant.parse(user.get("expires_at").asText())).isAfter(Instant.now());
        JsonNode system = json(run(SampleTokens.SYSTEM_USER, "whoami", "--json")).get(0);
        assertThat(system.get("expires_at").isNull()).isTrue();
        JsonNode withApp = json(runWithApp(SampleTokens.SHORT_LIVED, SampleTokens.APP_SECRET, "whoami", "--json")).get(0);
        assertThat(Instant.parse(withApp.get("expires_at").asText())).isBefore(Instant.now().plusSeconds(3600));
        // only the app id: debug_token is asked with the token itself
        Map<String, String> env = env(server.baseUrl(), SampleTokens.USER);
        env.put("LEADDESK_APP_ID", SampleTokens.APP_ID);
        Result human = CliRunner.run(env, "whoami");
        assertThat(human.code()).isZero();
        assertThat(human.out()).containsPattern("expires: \\d{4}-\\d\\d-\\d\\dT.*\\(in \\d+ days\\)");
    }

    /** Accepts connections and never answers. */
    static final class Silent implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> open = new java.util.concurrent.CopyOnWriteArrayList<>();

        Silent() throws IOException {
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        open.add(socket.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }

    static int refusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    @Timeout(30) // a safety net: the sync's retry budget would keep it for ten minutes
    void whoamiAgainstAServerThatNeverAnswersExits4WithOneSentence() throws Exception {
        try (Silent silent = new Silent()) {
            Map<String, String> env = env(silent.url(), SampleTokens.USER);
            env.remove("LEADDESK_MAX_RETRY_SECONDS");
            Result r = CliRunner.run(env, "whoami");
            assertThat(r.code()).isEqualTo(ExitCode.GRAPH);
            assertThat(r.errLines()).filteredOn(l -> !l.startsWith("WARN")).singleElement().asString()
                    .startsWith("Meta did not answer in time").endsWith("or work offline with the cached leads.");
        }
    }

    @Test
    @Timeout(30)
    void theCheckEveryCommandMakesEndsWhenThePortRefuses() throws Exception {
        Map<String, String> env = env("http://127.0.0.1:" + refusedPort(), SampleTokens.USER);
        env.remove("LEADDESK_MAX_RETRY_SECONDS");
        for (String command : List.of("pages", "sync", "whoami")) {
            Result r = CliRunner.run(env, command);
            assertThat(r.code()).as(command).isEqualTo(ExitCode.GRAPH);
            assertThat(r.err()).as(command).contains("connection refused").contains("work offline");
        }
    }

    @Test
    void tokenExtendPrintsTheExpiryAndKeepsTheTokenOnlyWhenAsked() throws Exception {
        CredentialVaultInMemory vault = new CredentialVaultInMemory();
        TokenExtendCommand.vaults = () -> vault;
        Result plain = runWithApp(SampleTokens.SHORT_LIVED, SampleTokens.APP_SECRET, "token", "extend");
        assertThat(plain.code()).as(plain.err()).isZero();
        assertThat(plain.out()).containsPattern("The new token expires on \\d{4}-\\d\\d-\\d\\dT\\S+ \\(in 59 days\\)\\.")
                .contains("--remember");
        assertThat(vault.load()).isEmpty();

        Result remembered = runWithApp(SampleTokens.SHORT_LIVED, SampleTokens.APP_SECRET, "token", "extend", "--remember", "--json");
        assertThat(remembered.code()).as(remembered.err()).isZero();
        JsonNode j = json(remembered);
        assertThat(keys(j)).contains("expires_at", "data_access_expires_at", "remembered");
        assertThat(j.get("remembered").asBoolean()).isTrue();
        assertThat(Instant.parse(j.get("expires_at").asText())).isAfter(Instant.now().plusSeconds(59 * 86_400L));
        assertThat(vault.load()).contains(new AccessToken(SampleTokens.LONG_LIVED));

        for (Result r : List.of(plain, remembered)) {
            assertThat(r.out() + r.err()).doesNotContain(SampleTokens.LONG_LIVED).doesNotContain(SampleTokens.APP_SECRET)
                    .doesNotContain(SampleTokens.SHORT_LIVED);
        }
    }

    @Test
    void tokenExtendFailuresAreOneSentenceWithTheRightExitCode() {
        String secret = "wrong-secret-f00d";
        Result wrong = runWithApp(SampleTokens.SHORT_LIVED, secret, "token", "extend", "--remember");
        assertThat(wrong.code()).isEqualTo(ExitCode.TOKEN);
        assertThat(wrong.errLines()).singleElement().asString().contains("app secret").doesNotContain(secret);

        Result noApp = run(SampleTokens.SHORT_LIVED, "token", "extend");
        assertThat(noApp.code()).isEqualTo(ExitCode.USAGE);
        assertThat(noApp.err()).contains("LEADDESK_APP_ID and LEADDESK_APP_SECRET");

        Map<String, String> badId = env(server.baseUrl(), SampleTokens.SHORT_LIVED);
        badId.put("LEADDESK_APP_ID", secret);
        badId.put("LEADDESK_APP_SECRET", SampleTokens.APP_SECRET);
        Result bad = CliRunner.run(badId, "token", "extend");
        assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
        assertThat(bad.err()).contains("LEADDESK_APP_ID").doesNotContain(secret);

        TokenExtendCommand.vaults = () -> new CredentialVaultInMemory("This computer has no credential store.");
        Result noVault = runWithApp(SampleTokens.SHORT_LIVED, SampleTokens.APP_SECRET, "token", "extend", "--remember");
        assertThat(noVault.code()).isEqualTo(ExitCode.STORAGE);
        assertThat(noVault.errLines()).singleElement().asString().startsWith("This computer has no credential store.");

        Result missing = run(null, "token");
        assertThat(missing.code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void theNewCommandsHaveHelpAndTheSampleServerDocumentsItsTokens() {
        for (String[] args : new String[][]{{"doctor", "--help"}, {"token", "--help"}, {"token", "extend", "--help"}}) {
            Result r = run(null, args);
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage: leaddesk " + args[0]);
        }
        assertThat(run(null, "--help").out()).contains("doctor").contains("token").contains("LEADDESK_APP_ID");
        assertThat(run(null, "token", "extend", "--help").out()).contains("sent only to Meta");
        Result sample = run(null, "sample-server", "--help");
        assertThat(sample.out()).contains(SampleTokens.LIMITED_ROLE, SampleTokens.SHORT_LIVED, SampleTokens.PASSWORD_CHANGED,
                SampleTokens.APP_ID, "missing_task");
    }

    @Test
    void namesFromMetaAreMadeSafeInTheDoctorsOutput() throws Exception {
        String hostile = "\u001B]0;pwned\u0007\u001B[2J\u202E";
        MockWebServer proxy = new MockWebServer();
        HttpClient http = HttpClient.newHttpClient();
        proxy.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                try {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + request.getPath())).GET();
                    String auth = request.getHeader("Authorization");
                    if (auth != null) {
                        b.header("Authorization", auth);
                    }
                    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    String body = r.body();
                    if (r.statusCode() == 200 && request.getRequestUrl().encodedPath().endsWith("/accounts")) {
                        JsonNode tree = JSON.readTree(body);
                        for (Iterator<JsonNode> it = tree.path("data").elements(); it.hasNext(); ) {
                            ObjectNode n = (ObjectNode) it.next();
                            n.put("name", n.path("name").asText() + hostile);
                        }
                        body = JSON.writeValueAsString(tree);
                    }
                    return new MockResponse().setResponseCode(r.statusCode()).setHeader("Content-Type", "application/json")
                            .setBody(body);
                } catch (IOException e) {
                    return new MockResponse().setResponseCode(500);
                }
            }
        });
        proxy.start();
        try {
            String url = proxy.url("/").toString();
            Result r = CliRunner.run(env(url.substring(0, url.length() - 1), SampleTokens.LIMITED_ROLE), "doctor");
            assertThat(r.code()).isEqualTo(ExitCode.TOKEN);
            assertThat(r.out()).contains("\\e]0;pwned").contains("missing_task");
            for (char c : r.out().toCharArray()) {
                if (c != '\n') {
                    assertThat(TerminalText.unsafe(c)).as("raw U+%04X", (int) c).isFalse();
                }
            }
        } finally {
            proxy.shutdown();
        }
    }
}
