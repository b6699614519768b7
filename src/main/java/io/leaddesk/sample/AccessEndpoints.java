package io.leaddesk.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the access doctor reads, and the token exchange: {@code /me/permissions}, {@code /debug_token} (asked with the
 * sample app's token {@code APP_ID|APP_SECRET} or with a valid sample token itself), and
 * {@code /oauth/access_token?grant_type=fb_exchange_token} with the sample app's id and secret. Page tasks, lead
 * access and the Lead Ads terms are Page fields ({@link AccountEndpoints}, decided by {@link SamplePersona}).
 */
final class AccessEndpoints {
    /** About 60 days, as Meta answers a fresh exchange. */
    static final long LONG_LIVED_SECONDS = 5_183_944L;
    static final Duration SHORT_LIVED_LEFT = Duration.ofMinutes(59);
    static final Duration USER_LEFT = Duration.ofDays(55);
    static final Duration DATA_ACCESS_LEFT = Duration.ofDays(85);

    private final SampleAuth auth;

    AccessEndpoints(SampleAuth auth) {
        this.auth = auth;
    }

    /** {@code /me/permissions} of a user or system-user token; a Page token has no such edge. */
    String permissions(SampleCaller caller, SampleRequest req) {
        if (caller.isPage()) {
            throw GraphError.nonexistingField("permissions", "Page");
        }
        StringBuilder sb = new StringBuilder(512).append("{\"data\":[");
        List<String[]> all = caller.persona().permissions();
        for (int i = 0; i < all.size(); i++) {
            sb.append(i > 0 ? "," : "").append("{\"permission\":\"").append(all.get(i)[0]).append("\",\"status\":\"")
                    .append(all.get(i)[1]).append("\"}");
        }
        return sb.append("]}").toString();
    }

    /**
     * {@code /debug_token?input_token=T}: asked with the app token or with a valid sample token. What a token that
     * cannot be used is comes back as {@code is_valid:false} with its error, as Meta answers.
     */
    String debugToken(SampleRequest req) {
        String asker = SampleAuth.tokenOf(req);
        if (asker == null || asker.isEmpty()) {
            throw GraphError.noToken();
        }
        if (!SampleAuth.isAppToken(asker)) {
            auth.authenticate(req); // a valid sample token may inspect tokens of its app
        }
        String input = req.get("input_token");
        if (input == null || input.isEmpty()) {
            throw GraphError.badParam("The parameter input_token is required");
        }
        Instant now = Instant.now();
        SampleCaller c;
        try {
            c = auth.classify(input);
        } catch (GraphError e) {
            long expiredAt = input.equals(SampleTokens.EXPIRED) ? now.minusSeconds(2 * 86_400L).getEpochSecond() : 0;
            return "{\"data\":{\"app_id\":\"" + SampleTokens.APP_ID + "\",\"type\":\"USER\",\"application\":"
                    + Json.str(SampleTokens.APP_NAME) + ",\"data_access_expires_at\":0,\"error\":{\"code\":" + e.code
                    + (e.subcode != null ? ",\"subcode\":" + e.subcode : "") + ",\"message\":" + Json.str(e.getMessage())
                    + "},\"expires_at\":" + expiredAt + ",\"is_valid\":false,\"scopes\":[]}}";
        }
        String type;
        long expires;
        long dataAccess;
        switch (c.kind()) {
            case PAGE -> {
                type = "PAGE";
                expires = 0;
                dataAccess = now.plus(DATA_ACCESS_LEFT).getEpochSecond();
            }
            case SYSTEM_USER -> {
                type = "SYSTEM_USER";
                expires = 0;
                dataAccess = 0;
            }
            case SHORT_LIVED -> {
                type = "USER";
                expires = now.plus(SHORT_LIVED_LEFT).getEpochSecond();
                dataAccess = now.plus(DATA_ACCESS_LEFT).getEpochSecond();
            }
            case LONG_LIVED -> {
                type = "USER";
                expires = now.plusSeconds(LONG_LIVED_SECONDS).getEpochSecond();
                dataAccess = now.plus(DATA_ACCESS_LEFT).getEpochSecond();
            }
            default -> {
                type = "USER";
                expires = now.plus(USER_LEFT).getEpochSecond();
                dataAccess = now.plus(DATA_ACCESS_LEFT).getEpochSecond();
            }
        }
        StringBuilder sb = new StringBuilder(512).append("{\"data\":{\"app_id\":\"").append(SampleTokens.APP_ID)
                .append("\",\"type\":\"").append(type).append("\",\"application\":").append(Json.str(SampleTokens.APP_NAME))
                .append(",\"data_access_expires_at\":").append(dataAccess).append(",\"expires_at\":").append(expires)
                .append(",\"is_valid\":true,\"issued_at\":").append(now.minusSeconds(600).getEpochSecond())
                .append(",\"scopes\":[");
        List<String> scopes = c.persona().scopes();
        for (int i = 0; i < scopes.size(); i++) {
            sb.append(i > 0 ? "," : "").append('"').append(scopes.get(i)).append('"');
        }
        sb.append("]");
        if (c.isPage()) {
            sb.append(",\"profile_id\":\"").append(c.pageId()).append('"');
        }
        sb.append(",\"user_id\":\"").append(c.isPage() ? "100000000000731" : c.id()).append("\"}}");
        return sb.toString();
    }

    /**
     * {@code /oauth/access_token?grant_type=fb_exchange_token&client_id&client_secret&fb_exchange_token}: the sample
     * app's id and secret, and a valid user token of the app, give a long-lived token.
     */
    String exchange(SampleRequest req) {
        if (!"fb_exchange_token".equals(req.get("grant_type"))) {
            throw GraphError.badParam("Unsupported grant_type; this sample server exchanges fb_exchange_token only");
        }
        if (!SampleTokens.APP_ID.equals(req.get("client_id"))) {
            throw GraphError.applicationInvalid();
        }
        if (!SampleTokens.APP_SECRET.equals(req.get("client_secret"))) {
            throw GraphError.clientSecretInvalid();
        }
        String token = req.get("fb_exchange_token");
        if (token == null || token.isEmpty()) {
            throw GraphError.badParam("The parameter fb_exchange_token is required");
        }
        SampleCaller c = auth.classify(token);
        if (c.isPage()) {
            throw GraphError.badParam("fb_exchange_token must be a user access token");
        }
        String longLived = switch (c.kind()) {
            case USER, SHORT_LIVED, LONG_LIVED -> c.persona() == SamplePersona.FULL ? SampleTokens.LONG_LIVED : token;
            default -> token;
        };
        if (c.kind() == SampleCaller.Kind.SYSTEM_USER) {
            return "{\"access_token\":" + Json.str(longLived) + ",\"token_type\":\"bearer\"}";
        }
        return "{\"access_token\":" + Json.str(longLived) + ",\"token_type\":\"bearer\",\"expires_in\":"
                + LONG_LIVED_SECONDS + "}";
    }
}
