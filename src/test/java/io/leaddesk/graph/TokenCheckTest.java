package io.leaddesk.graph;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The sign-in check never blocks: a server that accepts and never answers, a port that refuses, a deadline, and
 * Cancel each end it with one sentence (or a cancellation). The {@code @Timeout}s are safety nets: without the
 * short sign-in settings or the in-flight cancel these tests would hang for minutes.
 */
class TokenCheckTest {
    private static final AccessToken TOKEN = new AccessToken("EAAsigninTOKEN0123456789abcdef");

    /** Accepts connections, counts them down, and never answers. */
    static final class Silent implements AutoCloseable {
        final ServerSocket socket;
        final CountDownLatch accepted = new CountDownLatch(1);
        private final List<Socket> open = new CopyOnWriteArrayList<>();

        Silent() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        open.add(socket.accept());
                        accepted.countDown();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "silent-graph");
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

    private static int refusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void signInSettingsAreShortAndKeepTheAddress() {
        GraphSettings sync = GraphSettings.defaults().withBaseUrl("http://127.0.0.1:9").withAppSecret("s");
        GraphSettings s = sync.forSignIn();
        assertThat(s.baseUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(s.appSecret()).isEqualTo("s");
        assertThat(s.maxRetryTime()).isLessThanOrEqualTo(Duration.ofSeconds(4));
        assertThat(s.readTimeout().plus(s.maxRetryTime())).isLessThan(TokenCheck.LIMIT);
        assertThat(s.callTimeout()).isPositive().isLessThan(TokenCheck.LIMIT);
        assertThat(sync.maxRetryTime()).isEqualTo(Duration.ofMinutes(10)); // the sync keeps its long budget
    }

    @Test
    @Timeout(30)
    void aServerThatNeverAnswersEndsTheCheckWithASentenceToWorkOffline() throws Exception {
        try (Silent silent = new Silent();
             GraphClient graph = new GraphClient(GraphSettings.defaults().withBaseUrl(silent.url()))) {
            GraphException e = catchThrowableOfType(GraphException.class, () -> new TokenCheck(graph).whoami(TOKEN, null));
            assertThat(e.kind()).isEqualTo(GraphErrorKind.TRANSIENT);
            assertThat(e.getMessage()).startsWith("Meta did not answer in time (timeout)")
                    .endsWith("check the internet connection or proxy and try again, or work offline with the cached leads.")
                    .doesNotContain(TOKEN.reveal()).doesNotContain("\n");
            assertThat(e.messageKey()).isEqualTo("error.signin.noAnswer");
            assertThat(TokenProblemsTest.bundle()).containsKey("error.signin.noAnswer");
        }
    }

    @Test
    @Timeout(30)
    void aPortThatRefusesEndsTheCheckWithTheNetworkSentence() throws Exception {
        try (GraphClient graph = new GraphClient(GraphSettings.defaults().withBaseUrl("http://127.0.0.1:" + refusedPort()))) {
            GraphException e = catchThrowableOfType(GraphException.class, () -> new TokenCheck(graph).check(TOKEN, null));
            assertThat(e.kind()).isEqualTo(GraphErrorKind.NETWORK);
            assertThat(e.getMessage()).contains("connection refused")
                    .endsWith("or work offline with the cached leads.");
            assertThat(e.messageKey()).isEqualTo("error.network");
        }
    }

    @Test
    @Timeout(20)
    void theDeadlineCancelsTheRequestInFlight() throws Exception {
        try (Silent silent = new Silent();
             GraphClient graph = new GraphClient(GraphSettings.defaults().withBaseUrl(silent.url())
                     .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60)))) {
            // the client would wait a minute; the check's own limit ends it
            TokenCheck check = new TokenCheck(graph, Duration.ofMillis(300), Ticker.SYSTEM);
            GraphException e = catchThrowableOfType(GraphException.class, () -> check.whoami(TOKEN, null));
            assertThat(e.kind()).isEqualTo(GraphErrorKind.TRANSIENT);
            assertThat(e.getMessage()).isEqualTo("Meta did not answer within 1 second, so the token could not be"
                    + " checked: check the internet connection or proxy and try again, or work offline with the cached leads.");
            assertThat(e.messageKey()).isEqualTo("error.signin.noAnswer");
            assertThat(e.messageArgs()).containsExactly(1L);
        }
    }

    @Test
    @Timeout(20)
    void cancelEndsTheCheckAtOnceWhileTheRequestWaits() throws Exception {
        try (Silent silent = new Silent();
             GraphClient graph = new GraphClient(GraphSettings.defaults().withBaseUrl(silent.url())
                     .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60)))) {
            AtomicBoolean cancel = new AtomicBoolean();
            TokenCheck check = new TokenCheck(graph, Duration.ofMinutes(5), Ticker.SYSTEM);
            CompletableFuture<TokenCheck.Result> running = CompletableFuture.supplyAsync(() -> check.check(TOKEN, cancel::get));
            assertThat(silent.accepted.await(10, TimeUnit.SECONDS)).as("the request reached the server").isTrue();
            cancel.set(true);
            Throwable t = catchThrowable(running::join);
            assertThat(t).hasCauseInstanceOf(CancellationException.class);
        }
    }
}
