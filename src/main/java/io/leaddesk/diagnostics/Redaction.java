package io.leaddesk.diagnostics;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last net before text reaches the log file or the diagnostics: masks what looks like an access token, an app
 * secret, a token or secret in a URL, an e-mail address or an international phone number. The code does not log
 * such things in the first place (a test checks it); this catches what a library or an exception message might carry.
 */
public final class Redaction {
    private static final Pattern URL_SECRET = Pattern.compile(
            "(?i)\\b(access_token|input_token|fb_exchange_token|appsecret_proof|app_secret|client_secret)=([^&\\s\"'<>]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer|OAuth)\\s+[A-Za-z0-9._~+/=-]{8,}");
    /** Meta access tokens start with EAA and go on for well over a hundred characters. */
    private static final Pattern META_TOKEN = Pattern.compile("\\bEAA[A-Za-z0-9]{20,}");
    /** Meta app secrets are 32 lowercase hex digits. */
    private static final Pattern APP_SECRET = Pattern.compile("\\b[0-9a-f]{32}\\b");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** A number written with its country code (+380 50 123 45 67); bare digit runs such as lead ids are kept. */
    private static final Pattern PHONE = Pattern.compile("\\+\\d[\\d \\u00a0().-]{6,}\\d");

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = URL_SECRET.matcher(text).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + "=<redacted>"));
        s = BEARER.matcher(s).replaceAll(r -> Matcher.quoteReplacement(r.group(1) + " <redacted>"));
        s = META_TOKEN.matcher(s).replaceAll("<token>");
        s = APP_SECRET.matcher(s).replaceAll("<secret>");
        s = EMAIL.matcher(s).replaceAll("<e-mail>");
        return PHONE.matcher(s).replaceAll("<phone>");
    }
}
