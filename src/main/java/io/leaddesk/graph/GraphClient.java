package io.leaddesk.graph;

import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Graph API client (OkHttp + Jackson). Thread-safe; one instance serves all pages and forms.
 * Every call retries transient and rate-limit failures with exponential backoff and jitter, honouring
 * usage headers, and throws {@link GraphException} with a typed {@link GraphErrorKind} otherwise.
 *
 * <p>The token travels only in the {@code Authorization: Bearer} header; URLs (which OkHttp and logs may show)
 * never carry it. Logs show paths without query strings.
 */
public final class GraphClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphClient.class);

    static final String LEAD_FIELDS = "id,created_time,ad_id,ad_name,adset_id,adset_name,campaign_id,campaign_name,"
            + "form_id,field_data,custom_disclaimer_responses,is_organic,platform,partner_name,retailer_item_id";
    static final String FORM_FIELDS = "id,name,status,locale,created_time,leads_count,organic_leads_count,"
            + "expired_leads_count,questions{id,key,label,type,options{key,value}},"
            + "legal_content{id,privacy_policy{url,link_text},custom_disclaimer{title,body{text,url_entities},"
            + "checkboxes{id,key,text,is_required,is_checked_by_default}}}";
    static final String ACCOUNT_FIELDS = "id,name,access_token,tasks";
    /** The limit asked for on /me/accounts and /leadgen_forms. */
    static final int LIST_LIMIT = 100;
    /** At most this many consecutive result pages without anything new are followed. */
    static final int MAX_EMPTY_PAGES = 3;
    static final Duration MAX_BACKOFF = Duration.ofSeconds(60);
    /** Long waits are cut into slices so that cancellation is noticed within about a second. */
    static final Duration WAIT_SLICE = Duration.ofSeconds(1);
    private static final BooleanSupplier NEVER = () -> false;

    private final GraphSettings settings;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final OkHttpClient http;
    private final HttpUrl root;
    private final ObjectMapper mapper = new ObjectMapper();
    /** Last usage percentages seen: the app-wide one, and per token (Page usage and business use case usage). */
    private volatile int appUsage;
    private final Map<AccessToken, Integer> tokenUsage = new ConcurrentHashMap<>();

    public GraphClient(GraphSettings settings) {
        this(settings, Sleeper.REAL);
    }

    /** With a custom {@link Sleeper} (tests record backoff waits instead of sleeping). */
    public GraphClient(GraphSettings settings, Sleeper sleeper) {
        this(settings, sleeper, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With a custom jitter source in [0, 1] (tests make backoff deterministic). */
    GraphClient(GraphSettings settings, Sleeper sleeper, DoubleSupplier jitter) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        HttpUrl base = HttpUrl.parse(settings.baseUrl());
        if (base == null) {
            throw new IllegalArgumentException("The Graph API address is not a valid http(s) URL: " + settings.baseUrl());
        }
        this.root = base.newBuilder().addPathSegment(settings.version()).build();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    public GraphSettings settings() {
        return settings;
    }

    /** {@code /me?metadata=1&fields=id,name}: user or page token, id and name (fallback through /me/accounts code 100). */
    public TokenInfo whoami(AccessToken token) {
        HttpUrl url = path("me").addQueryParameter("fields", "id,name").addQueryParameter("metadata", "1").build();
        JsonNode me = get(url, token, "me", mapper::readTree, NEVER, RetryListener.NONE);
        String id = text(me, "id");
        String name = text(me, "name");
        String type = text(me.path("metadata"), "type");
        if ("user".equalsIgnoreCase(type)) {
            return new TokenInfo(TokenKind.USER, id, name);
        }
        if ("page".equalsIgnoreCase(type)) {
            return new TokenInfo(TokenKind.PAGE, id, name);
        }
        HttpUrl probe = path("me/accounts").addQueryParameter("limit", "1").build();
        try {
            get(probe, token, "accounts", PageParsers::raw, NEVER, RetryListener.NONE);
            return new TokenInfo(TokenKind.USER, id, name);
        } catch (GraphFailure e) {
            String gm = e.graphMessage() == null ? "" : e.graphMessage();
            if (e.code() == 100 && gm.contains("accounts") && gm.contains("Page")) {
                return new TokenInfo(TokenKind.PAGE, id, name);
            }
            throw e;
        }
    }

    /**
     * Pages the token reaches: for a user token every page of /me/accounts (all result pages) with each page's own
     * token; for a page token that page only, with the same token. Pages answered without an access_token (no
     * role that gives one) are skipped with a warning.
     */
    public List<PageInfo> pages(AccessToken token, TokenInfo who) {
        if (who.kind() == TokenKind.PAGE) {
            return List.of(new PageInfo(who.id(), who.name(), token, List.of()));
        }
        HttpUrl first = path("me/accounts").addQueryParameter("fields", ACCOUNT_FIELDS)
                .addQueryParameter("limit", Integer.toString(LIST_LIMIT)).build();
        List<PageInfo> pages = new ArrayList<>();
        for (String raw : listAll(first, token, "accounts")) {
            JsonNode n = readTree(raw);
            String id = text(n, "id");
            String pageToken = text(n, "access_token");
            if (id == null) {
                continue;
            }
            if (pageToken == null || pageToken.isBlank()) {
                LOG.warn("Page {} came without a page access token (no role that grants one); skipped", id);
                continue;
            }
            List<String> tasks = new ArrayList<>();
            n.path("tasks").forEach(t -> tasks.add(t.asText()));
            pages.add(new PageInfo(id, text(n, "name"), new AccessToken(pageToken), tasks));
        }
        return pages;
    }

    /** Every lead form of the page (all result pages), with questions and legal_content. */
    public List<LeadForm> forms(PageInfo page) {
        HttpUrl first = path(page.id() + "/leadgen_forms").addQueryParameter("fields", FORM_FIELDS)
                .addQueryParameter("limit", Integer.toString(LIST_LIMIT)).build();
        List<LeadForm> forms = new ArrayList<>();
        for (String raw : listAll(first, page.accessToken(), "leadgen_forms")) {
            forms.add(FormParser.form(readTree(raw), page.id(), raw));
        }
        return forms;
    }

    /**
     * Every lead of a form, newest first, one result page at a time to {@code handler}. Result pages that bring
     * no lead not already delivered in this call are not handed to the handler. Exceptions of the handler propagate.
     *
     * @param createdAfter Unix seconds; when not null only leads with time_created GREATER_THAN it are asked for (filtering)
     * @param cancelled    checked between pages (and during backoff waits); when true a
     *                     {@link java.util.concurrent.CancellationException} is thrown
     */
    public void leads(PageInfo page, String formId, Long createdAfter, LeadPageHandler handler,
                      BooleanSupplier cancelled, RetryListener retries) {
        Objects.requireNonNull(handler, "handler");
        BooleanSupplier stop = cancelled == null ? NEVER : cancelled;
        RetryListener listener = retries == null ? RetryListener.NONE : retries;
        HttpUrl.Builder b = path(formId + "/leads").addQueryParameter("fields", LEAD_FIELDS)
                .addQueryParameter("limit", Integer.toString(Math.max(1, settings.pageSize())));
        if (createdAfter != null) {
            b.addQueryParameter("filtering",
                    "[{\"field\":\"time_created\",\"operator\":\"GREATER_THAN\",\"value\":" + createdAfter + "}]");
        }
        HttpUrl url = b.build();
        AccessToken token = page.accessToken();
        Set<String> seenUrls = new HashSet<>();
        Set<String> seenAfters = new HashSet<>();
        Set<String> delivered = new HashSet<>();
        int emptyRun = 0;
        boolean afterFallback = false;
        int pagesRead = 0;
        while (true) {
            checkCancelled(stop);
            if (!seenUrls.add(url.toString())) {
                LOG.warn("Form {}: Graph sent a paging link it had sent before; stopped after {} result pages", formId, pagesRead);
                return;
            }
            PageParsers.LeadPage result;
            try {
                result = get(url, token, "leads", PageParsers::leads, stop, listener);
            } catch (GraphException e) {
                if (afterFallback && (e.kind() == GraphErrorKind.INVALID_CURSOR || e.kind() == GraphErrorKind.OTHER)) {
                    // the extra request was a guess past the last next link; everything real is already delivered
                    LOG.info("Form {}: the after-cursor retry was refused ({}); done", formId, e.kind());
                    return;
                }
                throw e;
            }
            pagesRead++;
            List<Lead> fresh = new ArrayList<>(result.leads().size());
            for (Lead lead : result.leads()) {
                if (lead.id() == null || delivered.add(lead.id())) {
                    fresh.add(lead);
                }
            }
            if (!fresh.isEmpty()) {
                handler.onPage(List.copyOf(fresh));
            }
            if (afterFallback && fresh.isEmpty()) {
                LOG.debug("Form {}: the after-cursor retry brought no new leads; done", formId);
                return;
            }
            afterFallback = false;
            emptyRun = fresh.isEmpty() ? emptyRun + 1 : 0;
            String after = result.after();
            if (result.next() != null) {
                if (emptyRun >= MAX_EMPTY_PAGES) {
                    LOG.warn("Form {}: {} result pages in a row brought no new leads but still had a next link; stopped",
                            formId, emptyRun);
                    return;
                }
                if (after != null && !seenAfters.add(after)) {
                    LOG.warn("Form {}: the paging cursor did not advance; stopped after {} result pages", formId, pagesRead);
                    return;
                }
                HttpUrl next = followable(result.next());
                if (next == null) {
                    LOG.warn("Form {}: Graph sent a paging link that is not a URL; stopped", formId);
                    return;
                }
                url = next;
                continue;
            }
            if (after != null && !result.leads().isEmpty() && seenAfters.add(after)) {
                // Known Graph bug: next missing although more may follow. Ask once with the cursor itself.
                url = url.newBuilder().removeAllQueryParameters("before").removeAllQueryParameters("after")
                        .addQueryParameter("after", after).build();
                afterFallback = true;
                continue;
            }
            return;
        }
    }

    /** A single lead, {@code /{lead_id}?fields=...}. */
    public Lead lead(AccessToken token, String leadId) {
        HttpUrl url = path(leadId).addQueryParameter("fields", LEAD_FIELDS).build();
        return get(url, token, "lead", PageParsers::singleLead, NEVER, RetryListener.NONE);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** Hex HMAC-SHA256 of the token keyed by the app secret (Graph's {@code appsecret_proof}). */
    static String appSecretProof(String token, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] sum = mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(sum.length * 2);
            for (byte x : sum) {
                hex.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    // ---- paging of plain lists ----

    private List<String> listAll(HttpUrl first, AccessToken token, String endpoint) {
        List<String> items = new ArrayList<>();
        Set<String> seenUrls = new HashSet<>();
        Set<String> seenAfters = new HashSet<>();
        int emptyRun = 0;
        HttpUrl url = first;
        while (url != null && seenUrls.add(url.toString())) {
            PageParsers.RawPage page = get(url, token, endpoint, PageParsers::raw, NEVER, RetryListener.NONE);
            items.addAll(page.items());
            emptyRun = page.items().isEmpty() ? emptyRun + 1 : 0;
            if (page.next() == null || emptyRun >= MAX_EMPTY_PAGES
                    || (page.after() != null && !seenAfters.add(page.after()))) {
                break;
            }
            url = followable(page.next());
        }
        return items;
    }

    /**
     * A next link made safe to follow: same scheme, host and port as the configured base (so the bearer token is
     * never sent elsewhere), without access_token or appsecret_proof (the proof is added again when sending).
     */
    private HttpUrl followable(String next) {
        HttpUrl u = HttpUrl.parse(next);
        if (u == null) {
            return null;
        }
        return u.newBuilder().scheme(root.scheme()).host(root.host()).port(root.port())
                .removeAllQueryParameters("access_token").removeAllQueryParameters("appsecret_proof").build();
    }

    private HttpUrl.Builder path(String relative) {
        HttpUrl.Builder b = root.newBuilder();
        for (String segment : relative.split("/")) {
            if (!segment.isEmpty()) {
                b.addPathSegment(segment);
            }
        }
        return b;
    }

    // ---- one call with retries ----

    @FunctionalInterface
    interface BodyParser<T> {
        T parse(String body) throws IOException;
    }

    private <T> T get(HttpUrl url, AccessToken token, String endpoint, BodyParser<T> parser,
                      BooleanSupplier cancelled, RetryListener listener) {
        HttpUrl signed = sign(url, token);
        String[] secrets = {token.reveal(), settings.appSecret()};
        Duration budget = settings.maxRetryTime() == null ? Duration.ZERO : settings.maxRetryTime();
        Duration initial = settings.initialBackoff() == null || settings.initialBackoff().isNegative()
                ? Duration.ofSeconds(1) : settings.initialBackoff();
        Duration waited = Duration.ZERO;
        int attempt = 0;
        while (true) {
            attempt++;
            checkCancelled(cancelled);
            if (attempt == 1) {
                // a retry has just waited out its backoff; slowing down on top of that would wait twice
                slowDownIfBusy(token, cancelled, listener);
            }
            Problem problem;
            try {
                return once(signed, token, endpoint, parser);
            } catch (Problem.Raised r) {
                problem = r.problem;
            }
            if (!problem.retryable()) {
                LOG.debug("GET {} failed: {} (code {}), not retried", signed.encodedPath(), problem.kind(), problem.code());
                throw problem.toException(secrets);
            }
            Duration wait;
            if (problem.kind() == GraphErrorKind.RATE_LIMIT && problem.regainMinutes() > 0) {
                wait = Duration.ofMinutes(problem.regainMinutes());
                if (wait.compareTo(budget.minus(waited)) > 0) {
                    LOG.warn("GET {}: rate limited, Meta asks to wait {} minutes; giving up", signed.encodedPath(),
                            problem.regainMinutes());
                    throw problem.giveUpTooLongToWait(attempt, budget, secrets);
                }
            } else {
                long capNanos = Math.min(MAX_BACKOFF.toNanos(),
                        initial.toNanos() * (1L << Math.min(attempt - 1, 30)));
                double j = Math.max(0.0, Math.min(1.0, jitter.getAsDouble()));
                wait = Duration.ofNanos((long) (capNanos * j));
                if (waited.plus(wait).compareTo(budget) > 0) {
                    LOG.warn("GET {}: {} after {} attempts; giving up", signed.encodedPath(), problem.kind(), attempt);
                    throw problem.giveUp(attempt, waited, secrets);
                }
            }
            LOG.info("GET {}: {} (code {}); retrying in {} ms", signed.encodedPath(), problem.kind(), problem.code(),
                    wait.toMillis());
            listener.waiting(problem.kind(), wait, attempt,
                    Problem.scrub(problem.what() + "; retrying in " + Problem.human(wait) + ".", secrets));
            pause(wait, cancelled);
            waited = waited.plus(wait);
        }
    }

    private <T> T once(HttpUrl url, AccessToken token, String endpoint, BodyParser<T> parser) throws Problem.Raised {
        Request request = new Request.Builder().url(url)
                .header("Authorization", "Bearer " + token.reveal())
                .header("Accept", "application/json")
                .get().build();
        LOG.debug("GET {}", url.encodedPath());
        Response response;
        try {
            response = http.newCall(request).execute();
        } catch (IOException e) {
            throw new Problem.Raised(Problem.fromIo(e, url.host(), false));
        }
        try (response) {
            int status = response.code();
            String body;
            try {
                ResponseBody rb = response.body();
                body = rb == null ? "" : new String(rb.bytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Problem.Raised(Problem.fromIo(e, url.host(), true));
            }
            recordUsage(token, response);
            if (response.isSuccessful()) {
                Problem inBody = startsWithError(body) ? Problem.fromBody(body, status, endpoint, mapper) : null;
                if (inBody == null) {
                    try {
                        return parser.parse(body);
                    } catch (IOException | RuntimeException e) {
                        IOException io = e instanceof IOException ioe ? ioe : new IOException(e.getClass().getSimpleName());
                        throw new Problem.Raised(Problem.malformed(status, io));
                    }
                }
                throw new Problem.Raised(withRegain(inBody, response));
            }
            Problem p = Problem.fromBody(body, status, endpoint, mapper);
            if (p == null) {
                p = Problem.fromHttp(status);
            }
            throw new Problem.Raised(withRegain(p, response));
        }
    }

    private static boolean startsWithError(String body) {
        int i = 0;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        return body.startsWith("{\"error\"", i);
    }

    private Problem withRegain(Problem p, Response response) {
        if (p.kind() != GraphErrorKind.RATE_LIMIT) {
            return p;
        }
        long minutes = Math.max(Usage.regainMinutes(response.header("X-Business-Use-Case-Usage"), mapper),
                Usage.regainMinutes(response.header("X-Page-Usage"), mapper));
        return minutes > 0 ? p.withRegainMinutes(minutes) : p;
    }

    private void recordUsage(AccessToken token, Response response) {
        appUsage = Usage.percent(response.header("X-App-Usage"), mapper);
        int page = Math.max(Usage.percent(response.header("X-Page-Usage"), mapper),
                Usage.percent(response.header("X-Business-Use-Case-Usage"), mapper));
        if (page > 0) {
            tokenUsage.put(token, page);
        } else {
            tokenUsage.remove(token);
        }
    }

    private void slowDownIfBusy(AccessToken token, BooleanSupplier cancelled, RetryListener listener) {
        int usage = Math.max(appUsage, tokenUsage.getOrDefault(token, 0));
        Duration delay = Usage.slowDown(usage, settings.initialBackoff());
        if (delay.isZero()) {
            return;
        }
        LOG.info("Meta reports {}% of a rate limit used; waiting {} ms before the next request", usage, delay.toMillis());
        listener.waiting(GraphErrorKind.RATE_LIMIT, delay, 0,
                "Meta reports " + usage + "% of the rate limit used; slowing down for " + Problem.human(delay) + ".");
        pause(delay, cancelled);
    }

    private void pause(Duration wait, BooleanSupplier cancelled) {
        Duration left = wait;
        while (left.compareTo(Duration.ZERO) > 0) {
            checkCancelled(cancelled);
            Duration slice = left.compareTo(WAIT_SLICE) > 0 ? WAIT_SLICE : left;
            try {
                sleeper.sleep(slice);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Interrupted while waiting to retry a Graph request");
            }
            left = left.minus(slice);
        }
        checkCancelled(cancelled);
    }

    private static void checkCancelled(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("Cancelled");
        }
    }

    private HttpUrl sign(HttpUrl url, AccessToken token) {
        HttpUrl.Builder b = url.newBuilder().removeAllQueryParameters("access_token")
                .removeAllQueryParameters("appsecret_proof");
        if (settings.appSecret() != null) {
            b.addQueryParameter("appsecret_proof", appSecretProof(token.reveal(), settings.appSecret()));
        }
        return b.build();
    }

    private JsonNode readTree(String raw) {
        try {
            return mapper.readTree(raw);
        } catch (IOException e) {
            // cannot happen: raw is a substring the streaming parser already validated
            throw new IllegalStateException("Unparseable element", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
