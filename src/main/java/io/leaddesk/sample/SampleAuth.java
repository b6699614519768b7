package io.leaddesk.sample;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Authentication of the sample Graph API: the token from {@code access_token} or {@code Authorization: Bearer}
 * (see {@link SampleTokens}), the {@code appsecret_proof} check when an app secret is configured, and the page-token
 * rule of /leadgen_forms and /leads.
 */
final class SampleAuth {
    private final SampleDataset dataset;
    private final String appSecret;

    SampleAuth(SampleDataset dataset, String appSecret) {
        this.dataset = dataset;
        this.appSecret = appSecret;
    }

    SampleCaller authenticate(SampleRequest req) {
        String token = req.get("access_token");
        if ((token == null || token.isEmpty()) && req.authorization != null) {
            String a = req.authorization.trim();
            int sp = a.indexOf(' ');
            if (sp > 0) {
                String scheme = a.substring(0, sp);
                if (scheme.equalsIgnoreCase("Bearer") || scheme.equalsIgnoreCase("OAuth")) {
                    token = a.substring(sp + 1).trim();
                }
            }
        }
        if (token == null || token.isEmpty()) {
            throw GraphError.noToken();
        }
        SampleCaller caller = classify(token);
        if (appSecret != null) {
            String proof = req.get("appsecret_proof");
            if (proof == null || proof.isEmpty()) {
                throw GraphError.appsecretMissing();
            }
            byte[] expected = hmacHex(token, appSecret).getBytes(StandardCharsets.US_ASCII);
            byte[] given = proof.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, given)) {
                throw GraphError.appsecretInvalid();
            }
        }
        return caller;
    }

    /** Leads and forms need the page's own token: code 190 for any other token, code 100/33 for another page's. */
    static void requirePageToken(SampleCaller caller, String pageId, String objectId) {
        if (!caller.isPage()) {
            throw GraphError.pageTokenRequired();
        }
        if (!caller.pageId().equals(pageId)) {
            throw GraphError.unknownObject(objectId, "get");
        }
    }

    /** hex HMAC-SHA256 of the token keyed by the app secret (what {@code appsecret_proof} must be). */
    static String hmacHex(String token, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private SampleCaller classify(String token) {
        switch (token) {
            case SampleTokens.USER:
                return new SampleCaller(token, "100000000000731", "Olena Demo (sample)", true, null);
            case SampleTokens.SYSTEM_USER:
                return new SampleCaller(token, "61550000000042", "LeadDesk Sample System User", true, null);
            case SampleTokens.NO_LEADS_PERMISSION:
                return new SampleCaller(token, "100000000000732", "Taras Readonly (sample)", false, null);
            case SampleTokens.EXPIRED:
                throw GraphError.expired(Instant.now());
            default:
                break;
        }
        for (String prefix : List.of(SampleTokens.PAGE_TOKEN_PREFIX, SampleTokens.NO_LEADS_PAGE_TOKEN_PREFIX)) {
            if (token.startsWith(prefix)) {
                SamplePage p = dataset.page(token.substring(prefix.length()));
                if (p != null) {
                    return new SampleCaller(token, p.id(), p.name(),
                            prefix.equals(SampleTokens.PAGE_TOKEN_PREFIX), p.id());
                }
            }
        }
        throw GraphError.invalidToken();
    }
}
