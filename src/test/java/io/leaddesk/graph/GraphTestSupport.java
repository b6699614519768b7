package io.leaddesk.graph;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** MockWebServer on loopback, a recording sleeper with a virtual clock, and checks that no token ever travels in a URL. */
abstract class GraphTestSupport {
    static final String USER_TOKEN = "EAAuserTOKENabcdefghijklmnop123456";
    static final String PAGE_TOKEN = "EAApageTOKENzyxwvutsrqponm987654";
    static final String SECRET = "appSECRETvalue0123456789";

    MockWebServer server;
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    /** A clock that only the recording sleeper moves: retry budgets are spent by the recorded waits alone. */
    final AtomicLong virtualNanos = new AtomicLong();
    final Ticker virtualTicker = virtualNanos::get;
    final Sleeper recordingSleeper = d -> {
        sleeps.add(d);
        virtualNanos.addAndGet(d.toNanos());
    };
    final List<String> retryEvents = Collections.synchronizedList(new ArrayList<>());
    final RetryListener recordingListener = (why, wait, attempt, message) ->
            retryEvents.add(why + "|" + wait.toMillis() + "|" + attempt + "|" + message);
    private final List<RecordedRequest> taken = new ArrayList<>();
    GraphClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stopServer() throws IOException {
        for (RecordedRequest r : requests()) {
            String url = String.valueOf(r.getRequestUrl());
            assertThat(url).doesNotContain(USER_TOKEN).doesNotContain(PAGE_TOKEN).doesNotContain(SECRET)
                    .doesNotContain("access_token=");
            assertThat(r.getHeader("Authorization")).startsWith("Bearer EAA");
        }
        if (client != null) {
            client.close();
        }
        server.shutdown();
    }

    GraphSettings settings() {
        return GraphSettings.defaults().withBaseUrl(server.url("/").toString())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withInitialBackoff(Duration.ofMillis(100))
                .withMaxRetryTime(Duration.ofSeconds(10))
                .withPageSize(25);
    }

    GraphClient client(UnaryOperator<GraphSettings> tweak) {
        client = new GraphClient(tweak.apply(settings()), recordingSleeper, () -> 1.0, virtualTicker);
        return client;
    }

    GraphClient client() {
        return client(s -> s);
    }

    void route(Function<RecordedRequest, MockResponse> f) {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return f.apply(request);
            }
        });
    }

    /** Every request the server received so far (in order). */
    List<RecordedRequest> requests() {
        try {
            RecordedRequest r;
            while ((r = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
                taken.add(r);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return taken;
    }

    long sleptMillis() {
        synchronized (sleeps) {
            return sleeps.stream().mapToLong(Duration::toMillis).sum();
        }
    }

    static MockResponse json(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json; charset=UTF-8").setBody(body);
    }

    static MockResponse error(int http, int code, int subcode, String message) {
        return json("""
                {"error":{"message":"%s","type":"OAuthException","code":%d,"error_subcode":%d,"fbtrace_id":"AbCdTrace"}}"""
                .formatted(message, code, subcode)).setResponseCode(http);
    }

    /** A Graph next link the way Graph writes it: absolute, with the token in the query. */
    String next(String path, String after) {
        return server.url(path + "?access_token=" + PAGE_TOKEN + "&limit=25&after=" + after).toString();
    }

    static String page(String next, String after, String... items) {
        StringBuilder b = new StringBuilder("{\"data\":[").append(String.join(",", items)).append("],\"paging\":{");
        if (after != null) {
            b.append("\"cursors\":{\"before\":\"B\",\"after\":\"").append(after).append("\"}");
        }
        if (next != null) {
            b.append(after != null ? "," : "").append("\"next\":\"").append(next).append('"');
        }
        return b.append("}}").toString();
    }

    static String lead(String id) {
        return """
                {"id":"%s","created_time":"2025-10-08T09:09:27+0000","ad_id":"120","ad_name":"Ad","form_id":"F1",\
                "field_data":[{"name":"full_name","values":["Name %s"]}],"is_organic":false,"platform":"fb"}"""
                .formatted(id, id);
    }

    static PageInfo pageInfo() {
        return new PageInfo("P1", "Page One", new AccessToken(PAGE_TOKEN), List.of("ADVERTISE"));
    }
}
