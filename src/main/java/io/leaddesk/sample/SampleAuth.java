package io.leaddesk.sample;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
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
        String token = tokenOf(req);
        if (token == null || token.isEmpty()) {
            throw GraphError.noToken();
        }
        SampleCaller caller = classify(token);
        if (appSecret != null) {
            checkProof(req, token, appSecret);
        } else if (caller.persona() == SamplePersona.APP_SECRET) {
            checkProof(req, token, SampleTokens.APP_SECRET);
        }
        return caller;
    }

    /** The token from {@code access_token} or {@code Authorization: Bearer}, or null. */
    static String tokenOf(SampleRequest req) {
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
        return token;
    }

    private static void checkProof(SampleRequest req, String token, String secret) {
        String proof = req.get("appsecret_proof");
        if (proof == null || proof.isEmpty()) {
            throw GraphError.appsecretMissing();
        }
        byte[] expected = hmacHex(token, secret).getBytes(StandardCharsets.US_ASCII);
        byte[] given = proof.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw GraphError.appsecretInvalid();
        }
    }

    /** Whether {@code token} is the sample app's token {@code APP_ID|APP_SECRET}; a wrong secret is refused. */
    static boolean isAppToken(String token) {
        int bar = token.indexOf('|');
        if (bar < 0) {
            return false;
        }
        if (!token.substring(0, bar).equals(SampleTokens.APP_ID)) {
            throw GraphError.applicationInvalid();
        }
        if (!MessageDigest.isEqual(token.substring(bar + 1).getBytes(StandardCharsets.UTF_8),
                SampleTokens.APP_SECRET.getBytes(StandardCharsets.UTF_8))) {
            throw GraphError.invalidTokenSignature();
        }
        return true;
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

    /** The caller a token stands for; a token that cannot be used throws its Graph error. */
    SampleCaller classify(String token) {
        switch (token) {
            case SampleTokens.USER:
                return user(token, "100000000000731", "Olena Demo (sample)", SamplePersona.FULL, SampleCaller.Kind.USER);
            case SampleTokens.SYSTEM_USER:
                return user(token, "61550000000042", "LeadDesk Sample System User", SamplePersona.FULL,
                        SampleCaller.Kind.SYSTEM_USER);
            case SampleTokens.NO_LEADS_PERMISSION:
                return user(token, "100000000000732", "Taras Readonly (sample)", SamplePersona.NO_LEADS,
                        SampleCaller.Kind.USER);
            case SampleTokens.SHORT_LIVED:
                return user(token, "100000000000731", "Olena Demo (sample)", SamplePersona.FULL,
                        SampleCaller.Kind.SHORT_LIVED);
            case SampleTokens.LONG_LIVED:
                return user(token, "100000000000731", "Olena Demo (sample)", SamplePersona.FULL,
                        SampleCaller.Kind.LONG_LIVED);
            case SampleTokens.LIMITED_ROLE:
                return user(token, "100000000000733", "Mykola Analyst (sample)", SamplePersona.LIMITED_ROLE,
                        SampleCaller.Kind.USER);
            case SampleTokens.DECLINED_LEADS:
                return user(token, "100000000000734", "Iryna Cautious (sample)", SamplePersona.DECLINED_LEADS,
                        SampleCaller.Kind.USER);
            case SampleTokens.LEAD_ACCESS_MANAGER:
                return user(token, "100000000000735", "Petro Agency (sample)", SamplePersona.LAM_APP,
                        SampleCaller.Kind.USER);
            case SampleTokens.APP_SECRET_REQUIRED:
                return user(token, "100000000000736", "Sofia Secure (sample)", SamplePersona.APP_SECRET,
                        SampleCaller.Kind.USER);
            case SampleTokens.EXPIRED:
                throw GraphError.expired(Instant.now());
            case SampleTokens.PASSWORD_CHANGED:
                throw GraphError.passwordChanged();
            case SampleTokens.LOGGED_OUT:
                throw GraphError.loggedOut();
            case SampleTokens.APP_REMOVED:
                throw GraphError.appRemoved();
            default:
                break;
        }
        for (SamplePersona persona : SamplePersona.values()) {
            if (token.startsWith(persona.pageTokenPrefix)) {
                SamplePage p = dataset.page(token.substring(persona.pageTokenPrefix.length()));
                if (p != null) {
                    return new SampleCaller(token, p.id(), p.name(), persona.canReadLeads(p.id()), p.id(), persona,
                            SampleCaller.Kind.PAGE);
                }
            }
        }
        throw GraphError.invalidToken();
    }

    private static SampleCaller user(String token, String id, String name, SamplePersona persona, SampleCaller.Kind kind) {
        return new SampleCaller(token, id, name, persona != SamplePersona.NO_LEADS, null, persona, kind);
    }
}
