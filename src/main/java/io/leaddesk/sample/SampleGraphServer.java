package io.leaddesk.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The built-in sample Graph API: an HTTP server on 127.0.0.1 (JDK {@code com.sun.net.httpserver}) answering the
 * Graph endpoints LeadDesk uses with Graph's real shapes, from an invented {@link SampleDataset}. It is the demo
 * workspace ("Try with sample data"), what tests talk to over loopback, and the source of benchmark syncs.
 *
 * <p>Paths are {@code /{version}/...} with any {@code vNN.N}; the token comes as {@code access_token} or
 * {@code Authorization: Bearer} (see {@link SampleTokens}). Endpoints: {@code /me}, {@code /me/accounts},
 * {@code /{page_id}}, {@code /{page_id}/leadgen_forms}, {@code /{form_id}}, {@code /{form_id}/leads} (cursor paging,
 * {@code filtering} on time_created, newest first), {@code /{lead_id}}. Bodies are ASCII JSON with Graph's escaping
 * ({@code \/} and {@code \}{@code uXXXX}); every response carries {@code X-App-Usage}.
 *
 * <p>Faults ({@link SampleOptions#faults()}, parsed by {@link SampleFaults}) apply per request to /leads and
 * /leadgen_forms, after the token checks:
 * <ul>
 *   <li>{@code transient=P}: HTTP 500, code 2, is_transient true;</li>
 *   <li>{@code ratelimit=P}: HTTP 400, code 80005, with {@code X-Business-Use-Case-Usage} for the page;</li>
 *   <li>{@code truncate=P}: HTTP 200 with the body cut in half; alternately the full Content-Length is declared and
 *       the connection dropped (the client sees an I/O error), or the response is chunked and ends cleanly (the
 *       client sees malformed JSON);</li>
 *   <li>{@code usage=N}: {@code X-App-Usage} reports N percent;</li>
 *   <li>{@code seed=S}: the fault dice seed (a sequential client sees the same faults on every run).</li>
 * </ul>
 * Example: {@code transient=0.05,ratelimit=0.02,truncate=0.02,usage=90,seed=7}.
 * {@code latencyMs} is slept on the server before every answer. {@code limit} above {@code maxPageSize} is capped
 * silently. Lead cursors are keyset positions (created_time + id), so leads added while paging do not shift pages.
 */
public final class SampleGraphServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SampleGraphServer.class);
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,20}");
    private static final String JSON_TYPE = "application/json; charset=UTF-8";
    private static final int DEFAULT_LIMIT = 25;
    private static final int THREADS = 4;
    private static final int WRITE_SLICE = 64 * 1024;
    private static final char[] TRACE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final List<String> PAGE_TASKS = List.of("ADVERTISE", "ANALYZE", "CREATE_CONTENT", "MESSAGING",
            "MODERATE", "MANAGE");
    private static final List<String> LIMITED_TASKS = List.of("ADVERTISE", "ANALYZE");

    static {
        // The JDK server writes headers and body as two segments; without TCP_NODELAY, Nagle plus the client's
        // delayed ACK stall small responses by ~40 ms each. Read once when the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SampleOptions options;
    private final SampleFaults faults;
    private final SampleDataset dataset;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong traces = new AtomicLong();
    private final AtomicInteger truncations = new AtomicInteger();
    private final ConcurrentHashMap<String, LongAdder> pathCounts = new ConcurrentHashMap<>();
    private final Random faultDice;
    private final ObjectMapper mapper = new ObjectMapper();

    private SampleGraphServer(SampleOptions options) throws IOException {
        this.options = options;
        this.faults = SampleFaults.parse(options.faults());
        this.faultDice = new Random(faults.seed());
        this.dataset = SampleDataset.generate(options.seed(), options.leads(), Instant.now().with(
                java.time.temporal.ChronoField.NANO_OF_SECOND, 0));
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 128);
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "sample-graph-" + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        LOG.info("Sample Graph API at {} ({} leads, faults: {})", baseUrl, options.leads(),
                options.faults() == null ? "none" : options.faults());
    }

    /** Starts a server; close it when done. */
    public static SampleGraphServer start(SampleOptions options) {
        try {
            return new SampleGraphServer(options);
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
        return requests.get();
    }

    /** Requests whose path (e.g. {@code /v25.0/914200000007001/leads}) contains {@code substring}. */
    public long requestsWithPath(String substring) {
        long n = 0;
        for (Map.Entry<String, LongAdder> e : pathCounts.entrySet()) {
            if (e.getKey().contains(substring)) {
                n += e.getValue().sum();
            }
        }
        return n;
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

    // ------------------------------------------------------------------ plumbing

    /** Who is calling. {@code pageId} is set for page tokens. */
    private record Caller(String token, String id, String name, boolean leadsPermission, String pageId) {
        boolean isPage() {
            return pageId != null;
        }
    }

    private static final class Request {
        final String rawPath;
        final List<String[]> params = new ArrayList<>();
        final Map<String, String> first = new LinkedHashMap<>();
        boolean truncate;

        Request(String rawPath) {
            this.rawPath = rawPath;
        }

        String get(String name) {
            return first.get(name);
        }
    }

    private void handle(HttpExchange ex) {
        int n = requests.incrementAndGet();
        String path = ex.getRequestURI().getRawPath();
        pathCounts.computeIfAbsent(path, k -> new LongAdder()).increment();
        try {
            if (options.latencyMs() > 0) {
                Thread.sleep(options.latencyMs());
            }
            Request req = new Request(path);
            String body;
            try {
                body = route(ex, req);
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
            if (truncations.getAndIncrement() % 2 == 0) {
                // full Content-Length declared, half the body sent; the caller's ex.close() then finds bytes
                // missing and drops the connection: the client sees an unexpected end of stream
                ex.sendResponseHeaders(status, bytes.length);
                OutputStream os = ex.getResponseBody();
                os.write(bytes, 0, bytes.length / 2);
                os.flush();
            } else {
                // chunked, ended cleanly after half the body: a complete 200 response with malformed JSON
                ex.sendResponseHeaders(status, 0);
                OutputStream os = ex.getResponseBody();
                os.write(bytes, 0, bytes.length / 2);
                os.close();
            }
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
        int call;
        int cpu;
        int time;
        if (faults.usagePercent() != null) {
            call = faults.usagePercent();
            cpu = faults.usagePercent();
            time = faults.usagePercent();
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

    private static void parseQuery(String raw, Request req) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                k = URLDecoder.decode(k, StandardCharsets.UTF_8);
                v = URLDecoder.decode(v, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw GraphError.badParam("Malformed query string");
            }
            req.params.add(new String[]{k, v});
            req.first.putIfAbsent(k, v);
        }
    }

    // ------------------------------------------------------------------ routing and auth

    private String route(HttpExchange ex, Request req) {
        parseQuery(ex.getRequestURI().getRawQuery(), req);
        String[] segs = req.rawPath.split("/");
        // ["", "v25.0", "me", "accounts"]
        if (segs.length < 3 || segs.length > 4 || !segs[0].isEmpty() || !VERSION.matcher(segs[1]).matches()) {
            throw GraphError.unknownPath(req.rawPath);
        }
        String node = segs[2];
        String edge = segs.length == 4 ? segs[3] : null;
        Caller caller = authenticate(ex, req);
        String method = ex.getRequestMethod().toLowerCase(Locale.ROOT);
        if (!"get".equals(method)) {
            throw GraphError.unknownObject(node, method);
        }
        if ("me".equals(node)) {
            if (edge == null) {
                return me(caller, req);
            }
            if ("accounts".equals(edge)) {
                return accounts(caller, req);
            }
            throw GraphError.nonexistingField(edge, caller.isPage() ? "Page" : "User");
        }
        if (!NUMERIC_ID.matcher(node).matches()) {
            throw GraphError.unknownObject(node, "get");
        }
        SamplePage page = dataset.page(node);
        if (page != null) {
            if (edge == null) {
                return pageNode(caller, page, req);
            }
            if ("leadgen_forms".equals(edge)) {
                return forms(caller, page, req);
            }
            throw GraphError.nonexistingField(edge, "Page");
        }
        SampleForm form = dataset.form(node);
        if (form != null) {
            if (edge == null) {
                return formNode(caller, form, req);
            }
            if ("leads".equals(edge)) {
                return leads(caller, form, req);
            }
            throw GraphError.nonexistingField(edge, "LeadgenForm");
        }
        SampleDataset.LeadRef lead = dataset.findLead(node);
        if (lead != null) {
            if (edge == null) {
                return leadNode(caller, lead, req);
            }
            throw GraphError.nonexistingField(edge, "LeadgenLead");
        }
        throw GraphError.unknownObject(node, "get");
    }

    private Caller authenticate(HttpExchange ex, Request req) {
        String token = req.get("access_token");
        if (token == null || token.isEmpty()) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth != null) {
                String a = auth.trim();
                int sp = a.indexOf(' ');
                if (sp > 0) {
                    String scheme = a.substring(0, sp);
                    if (scheme.equalsIgnoreCase("Bearer") || scheme.equalsIgnoreCase("OAuth")) {
                        token = a.substring(sp + 1).trim();
                    }
                }
            }
        }
        if (token == null || token.isEmpty()) {
            throw GraphError.noToken();
        }
        Caller caller = classify(token);
        if (options.appSecret() != null) {
            String proof = req.get("appsecret_proof");
            if (proof == null || proof.isEmpty()) {
                throw GraphError.appsecretMissing();
            }
            byte[] expected = hmacHex(token, options.appSecret()).getBytes(StandardCharsets.US_ASCII);
            byte[] given = proof.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, given)) {
                throw GraphError.appsecretInvalid();
            }
        }
        return caller;
    }

    /** hex HMAC-SHA256 of the token keyed by the app secret (what {@code appsecret_proof} must be). */
    public static String appsecretProof(String token, String appSecret) {
        return hmacHex(token, appSecret);
    }

    private static String hmacHex(String token, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private Caller classify(String token) {
        switch (token) {
            case SampleTokens.USER:
                return new Caller(token, "100000000000731", "Olena Demo (sample)", true, null);
            case SampleTokens.SYSTEM_USER:
                return new Caller(token, "61550000000042", "LeadDesk Sample System User", true, null);
            case SampleTokens.NO_LEADS_PERMISSION:
                return new Caller(token, "100000000000732", "Taras Readonly (sample)", false, null);
            case SampleTokens.EXPIRED:
                throw GraphError.expired(Instant.now());
            default:
                break;
        }
        for (String prefix : List.of(SampleTokens.PAGE_TOKEN_PREFIX, SampleTokens.NO_LEADS_PAGE_TOKEN_PREFIX)) {
            if (token.startsWith(prefix)) {
                SamplePage p = dataset.page(token.substring(prefix.length()));
                if (p != null) {
                    return new Caller(token, p.id(), p.name(),
                            prefix.equals(SampleTokens.PAGE_TOKEN_PREFIX), p.id());
                }
            }
        }
        throw GraphError.invalidToken();
    }

    private void rollFaults(Request req, String pageId) {
        if (!faults.any()) {
            return;
        }
        double u;
        synchronized (faultDice) {
            u = faultDice.nextDouble();
        }
        if (u < faults.transientRate()) {
            throw GraphError.transientError();
        }
        u -= faults.transientRate();
        if (u < faults.rateLimitRate()) {
            throw GraphError.rateLimited(pageId);
        }
        u -= faults.rateLimitRate();
        if (u < faults.truncateRate()) {
            req.truncate = true;
        }
    }

    // ------------------------------------------------------------------ endpoints

    private String me(Caller caller, Request req) {
        List<String> fields = fieldsOr(req, List.of("name", "id"));
        StringBuilder sb = new StringBuilder(160).append('{');
        int n = 0;
        if (fields.contains("name")) {
            sb.append("\"name\":").append(Json.str(caller.name()));
            n++;
        }
        if (fields.contains("id")) {
            sb.append(n++ > 0 ? "," : "").append("\"id\":\"").append(caller.id()).append('"');
        }
        if ("1".equals(req.get("metadata")) || "true".equals(req.get("metadata"))) {
            sb.append(n > 0 ? "," : "").append("\"metadata\":{\"type\":\"").append(caller.isPage() ? "page" : "user")
                    .append("\"}");
        }
        return sb.append('}').toString();
    }

    private String pageTokenFor(Caller caller, SamplePage page) {
        if (caller.isPage()) {
            return caller.pageId().equals(page.id()) ? caller.token() : null;
        }
        return caller.leadsPermission() ? SampleTokens.pageToken(page.id())
                : SampleTokens.noLeadsPageToken(page.id());
    }

    private void appendPage(StringBuilder sb, Caller caller, SamplePage page, List<String> fields) {
        sb.append('{');
        int n = 0;
        for (String f : fields) {
            String member = switch (f) {
                case "access_token" -> {
                    String t = pageTokenFor(caller, page);
                    yield t == null ? null : "\"access_token\":" + Json.str(t);
                }
                case "category" -> "\"category\":" + Json.str(page.category());
                case "category_list" -> "\"category_list\":[{\"id\":\"" + (2_200 + page.id().hashCode() % 97 + 97)
                        + "\",\"name\":" + Json.str(page.category()) + "}]";
                case "name" -> "\"name\":" + Json.str(page.name());
                case "id" -> "\"id\":\"" + page.id() + '"';
                case "tasks" -> caller.isPage() ? null : tasks(caller);
                case "has_lead_access" -> hasLeadAccess(caller);
                case "leadgen_tos_accepted" -> "\"leadgen_tos_accepted\":true";
                default -> null;
            };
            if (member != null) {
                sb.append(n++ > 0 ? "," : "").append(member);
            }
        }
        sb.append('}');
    }

    private static String tasks(Caller caller) {
        List<String> t = caller.leadsPermission() ? PAGE_TASKS : LIMITED_TASKS;
        return "\"tasks\":[\"" + String.join("\",\"", t) + "\"]";
    }

    private static String hasLeadAccess(Caller caller) {
        if (caller.leadsPermission()) {
            return "\"has_lead_access\":{\"can_access_lead\":true,\"enabled_lead_access_manager\":false,"
                    + "\"user_has_leads_permission\":true,\"app_has_leads_permission\":true}";
        }
        return "\"has_lead_access\":{\"can_access_lead\":false,\"enabled_lead_access_manager\":true,"
                + "\"failure_reason\":\"The user is not assigned in Lead Access Manager\","
                + "\"failure_resolution\":\"Ask a Page admin to assign you in Lead Access Manager\","
                + "\"user_has_leads_permission\":false,\"app_has_leads_permission\":true}";
    }

    private String accounts(Caller caller, Request req) {
        if (caller.isPage()) {
            throw GraphError.nonexistingField("accounts", "Page");
        }
        List<String> fields = ordered(fieldsOr(req, null),
                List.of("access_token", "category", "category_list", "name", "id", "tasks"));
        List<SamplePage> pages = dataset.pages();
        List<String> ids = pages.stream().map(SamplePage::id).toList();
        return listPage(req, caller, ids, (sb, i) -> appendPage(sb, caller, pages.get(i), fields));
    }

    private String pageNode(Caller caller, SamplePage page, Request req) {
        List<String> fields = fieldsOr(req, List.of("name", "id"));
        if (caller.isPage() && !caller.pageId().equals(page.id())) {
            fields = fields.stream().filter(f -> f.equals("id") || f.equals("name") || f.equals("category"))
                    .toList();
        }
        StringBuilder sb = new StringBuilder(256);
        appendPage(sb, caller, page, fields);
        return sb.toString();
    }

    private void requirePageToken(Caller caller, String pageId, String objectId) {
        if (!caller.isPage()) {
            throw GraphError.pageTokenRequired();
        }
        if (!caller.pageId().equals(pageId)) {
            throw GraphError.unknownObject(objectId, "get");
        }
    }

    private List<String> formFields(Request req) {
        String raw = req.get("fields");
        if (raw == null || raw.isBlank()) {
            return List.of("id", "locale", "name", "status");
        }
        List<String> asked = SampleDataset.topLevelFields(raw);
        for (String f : asked) {
            if (!SampleForm.FORM_FIELDS.contains(f) && !SampleForm.FORM_FIELDS_ABSENT.contains(f)) {
                throw GraphError.nonexistingField(f, "LeadgenForm");
            }
        }
        return ordered(asked, SampleForm.FORM_FIELDS);
    }

    private String forms(Caller caller, SamplePage page, Request req) {
        requirePageToken(caller, page.id(), page.id());
        List<String> fields = formFields(req);
        rollFaults(req, page.id());
        List<SampleForm> forms = page.forms();
        List<String> ids = forms.stream().map(SampleForm::id).toList();
        return listPage(req, caller, ids, (sb, i) -> forms.get(i).appendForm(sb, fields));
    }

    private String formNode(Caller caller, SampleForm form, Request req) {
        requirePageToken(caller, form.pageId(), form.id());
        StringBuilder sb = new StringBuilder(1024);
        form.appendForm(sb, formFields(req));
        return sb.toString();
    }

    private interface ItemWriter {
        void write(StringBuilder sb, int index);
    }

    /** Offset paging over a short list (pages, forms) with id cursors. */
    private String listPage(Request req, Caller caller, List<String> ids, ItemWriter writer) {
        int limit = limit(req);
        int from = 0;
        String after = req.get("after");
        String before = req.get("before");
        if (after != null && !after.isEmpty()) {
            int at = ids.indexOf(decodeCursor(after));
            if (at < 0) {
                throw GraphError.invalidCursor();
            }
            from = at + 1;
        } else if (before != null && !before.isEmpty()) {
            int at = ids.indexOf(decodeCursor(before));
            if (at < 0) {
                throw GraphError.invalidCursor();
            }
            from = Math.max(0, at - limit);
        }
        int to = Math.min(ids.size(), from + limit);
        if (from >= to) {
            return "{\"data\":[]}";
        }
        StringBuilder sb = new StringBuilder(1024).append("{\"data\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                sb.append(',');
            }
            writer.write(sb, i);
        }
        String first = encodeCursor(ids.get(from));
        String last = encodeCursor(ids.get(to - 1));
        sb.append("],\"paging\":{\"cursors\":{\"before\":\"").append(first).append("\",\"after\":\"").append(last)
                .append("\"}");
        if (to < ids.size()) {
            sb.append(",\"next\":").append(Json.str(link(req, caller, limit, "after", last)));
        }
        if (from > 0) {
            sb.append(",\"previous\":").append(Json.str(link(req, caller, limit, "before", first)));
        }
        return sb.append("}}").toString();
    }

    private int limit(Request req) {
        String raw = req.get("limit");
        if (raw == null || raw.isEmpty()) {
            return Math.min(DEFAULT_LIMIT, options.maxPageSize());
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw GraphError.badParam("Param limit must be a non-negative integer");
        }
        if (limit < 0) {
            throw GraphError.badParam("Param limit must be a non-negative integer");
        }
        return Math.max(1, Math.min(limit, options.maxPageSize()));
    }

    private String link(Request req, Caller caller, int limit, String cursorName, String cursor) {
        StringBuilder u = new StringBuilder(256).append(baseUrl).append(req.rawPath).append('?');
        boolean hasToken = false;
        boolean hasLimit = false;
        for (String[] p : req.params) {
            String k = p[0];
            if (k.equals("after") || k.equals("before")) {
                continue;
            }
            String v = p[1];
            if (k.equals("limit")) {
                if (hasLimit) {
                    continue;
                }
                hasLimit = true;
                v = Integer.toString(limit);
            }
            if (k.equals("access_token")) {
                hasToken = true;
            }
            u.append(enc(k)).append('=').append(enc(v)).append('&');
        }
        if (!hasToken) {
            u.append("access_token=").append(enc(caller.token())).append('&');
        }
        if (!hasLimit) {
            u.append("limit=").append(limit).append('&');
        }
        return u.append(cursorName).append('=').append(enc(cursor)).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String encodeCursor(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String c) {
        try {
            return new String(Base64.getUrlDecoder().decode(c.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphError.invalidCursor();
        }
    }

    private static List<String> fieldsOr(Request req, List<String> dflt) {
        String raw = req.get("fields");
        if (raw == null || raw.isBlank()) {
            return dflt;
        }
        return SampleDataset.topLevelFields(raw);
    }

    /** The asked fields in canonical order (all canonical fields when nothing was asked). */
    private static List<String> ordered(List<String> asked, List<String> canonical) {
        if (asked == null) {
            return canonical;
        }
        return canonical.stream().filter(asked::contains).toList();
    }

    // ------------------------------------------------------------------ leads

    private int leadMask(Request req) {
        try {
            return SampleDataset.leadFieldMask(req.get("fields"));
        } catch (IllegalArgumentException e) {
            throw GraphError.nonexistingField(e.getMessage(), "LeadgenLead");
        }
    }

    private String leadNode(Caller caller, SampleDataset.LeadRef ref, Request req) {
        SampleForm form = ref.form();
        requirePageToken(caller, form.pageId(), String.valueOf(form.leadIdNumber(ref.index())));
        if (!caller.leadsPermission()) {
            throw GraphError.noLeadsPermission();
        }
        StringBuilder sb = new StringBuilder(1024);
        form.appendLead(sb, ref.index(), leadMask(req));
        return sb.toString();
    }

    private String leads(Caller caller, SampleForm form, Request req) {
        requirePageToken(caller, form.pageId(), form.id());
        if (!caller.leadsPermission()) {
            throw GraphError.noLeadsPermission();
        }
        int mask = leadMask(req);
        int limit = limit(req);
        int count = form.count();
        int lo = 0;
        int hi = count;
        String filtering = req.get("filtering");
        if (filtering != null && !filtering.isBlank()) {
            long[] range = filterRange(form, filtering, count);
            lo = (int) range[0];
            hi = (int) range[1];
        }
        String after = req.get("after");
        String before = req.get("before");
        rollFaults(req, form.pageId());
        int top;
        int bottom;
        if (after != null && !after.isEmpty()) {
            top = Math.min(hi - 1, cursorIndex(form, after) - 1);
            bottom = Math.max(lo, top - limit + 1);
        } else if (before != null && !before.isEmpty()) {
            bottom = Math.max(lo, cursorIndex(form, before) + 1);
            top = Math.min(hi - 1, bottom + limit - 1);
        } else {
            top = hi - 1;
            bottom = Math.max(lo, top - limit + 1);
        }
        if (top < bottom) {
            return "{\"data\":[]}";
        }
        int n = top - bottom + 1;
        StringBuilder sb = new StringBuilder(n * form.leadSizeHint(mask) + 1024).append("{\"data\":[");
        for (int i = top; i >= bottom; i--) {
            if (i < top) {
                sb.append(',');
            }
            form.appendLead(sb, i, mask);
        }
        form.recordLeadSize(mask, (sb.length() - 9) / n);
        String first = leadCursor(form, top);
        String last = leadCursor(form, bottom);
        sb.append("],\"paging\":{\"cursors\":{\"before\":\"").append(first).append("\",\"after\":\"").append(last)
                .append("\"}");
        if (bottom > lo) {
            sb.append(",\"next\":").append(Json.str(link(req, caller, limit, "after", last)));
        }
        if (top < hi - 1 && (after != null || before != null)) {
            sb.append(",\"previous\":").append(Json.str(link(req, caller, limit, "before", first)));
        }
        return sb.append("}}").toString();
    }

    private static String leadCursor(SampleForm form, int index) {
        return encodeCursor(form.createdEpoch(index) + ":" + form.leadIdNumber(index));
    }

    private static int cursorIndex(SampleForm form, String cursor) {
        String s = decodeCursor(cursor);
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw GraphError.invalidCursor();
        }
        try {
            long t = Long.parseLong(s.substring(0, colon));
            int index = form.indexOf(Long.parseLong(s.substring(colon + 1)));
            if (index < 0 || form.createdEpoch(index) != t) {
                throw GraphError.invalidCursor();
            }
            return index;
        } catch (NumberFormatException e) {
            throw GraphError.invalidCursor();
        }
    }

    /** [lo, hi) of indexes that pass the filtering. */
    private long[] filterRange(SampleForm form, String filtering, int count) {
        JsonNode arr;
        try {
            arr = mapper.readTree(filtering);
        } catch (IOException e) {
            throw GraphError.badParam("param filtering must be a JSON array of {field, operator, value}");
        }
        if (arr == null || !arr.isArray()) {
            throw GraphError.badParam("param filtering must be a JSON array of {field, operator, value}");
        }
        int lo = 0;
        int hi = count;
        for (int i = 0; i < arr.size(); i++) {
            JsonNode f = arr.get(i);
            String field = f.path("field").asText("");
            String op = f.path("operator").asText("");
            JsonNode valueNode = f.path("value");
            if (!field.equals("time_created") && !field.equals("created_time")) {
                throw GraphError.badParam("filtering[" + i + "][field] '" + field
                        + "' is not a filterable field of LeadgenLead (use time_created)");
            }
            long v;
            if (valueNode.isNumber()) {
                v = valueNode.asLong();
            } else {
                try {
                    v = Long.parseLong(valueNode.asText("").trim());
                } catch (NumberFormatException e) {
                    throw GraphError.badParam("filtering[" + i + "][value] must be a Unix timestamp");
                }
            }
            switch (op) {
                case "GREATER_THAN" -> lo = Math.max(lo, form.firstIndexAfter(v, false, count));
                case "GREATER_THAN_OR_EQUAL" -> lo = Math.max(lo, form.firstIndexAfter(v, true, count));
                case "LESS_THAN" -> hi = Math.min(hi, form.firstIndexAfter(v, true, count));
                case "LESS_THAN_OR_EQUAL" -> hi = Math.min(hi, form.firstIndexAfter(v, false, count));
                default -> throw GraphError.badParam("filtering[" + i + "][operator] must be one of GREATER_THAN, "
                        + "GREATER_THAN_OR_EQUAL, LESS_THAN, LESS_THAN_OR_EQUAL");
            }
        }
        return new long[]{lo, Math.max(lo, hi)};
    }
}
