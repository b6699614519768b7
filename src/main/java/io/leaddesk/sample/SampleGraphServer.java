package io.leaddesk.sample;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoField;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in sample Graph API: an HTTP server on 127.0.0.1 (JDK {@code com.sun.net.httpserver}) answering the
 * Graph endpoints LeadDesk uses with Graph's real shapes, from an invented {@link SampleDataset}. It is the demo
 * workspace ("Try with sample data"), what tests talk to over loopback, and the source of benchmark syncs.
 *
 * <p>Paths are {@code /{version}/...} with any {@code vNN.N}; the token comes as {@code access_token} or
 * {@code Authorization: Bearer} (see {@link SampleTokens}). Endpoints: {@code /me}, {@code /me/accounts},
 * {@code /{page_id}} ({@link AccountEndpoints}), {@code /{page_id}/leadgen_forms}, {@code /{form_id}}
 * ({@link FormEndpoints}), {@code /{form_id}/leads} ({@link LeadEndpoints}: cursor paging, {@code filtering} on
 * time_created, newest first), {@code /{lead_id}} ({@link SingleLeadEndpoint}); what the access doctor reads,
 * {@code /me/permissions}, {@code /debug_token} and the token exchange {@code /oauth/access_token}
 * ({@link AccessEndpoints}; tasks, has_lead_access and leadgen_tos_accepted are Page fields). Bodies are ASCII JSON with Graph's
 * escaping ({@code \/} and {@code \}{@code uXXXX}); every response carries {@code X-App-Usage} ({@link SampleHttp}).
 *
 * <p>Faults ({@link SampleOptions#faults()}, parsed by {@link SampleFaults}, applied by {@link SampleFaultInjector})
 * apply per request to /leads and /leadgen_forms, after the token checks:
 * <ul>
 *   <li>{@code transient=P}: HTTP 500, code 2, is_transient true;</li>
 *   <li>{@code ratelimit=P}: HTTP 400, code 80005, with {@code X-Business-Use-Case-Usage} for the page;</li>
 *   <li>{@code truncate=P}: HTTP 200 with the body cut in half; alternately the full Content-Length is declared and
 *       the connection dropped (the client sees an I/O error), or the response is chunked and ends cleanly (the
 *       client sees malformed JSON);</li>
 *   <li>{@code badleads=P}: that share of the leads (the same ones on every request) come without id, without
 *       created_time, or with a created_time that is not a date;</li>
 *   <li>{@code usage=N}: {@code X-App-Usage} reports N percent;</li>
 *   <li>{@code seed=S}: the fault dice seed (a sequential client sees the same faults on every run).</li>
 * </ul>
 * Example: {@code transient=0.05,ratelimit=0.02,truncate=0.02,usage=90,seed=7}.
 * {@code refusePagesAbove} refuses larger pages of leads with Graph's "reduce the amount of data" error (code 1, HTTP
 * 500, no is_transient); {@code refuseCombinedFilters} refuses more than one filtering entry (code 100).
 * {@code latencyMs} is slept on the server before every answer. {@code limit} above {@code maxPageSize} is capped
 * silently. Lead cursors are keyset positions (created_time + id) by default, so leads added while paging do not
 * shift pages; {@link SampleOptions.Cursor#OFFSET} with {@link SampleOptions#arrivals()} reproduces a
 * server whose pages shift while leads arrive. {@link SampleOptions#trickle()} adds leads over time
 * ({@link SampleTrickle}), on the clock given to {@link #start(SampleOptions, Clock)}.
 */
public final class SampleGraphServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SampleGraphServer.class);
    /** Enough that a client's own concurrency (LEADDESK_CONCURRENCY, up to 16) is what limits requests at once. */
    private static final int THREADS = 16;

    static {
        // The JDK server writes headers and body as two segments; without TCP_NODELAY, Nagle plus the client's
        // delayed ACK stall small responses by ~40 ms each. Read once when the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SampleOptions options;
    private final SampleDataset dataset;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final SampleHttp http;
    private final LeadEndpoints leads;
    private final SamplePaging paging;
    private final SampleTrickle trickle;

    private SampleGraphServer(SampleOptions options, Clock clock) throws IOException {
        this.options = options;
        SampleFaultInjector faults = new SampleFaultInjector(SampleFaults.parse(options.faults()));
        this.dataset = SampleDataset.generate(options.seed(), options.leads(),
                clock.instant().with(ChronoField.NANO_OF_SECOND, 0), options.formWeights());
        this.trickle = new SampleTrickle(dataset, options.trickle(), clock);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 128);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.paging = new SamplePaging(baseUrl, options.maxPageSize());
        this.leads = new LeadEndpoints(dataset, paging, faults, options);
        SampleAuth auth = new SampleAuth(dataset, options.appSecret());
        SampleRouter router = new SampleRouter(dataset, auth, new AccountEndpoints(dataset, paging),
                new FormEndpoints(paging, faults), leads, new SingleLeadEndpoint(), new AccessEndpoints(auth));
        this.http = new SampleHttp(options, router, faults, trickle::catchUp);
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "sample-graph-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", http);
        server.start();
        LOG.info("Sample Graph API at {} ({} leads, faults: {})", baseUrl, options.leads(),
                options.faults() == null ? "none" : options.faults());
    }

    /** Starts a server; close it when done. */
    public static SampleGraphServer start(SampleOptions options) {
        return start(options, Clock.systemUTC());
    }

    /**
     * Starts a server whose data is relative to {@code clock}'s now and whose {@link SampleOptions#trickle() trickle}
     * follows it (tests move it by hand: no waiting).
     */
    public static SampleGraphServer start(SampleOptions options, Clock clock) {
        try {
            return new SampleGraphServer(options, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the sample Graph API on port " + options.port(), e);
        }
    }

    /** e.g. {@code http://127.0.0.1:43121} (no version). */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public SampleOptions options() {
        return options;
    }

    public SampleDataset dataset() {
        return dataset;
    }

    /** Requests answered or being answered so far. */
    public int requestCount() {
        return http.requestCount();
    }

    /**
     * Requests being answered right now: counted from their arrival until their answer starts to be written (so a
     * client that sends its next request as soon as it has read an answer is never counted twice).
     */
    public int requestsInFlight() {
        return http.requestsInFlight();
    }

    /** The most requests that were in flight at once (see {@link #requestsInFlight()}) since start or the last reset. */
    public int mostRequestsInFlight() {
        return http.mostRequestsInFlight();
    }

    /**
     * Every {@code filtering} value requests for leads carried, with how many requests carried it (pages of one pull
     * repeat it); {@code ""} stands for requests without one.
     */
    public java.util.Map<String, Integer> leadFilterings() {
        return leads.filterings();
    }

    /** The {@code limit} of every leads request so far, as the client asked it (before the cap), in arrival order. */
    public java.util.List<Integer> leadLimitsAsked() {
        return leads.limitsAsked();
    }

    /** Pages of leads refused with "reduce the amount of data" so far ({@link SampleOptions#refusePagesAbove()}). */
    public int refusedPages() {
        return leads.refusedPages();
    }

    /** Starts counting {@link #mostRequestsInFlight()} again from now. */
    public void resetMostRequestsInFlight() {
        http.resetMostRequestsInFlight();
    }

    /** Requests whose path (e.g. {@code /v25.0/914200000007001/leads}) contains {@code substring}. */
    public long requestsWithPath(String substring) {
        return http.requestsWithPath(substring);
    }

    /**
     * From now on, new leads arrive in a form at each request for its leads, cycling through {@code perRequest}
     * (nothing: arrivals stop); replaces {@link SampleOptions#arrivals()}.
     */
    public void arrivals(int... perRequest) {
        leads.arrivals(java.util.Arrays.stream(perRequest).boxed().toList());
    }

    /** From now on, a larger {@code limit} than this is capped silently; replaces {@link SampleOptions#maxPageSize()}. */
    public void maxPageSize(int n) {
        paging.maxPageSize(n);
    }

    /** Leads the trickle has added so far (those due by the last request). */
    public long trickled() {
        return trickle.added();
    }

    /** hex HMAC-SHA256 of the token keyed by the app secret (what {@code appsecret_proof} must be). */
    public static String appsecretProof(String token, String appSecret) {
        return SampleAuth.hmacHex(token, appSecret);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
