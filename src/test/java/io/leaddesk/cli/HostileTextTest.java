package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leaddesk.cli.CliRunner.Result;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Anyone can submit a lead, and name a Page or a form: a Graph API (MockWebServer in front of the sample one) that
 * puts terminal escapes into the user's name, Page and form names and every answer. Nothing of it reaches the terminal
 * raw in tables, progress or messages; --json keeps it exactly.
 */
class HostileTextTest {
    static final String HOSTILE = "\u001B]0;pwned\u0007\u001B[2J\r\u009B31m\u202E\u2066";
    static final String VISIBLE = "\\e]0;pwned\\x07\\e[2J";

    @TempDir
    Path home;

    private SampleGraphServer sample;
    private MockWebServer hostile;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        sample = SampleGraphServer.start(SampleOptions.defaults().withLeads(60));
        hostile = new MockWebServer();
        hostile.setDispatcher(new Rewriter());
        hostile.start();
    }

    @AfterEach
    void stop() throws Exception {
        hostile.shutdown();
        sample.close();
    }

    private String hostileUrl() {
        String u = hostile.url("/").toString();
        return u.substring(0, u.length() - 1);
    }

    /** Forwards to the sample Graph API and adds {@link #HOSTILE} to every name and answer it sends back. */
    private final class Rewriter extends Dispatcher {
        private final HttpClient http = HttpClient.newHttpClient();

        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sample.baseUrl() + request.getPath())).GET();
                String auth = request.getHeader("Authorization");
                if (auth != null) {
                    b.header("Authorization", auth);
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                String body = r.body().replace(sample.baseUrl(), hostileUrl());
                if (r.statusCode() == 200) {
                    body = json.writeValueAsString(rewrite(request.getRequestUrl().encodedPath(), json.readTree(body)));
                }
                return new MockResponse().setResponseCode(r.statusCode()).setHeader("Content-Type", "application/json").setBody(body);
            } catch (java.io.IOException e) {
                return new MockResponse().setResponseCode(500);
            }
        }

        private JsonNode rewrite(String path, JsonNode body) {
            if (path.endsWith("/me") && body.has("name")) {
                ((ObjectNode) body).put("name", body.get("name").asText() + HOSTILE);
            }
            if (path.endsWith("/accounts") || path.endsWith("/leadgen_forms")) {
                body.path("data").forEach(n -> ((ObjectNode) n).put("name", n.path("name").asText() + HOSTILE));
            }
            if (path.endsWith("/leads")) {
                for (JsonNode lead : body.path("data")) {
                    for (JsonNode field : lead.path("field_data")) {
                        ArrayNode values = (ArrayNode) field.path("values");
                        for (int i = 0; i < values.size(); i++) {
                            values.set(i, values.get(i).asText() + HOSTILE);
                        }
                    }
                }
            }
            return body;
        }
    }

    private Result run(boolean token, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("LEADDESK_GRAPH_URL", hostileUrl());
        env.put("LEADDESK_HOME", home.toString());
        env.put("LEADDESK_MAX_RETRY_SECONDS", "2");
        if (token) {
            env.put("LEADDESK_TOKEN", SampleTokens.USER);
        }
        Result r = CliRunner.run(env, args);
        assertThat(r.code()).as(r.err()).isZero();
        return r;
    }

    private static void assertNothingRaw(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n') {
                assertThat(TerminalText.unsafe(c)).as("%s has a raw U+%04X at %d:%n%s", what, (int) c, i, text).isFalse();
            }
        }
    }

    @Test
    void namesAndAnswersAreEscapedInEveryHumanReadableOutput() {
        Result who = run(true, "whoami");
        Result pages = run(true, "pages");
        Result forms = run(true, "forms");
        Result sync = run(true, "sync");
        Result leads = run(false, "leads");
        Result offlineForms = run(false, "forms");
        for (var e : Map.of("whoami", who, "pages", pages, "forms", forms, "sync", sync, "leads", leads,
                "forms offline", offlineForms).entrySet()) {
            assertNothingRaw(e.getKey() + " stdout", e.getValue().out());
            assertNothingRaw(e.getKey() + " stderr", e.getValue().err());
        }
        assertThat(who.out()).contains(VISIBLE);
        assertThat(pages.out()).contains(VISIBLE + " \\u009B");
        assertThat(forms.out()).contains(VISIBLE);
        assertThat(offlineForms.out()).contains(VISIBLE);
        assertThat(sync.err()).as("progress names the Page and form").contains(VISIBLE + "\\r\\u009B31m\\u202E\\u2066 / ");
        assertThat(leads.out()).contains(VISIBLE);
        assertThat(leads.out().lines().count()).isEqualTo(61);
    }

    @Test
    void jsonKeepsTheTextExactly() throws Exception {
        run(true, "sync");
        JsonNode pages = json.readTree(run(true, "pages", "--json").out());
        assertThat(pages.get(0).get("name").asText()).endsWith(HOSTILE);
        JsonNode forms = json.readTree(run(false, "forms", "--json").out());
        assertThat(forms.get(0).get("name").asText()).endsWith(HOSTILE);
        List<String> lines = run(false, "leads", "--json").out().lines().toList();
        assertThat(lines).hasSize(60);
        for (String line : lines) {
            for (JsonNode field : json.readTree(line).get("field_data")) {
                for (JsonNode v : field.get("values")) {
                    assertThat(v.asText()).endsWith(HOSTILE);
                }
            }
        }
    }
}
