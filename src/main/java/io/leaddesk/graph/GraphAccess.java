package io.leaddesk.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The Graph reads of the access doctor and the token exchange ({@link GraphClient#access()}): what a token is and
 * may do (debug_token, /me/permissions), the person's tasks on each Page, each Page's lead access, its forms, a trial
 * read of one lead, and the exchange of a short-lived user token for a long-lived one. Every read ends at once, in
 * flight too, when its cancel signal turns true ({@link java.util.concurrent.CancellationException}); failures are
 * {@link GraphException}s like every other Graph call, their sentences scrubbed of tokens and secrets.
 */
public final class GraphAccess {
    static final String ACCOUNT_FIELDS = "id,name,tasks,access_token";
    static final String PAGE_ACCESS_FIELDS = "id,name,has_lead_access,leadgen_tos_accepted";
    static final String FORM_SUMMARY_FIELDS = "id,name,status,leads_count";

    private final GraphCaller caller;
    private final GraphUrls urls;
    private final ObjectMapper mapper;

    GraphAccess(GraphCaller caller, GraphUrls urls, ObjectMapper mapper) {
        this.caller = caller;
        this.urls = urls;
        this.mapper = mapper;
    }

    /** {@code GET /me/permissions}: permissions by status (user and system-user tokens). */
    public record Permissions(List<String> granted, List<String> declined, List<String> expired) {
        public Permissions {
            granted = List.copyOf(granted);
            declined = List.copyOf(declined);
            expired = List.copyOf(expired);
        }
    }

    /**
     * {@code GET /debug_token}: what Meta says about a token.
     *
     * @param type          USER, PAGE, SYSTEM_USER, APP... as Meta writes it (null when not said)
     * @param expiresAt     when it expires; null when it never does ({@code neverExpires}) or Meta did not say
     * @param errorSubcode  with {@code errorCode}, why it is not valid (0 when valid)
     */
    public record TokenDebug(boolean valid, String type, String appId, String application, Instant expiresAt,
                             boolean neverExpires, Instant dataAccessExpiresAt, List<String> scopes, String userId,
                             String profileId, int errorCode, int errorSubcode, String errorMessage) {
        public TokenDebug {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }

    /** One entry of /me/accounts, also one without a Page token (a role that gives none). */
    public record PageAccount(String id, String name, List<String> tasks, AccessToken pageToken) {
        public PageAccount {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }

        @Override
        public String toString() {
            return "PageAccount[id=" + id + ", name=" + name + ", tasks=" + tasks + "]";
        }
    }

    /**
     * {@code GET /{page_id}?fields=has_lead_access,leadgen_tos_accepted}; each Boolean is null when Meta left it out.
     */
    public record PageLeadAccess(Boolean canAccessLead, String failureReason, String failureResolution,
                                 Boolean enabledLeadAccessManager, Boolean userHasLeadsPermission,
                                 Boolean appHasLeadsPermission, Boolean tosAccepted) {
    }

    /** A form as the doctor lists it. */
    public record FormSummary(String id, String name, String status, long leadsCount) {
    }

    /** A token from the exchange; {@code expiresInSeconds} null when Meta did not say (it then may never expire). */
    public record ExchangedToken(AccessToken token, Long expiresInSeconds) {
        @Override
        public String toString() {
            return "ExchangedToken[" + token + ", expiresIn=" + expiresInSeconds + "]";
        }
    }

    /** Granted, declined and expired permissions of a user or system-user token (every result page). */
    public Permissions permissions(AccessToken token, BooleanSupplier cancelled) {
        HttpUrl first = urls.path("me/permissions").addQueryParameter("limit", "100").build();
        List<String> granted = new ArrayList<>();
        List<String> declined = new ArrayList<>();
        List<String> expired = new ArrayList<>();
        for (String raw : ListPager.listAll(caller, urls, first, token, "permissions", stop(cancelled), true)) {
            JsonNode n = tree(raw);
            String p = text(n, "permission");
            String status = text(n, "status");
            if (p == null) {
                continue;
            }
            if ("granted".equalsIgnoreCase(status)) {
                granted.add(p);
            } else if ("declined".equalsIgnoreCase(status)) {
                declined.add(p);
            } else if ("expired".equalsIgnoreCase(status)) {
                expired.add(p);
            }
        }
        return new Permissions(granted, declined, expired);
    }

    /**
     * What Meta says about {@code inspected}, asked with {@code inspector}: an app token ({@code APP_ID|APP_SECRET},
     * {@link #appToken}) or the inspected token itself (accepted when it belongs to a developer of its app).
     */
    public TokenDebug debugToken(AccessToken inspected, AccessToken inspector, BooleanSupplier cancelled) {
        Objects.requireNonNull(inspected, "inspected");
        Objects.requireNonNull(inspector, "inspector");
        HttpUrl url = urls.path("debug_token").addQueryParameter("input_token", inspected.reveal()).build();
        boolean self = inspected.equals(inspector);
        JsonNode root = caller.call(url, inspector, self, "debug_token", mapper::readTree, stop(cancelled), true,
                RetryListener.NONE, inspected.reveal(), inspector.reveal(), secretOf(inspector));
        JsonNode d = root.path("data");
        List<String> scopes = new ArrayList<>();
        d.path("scopes").forEach(s -> scopes.add(s.asText()));
        long expires = d.path("expires_at").asLong(-1);
        long dataAccess = d.path("data_access_expires_at").asLong(0);
        JsonNode err = d.path("error");
        return new TokenDebug(d.path("is_valid").asBoolean(false), text(d, "type"), text(d, "app_id"),
                text(d, "application"), expires > 0 ? Instant.ofEpochSecond(expires) : null, expires == 0,
                dataAccess > 0 ? Instant.ofEpochSecond(dataAccess) : null, scopes, text(d, "user_id"),
                text(d, "profile_id"), err.path("code").asInt(0), err.path("subcode").asInt(0),
                err.isObject() ? text(err, "message") : null);
    }

    /** The app token {@code APP_ID|APP_SECRET} that debug_token may be asked with. */
    public static AccessToken appToken(String appId, String appSecret) {
        return new AccessToken(appId.strip() + "|" + appSecret.strip());
    }

    /** Every Page of /me/accounts with the person's tasks, and its Page token when the role gives one. */
    public List<PageAccount> accounts(AccessToken userToken, BooleanSupplier cancelled) {
        HttpUrl first = urls.path("me/accounts").addQueryParameter("fields", ACCOUNT_FIELDS)
                .addQueryParameter("limit", Integer.toString(GraphClient.LIST_LIMIT)).build();
        List<PageAccount> out = new ArrayList<>();
        for (String raw : ListPager.listAll(caller, urls, first, userToken, "accounts", stop(cancelled), true)) {
            JsonNode n = tree(raw);
            String id = text(n, "id");
            if (id == null) {
                continue;
            }
            List<String> tasks = new ArrayList<>();
            n.path("tasks").forEach(t -> tasks.add(t.asText()));
            String t = text(n, "access_token");
            out.add(new PageAccount(id, text(n, "name"), tasks, t == null || t.isBlank() ? null : new AccessToken(t)));
        }
        return out;
    }

    /** The Page's lead access diagnostics and whether the Lead Ads terms are accepted. */
    public PageLeadAccess leadAccess(String pageId, AccessToken token, BooleanSupplier cancelled) {
        HttpUrl url = urls.path(pageId).addQueryParameter("fields", PAGE_ACCESS_FIELDS).build();
        JsonNode n = caller.getAbortable(url, token, "page", mapper::readTree, stop(cancelled));
        JsonNode a = n.path("has_lead_access");
        return new PageLeadAccess(bool(a, "can_access_lead"), text(a, "failure_reason"), text(a, "failure_resolution"),
                bool(a, "enabled_lead_access_manager"), bool(a, "user_has_leads_permission"),
                bool(a, "app_has_leads_permission"), bool(n, "leadgen_tos_accepted"));
    }

    /** Every form of the Page (id, name, status, leads_count), asked with the Page token. */
    public List<FormSummary> forms(String pageId, AccessToken pageToken, BooleanSupplier cancelled) {
        HttpUrl first = urls.path(pageId + "/leadgen_forms").addQueryParameter("fields", FORM_SUMMARY_FIELDS)
                .addQueryParameter("limit", Integer.toString(GraphClient.LIST_LIMIT)).build();
        List<FormSummary> out = new ArrayList<>();
        for (String raw : ListPager.listAll(caller, urls, first, pageToken, "leadgen_forms", stop(cancelled), true)) {
            JsonNode n = tree(raw);
            if (text(n, "id") != null) {
                out.add(new FormSummary(text(n, "id"), text(n, "name"), text(n, "status"), n.path("leads_count").asLong(0)));
            }
        }
        return out;
    }

    /**
     * A trial read of one lead ({@code limit=1}), the only proof that leads are readable: the number of leads it
     * brought (0 for a form without leads). Throws like any read when Meta refuses.
     */
    public int trialRead(String formId, AccessToken pageToken, BooleanSupplier cancelled) {
        HttpUrl url = urls.path(formId + "/leads").addQueryParameter("fields", "id,created_time")
                .addQueryParameter("limit", "1").build();
        return caller.getAbortable(url, pageToken, "leads", PageParsers::raw, stop(cancelled)).items().size();
    }

    /**
     * Exchanges a short-lived user token for a long-lived one ({@code GET /oauth/access_token?grant_type=
     * fb_exchange_token}). The app secret and the token go only to Meta, as query parameters of this one request
     * (as Meta requires); neither is logged, and both are scrubbed from every sentence.
     */
    public ExchangedToken exchange(String appId, String appSecret, AccessToken shortLived, BooleanSupplier cancelled) {
        HttpUrl url = urls.path("oauth/access_token").addQueryParameter("grant_type", "fb_exchange_token")
                .addQueryParameter("client_id", appId.strip()).addQueryParameter("client_secret", appSecret.strip())
                .addQueryParameter("fb_exchange_token", shortLived.reveal()).build();
        JsonNode n = caller.call(url, null, false, "oauth", mapper::readTree, stop(cancelled), true, RetryListener.NONE,
                appSecret.strip(), shortLived.reveal());
        String token = text(n, "access_token");
        if (token == null || token.isBlank()) {
            throw new GraphException(GraphErrorKind.OTHER,
                    "Meta answered the token exchange without a token: try again, or create a new token.");
        }
        JsonNode in = n.get("expires_in");
        Long expiresIn = in == null || !in.canConvertToLong() || in.asLong() <= 0 ? null : in.asLong();
        return new ExchangedToken(new AccessToken(token), expiresIn);
    }

    private static String secretOf(AccessToken token) {
        String t = token.reveal();
        int bar = t.indexOf('|');
        return bar >= 0 && bar < t.length() - 1 ? t.substring(bar + 1) : null;
    }

    private static BooleanSupplier stop(BooleanSupplier cancelled) {
        return cancelled == null ? () -> false : cancelled;
    }

    private JsonNode tree(String raw) {
        try {
            return mapper.readTree(raw);
        } catch (IOException e) {
            throw new IllegalStateException("Unparseable element", e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static Boolean bool(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String t = v.asText();
        return "1".equals(t) || "true".equalsIgnoreCase(t);
    }
}
