package io.leaddesk.graph;

import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;

/**
 * Graph API client (OkHttp + Jackson). Thread-safe; one instance serves all pages and forms.
 * Every call retries transient and rate-limit failures with exponential backoff and jitter within a wall-clock
 * budget, honouring usage headers ({@link GraphCaller}), and throws {@link GraphException} with a typed
 * {@link GraphErrorKind} otherwise. Lead paging and its loop guards are {@link LeadPager}'s.
 *
 * <p>Different purposes can use different settings (a quick token check with short timeouts, a sync with a long
 * retry budget): {@link #withSettings} gives a client that shares this one's connections and usage records.
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
    /** At most this many consecutive result pages without anything in them are followed. */
    static final int MAX_EMPTY_PAGES = LeadPager.MAX_EMPTY_PAGES;
    static final Duration MAX_BACKOFF = GraphCaller.MAX_BACKOFF;
    /** Long waits are cut into slices so that cancellation is noticed within about a second. */
    static final Duration WAIT_SLICE = GraphCaller.WAIT_SLICE;
    private static final BooleanSupplier NEVER = () -> false;

    private final GraphSettings settings;
    private final Sleeper sleeper;
    private final DoubleSupplier jitter;
    private final Ticker ticker;
    private final long maxResponseBytes;
    /** Connections and threads, shared with every client made by {@link #withSettings}; closed by the owner. */
    private final OkHttpClient shared;
    private final boolean owner;
    private final UsageTracker usage;
    private final CallWatch watch;
    private final GraphUrls urls;
    private final GraphCaller caller;
    private final LeadPager pager;
    private final ObjectMapper mapper = new ObjectMapper();

    public GraphClient(GraphSettings settings) {
        this(settings, Sleeper.REAL);
    }

    /** With a custom {@link Sleeper} (tests record backoff waits instead of sleeping). */
    public GraphClient(GraphSettings settings, Sleeper sleeper) {
        this(settings, sleeper, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With a custom jitter source in [0, 1] (tests make backoff deterministic). */
    GraphClient(GraphSettings settings, Sleeper sleeper, DoubleSupplier jitter) {
        this(settings, sleeper, jitter, Ticker.SYSTEM);
    }

    /** With the clock the retry budget is measured with (tests advance it from their sleeper). */
    GraphClient(GraphSettings settings, Sleeper sleeper, DoubleSupplier jitter, Ticker ticker) {
        this(settings, sleeper, jitter, ticker, GraphCaller.MAX_RESPONSE_BYTES, null, new UsageTracker(), new CallWatch());
    }

    private GraphClient(GraphSettings settings, Sleeper sleeper, DoubleSupplier jitter, Ticker ticker,
                        long maxResponseBytes, OkHttpClient shared, UsageTracker usage, CallWatch watch) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.maxResponseBytes = maxResponseBytes;
        this.urls = new GraphUrls(settings.baseUrl(), settings.version());
        this.owner = shared == null;
        this.shared = shared != null ? shared : new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
        this.usage = usage;
        this.watch = watch;
        this.caller = new GraphCaller(settings, this.shared, sleeper, jitter, ticker, usage, mapper, maxResponseBytes,
                watch);
        this.pager = new LeadPager(caller, urls);
    }

    public GraphSettings settings() {
        return settings;
    }

    /**
     * A client for another purpose (other timeouts, retry budget, page size, even another address) that shares
     * this client's connections, threads and rate-limit usage. Closing it does nothing; closing this one closes both.
     */
    public GraphClient withSettings(GraphSettings other) {
        return new GraphClient(other, sleeper, jitter, ticker, maxResponseBytes, shared, usage, watch);
    }

    /**
     * A client for checking a token at sign-in ({@link GraphSettings#forSignIn()}: short timeouts, a short retry
     * budget), sharing this one's connections. Used by {@link TokenCheck}.
     */
    public GraphClient forSignIn() {
        return withSettings(settings.forSignIn());
    }

    /** The reads of the access doctor and the token exchange, with this client's settings. */
    public GraphAccess access() {
        return new GraphAccess(caller, urls, mapper);
    }

    /** The same client refusing answers above {@code bytes} (tests of the response cap). */
    GraphClient withMaxResponseBytes(long bytes) {
        return new GraphClient(settings, sleeper, jitter, ticker, bytes, shared, usage, watch);
    }

    /** What Meta's usage headers said last (shared by every client made by {@link #withSettings}); read-only. */
    public UsageSnapshot usage() {
        return usage.snapshot();
    }

    /** {@code /me?metadata=1&fields=id,name}: user or page token, id and name (fallback through /me/accounts code 100). */
    public TokenInfo whoami(AccessToken token) {
        return whoami(token, NEVER);
    }

    /**
     * {@link #whoami(AccessToken)} that ends at once, in flight too, when {@code cancelled} turns true (with a
     * {@link java.util.concurrent.CancellationException}).
     */
    public TokenInfo whoami(AccessToken token, BooleanSupplier cancelled) {
        BooleanSupplier stop = cancelled == null ? NEVER : cancelled;
        HttpUrl url = urls.path("me").addQueryParameter("fields", "id,name").addQueryParameter("metadata", "1").build();
        JsonNode me = caller.getAbortable(url, token, "me", mapper::readTree, stop);
        String id = text(me, "id");
        String name = text(me, "name");
        String type = text(me.path("metadata"), "type");
        if ("user".equalsIgnoreCase(type)) {
            return new TokenInfo(TokenKind.USER, id, name);
        }
        if ("page".equalsIgnoreCase(type)) {
            return new TokenInfo(TokenKind.PAGE, id, name);
        }
        HttpUrl probe = urls.path("me/accounts").addQueryParameter("limit", "1").build();
        try {
            caller.getAbortable(probe, token, "accounts", PageParsers::raw, stop);
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
        return pages(token, who, NEVER);
    }

    /** {@link #pages(AccessToken, TokenInfo)} that ends at once, in flight too, when {@code cancelled} turns true. */
    public List<PageInfo> pages(AccessToken token, TokenInfo who, BooleanSupplier cancelled) {
        if (who.kind() == TokenKind.PAGE) {
            return List.of(new PageInfo(who.id(), who.name(), token, List.of()));
        }
        HttpUrl first = urls.path("me/accounts").addQueryParameter("fields", ACCOUNT_FIELDS)
                .addQueryParameter("limit", Integer.toString(LIST_LIMIT)).build();
        List<PageInfo> pages = new ArrayList<>();
        for (String raw : ListPager.listAll(caller, urls, first, token, "accounts", cancelled == null ? NEVER : cancelled, true)) {
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
        HttpUrl first = urls.path(page.id() + "/leadgen_forms").addQueryParameter("fields", FORM_FIELDS)
                .addQueryParameter("limit", Integer.toString(LIST_LIMIT)).build();
        List<LeadForm> forms = new ArrayList<>();
        for (String raw : ListPager.listAll(caller, urls, first, page.accessToken(), "leadgen_forms", NEVER, false)) {
            forms.add(FormParser.form(readTree(raw), page.id(), raw));
        }
        return forms;
    }

    /** {@link #leads(PageInfo, String, Long, long, LeadPageHandler, BooleanSupplier, RetryListener)} for a form of unknown size. */
    public LeadPull leads(PageInfo page, String formId, Long createdAfter, LeadPageHandler handler,
                          BooleanSupplier cancelled, RetryListener retries) {
        return leads(page, formId, createdAfter, 0, handler, cancelled, retries);
    }

    /**
     * Every lead of a form, newest first, one result page at a time to {@code handler}; leads already delivered in
     * this call are not delivered again, and pages that bring nothing new are not handed over. Exceptions of the
     * handler propagate. Paging goes on while the cursor advances; see {@link LeadPager} for when it stops early.
     *
     * @param createdAfter Unix seconds; when not null only leads with time_created GREATER_THAN it are asked for (filtering)
     * @param leadsCount   the form's leads_count (0 when unknown): sets the cap on result pages
     * @param cancelled    checked between pages (and during backoff waits); when true a
     *                     {@link java.util.concurrent.CancellationException} is thrown
     * @return whether the pull is complete, and if not, why it stopped
     */
    public LeadPull leads(PageInfo page, String formId, Long createdAfter, long leadsCount, LeadPageHandler handler,
                          BooleanSupplier cancelled, RetryListener retries) {
        Objects.requireNonNull(handler, "handler");
        HttpUrl.Builder b = urls.path(formId + "/leads").addQueryParameter("fields", LEAD_FIELDS)
                .addQueryParameter("limit", Integer.toString(Math.max(1, settings.pageSize())));
        if (createdAfter != null) {
            b.addQueryParameter("filtering",
                    "[{\"field\":\"time_created\",\"operator\":\"GREATER_THAN\",\"value\":" + createdAfter + "}]");
        }
        return pager.pull(formId, b.build(), page.accessToken(), leadsCount, handler,
                cancelled == null ? NEVER : cancelled, retries == null ? RetryListener.NONE : retries);
    }

    /** A single lead, {@code /{lead_id}?fields=...}. */
    public Lead lead(AccessToken token, String leadId) {
        HttpUrl url = urls.path(leadId).addQueryParameter("fields", LEAD_FIELDS).build();
        return caller.get(url, token, "lead", PageParsers::singleLead, NEVER, RetryListener.NONE);
    }

    @Override
    public void close() {
        if (owner) {
            shared.dispatcher().executorService().shutdown();
            shared.connectionPool().evictAll();
            watch.close();
        }
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
