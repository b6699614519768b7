package io.leaddesk.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HTTP plumbing of the sample Graph API: counts every request, adds the configured latency, hands the request
 * to the {@link SampleRouter}, and writes the answer (or the Graph error envelope) with Graph's headers
 * ({@code X-App-Usage}, {@code x-fb-trace-id}); truncated answers come from the {@link SampleFaultInjector}.
 */
final class SampleHttp implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SampleGraphServer.class);
    private static final String JSON_TYPE = "application/json; charset=UTF-8";
    private static final int WRITE_SLICE = 64 * 1024;
    private static final char[] TRACE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SampleOptions options;
    private final SampleRouter router;
    private final SampleFaultInjector faults;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong traces = new AtomicLong();
    private final ConcurrentHashMap<String, LongAdder> pathCounts = new ConcurrentHashMap<>();
    /** Runs before every request is routed (the trickle's new leads arrive). */
    private final Runnable beforeRoute;

    SampleHttp(SampleOptions options, SampleRouter router, SampleFaultInjector faults) {
        this(options, router, faults, () -> { });
    }

    SampleHttp(SampleOptions options, SampleRouter router, SampleFaultInjector faults, Runnable beforeRoute) {
        this.options = options;
        this.router = router;
        this.faults = faults;
        this.beforeRoute = beforeRoute;
    }

    int requestCount() {
        return requests.get();
    }

    long requestsWithPath(String substring) {
        long n = 0;
        for (Map.Entry<String, LongAdder> e : pathCounts.entrySet()) {
            if (e.getKey().contains(substring)) {
                n += e.getValue().sum();
            }
        }
        return n;
    }

    @Override
    public void handle(HttpExchange ex) {
        int n = requests.incrementAndGet();
        String path = ex.getRequestURI().getRawPath();
        pathCounts.computeIfAbsent(path, k -> new LongAdder()).increment();
        try {
            if (options.latencyMs() > 0) {
                Thread.sleep(options.latencyMs());
            }
            SampleRequest req = new SampleRequest(path, ex.getRequestMethod(),
                    ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestURI().getRawQuery());
            String body;
            try {
                beforeRoute.run();
                body = router.route(req);
            } catch (GraphError e) {
                respond(ex, n, e.http, e.headers, e.toJson(traceId()), false);
                return;
            } catch (RuntimeException e) {
                LOG.warn("Sample Graph API failed on {}", path, e);
                GraphError g = GraphError.internal();
                respond(ex, n, g.http, g.headers, g.toJson(traceId()), false);
                return;
            }
            respond(ex, n, 200, Map.of(), body, req.truncate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("Sample Graph API: client went away on {}", path);
        } finally {
            ex.close();
        }
    }

    private void respond(HttpExchange ex, int n, int status, Map<String, String> headers, String body,
                         boolean truncate) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var h = ex.getResponseHeaders();
        h.set("Content-Type", JSON_TYPE);
        h.set("X-App-Usage", appUsage(n));
        h.set("x-fb-trace-id", traceId());
        headers.forEach(h::set);
        if (truncate) {
            faults.writeTruncated(ex, status, bytes);
            return;
        }
        ex.sendResponseHeaders(status, bytes.length);
        OutputStream os = ex.getResponseBody();
        // 64 KiB slices: the JDK server copies each write into a buffer it grows to twice the write's size
        for (int off = 0; off < bytes.length; off += WRITE_SLICE) {
            os.write(bytes, off, Math.min(WRITE_SLICE, bytes.length - off));
        }
        os.close();
    }

    private String appUsage(int n) {
        Integer fixed = faults.faults().usagePercent();
        int call;
        int cpu;
        int time;
        if (fixed != null) {
            call = fixed;
            cpu = fixed;
            time = fixed;
        } else {
            call = Math.min(45, 1 + n / 100);
            cpu = Math.min(40, n / 250);
            time = Math.min(45, n / 150);
        }
        return "{\"call_count\":" + call + ",\"total_cputime\":" + cpu + ",\"total_time\":" + time + "}";
    }

    private String traceId() {
        long h = Json.mix(options.seed() * 131 + traces.incrementAndGet());
        char[] c = new char[11];
        for (int i = 0; i < c.length; i++) {
            c[i] = TRACE_ALPHABET[(int) Long.remainderUnsigned(h, TRACE_ALPHABET.length)];
            h = Long.divideUnsigned(h, TRACE_ALPHABET.length) ^ (h << 13);
        }
        return new String(c);
    }
}
