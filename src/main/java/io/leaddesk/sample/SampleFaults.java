package io.leaddesk.sample;

import java.util.Locale;

/**
 * A parsed fault spec such as {@code transient=0.05,ratelimit=0.02,truncate=0.02,usage=90,seed=7}.
 * <ul>
 *   <li>{@code transient=P}: with probability P a /leads or /leadgen_forms request answers HTTP 500, code 2
 *       "An unexpected error has occurred. Please retry your request later.", is_transient true.</li>
 *   <li>{@code ratelimit=P}: HTTP 400, code 80005 "(#80005) There have been too many leadgen api calls to this
 *       Page...", with an {@code X-Business-Use-Case-Usage} header for the page.</li>
 *   <li>{@code truncate=P}: a 200 response whose body stops in the middle: alternately the full Content-Length is
 *       declared and the connection dropped early, or the body is chunked and ends cleanly after half the JSON.</li>
 *   <li>{@code badleads=P}: with probability P a lead is served malformed, the same leads on every request (decided
 *       by a hash of the lead, not by the dice): a third each without {@code id}, without {@code created_time}, or
 *       with a created_time that is not a date. Meta sending such a lead is rare; one must not block a sync.</li>
 *   <li>{@code usage=N}: {@code X-App-Usage} reports N percent on every response.</li>
 *   <li>{@code seed=S}: the seed of the fault dice (default 1), so a run is reproducible for a sequential client.</li>
 * </ul>
 * Rates are per request, drawn once per request from one seeded {@link java.util.Random}; their sum must be at most 1.
 */
public record SampleFaults(double transientRate, double rateLimitRate, double truncateRate, Integer usagePercent,
                           long seed, double badLeadRate) {

    public static final SampleFaults NONE = new SampleFaults(0, 0, 0, null, 1, 0);

    /** Without malformed leads. */
    public SampleFaults(double transientRate, double rateLimitRate, double truncateRate, Integer usagePercent,
                        long seed) {
        this(transientRate, rateLimitRate, truncateRate, usagePercent, seed, 0);
    }

    /** @throws IllegalArgumentException on an unknown key or a bad value */
    public static SampleFaults parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        double tr = 0;
        double rl = 0;
        double tc = 0;
        Integer usage = null;
        long seed = 1;
        double bad = 0;
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("fault spec entry must be key=value: " + p);
            }
            String key = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).trim();
            try {
                switch (key) {
                    case "transient" -> tr = rate(key, value);
                    case "ratelimit" -> rl = rate(key, value);
                    case "truncate" -> tc = rate(key, value);
                    case "badleads" -> bad = rate(key, value);
                    case "usage" -> {
                        usage = Integer.parseInt(value);
                        if (usage < 0 || usage > 1000) {
                            throw new IllegalArgumentException("usage must be 0..1000: " + value);
                        }
                    }
                    case "seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException(
                            "unknown fault '" + key + "' (known: transient, ratelimit, truncate, badleads, usage, seed)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number for fault '" + key + "': " + value, e);
            }
        }
        if (tr + rl + tc > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
        return new SampleFaults(tr, rl, tc, usage, seed, bad);
    }

    private static double rate(String key, String value) {
        double d = Double.parseDouble(value);
        if (!(d >= 0 && d <= 1)) {
            throw new IllegalArgumentException(key + " must be a rate between 0 and 1: " + value);
        }
        return d;
    }

    /** True when a request may fail or be cut (what the dice decide); {@code badleads} and {@code usage} do not count. */
    public boolean any() {
        return transientRate > 0 || rateLimitRate > 0 || truncateRate > 0;
    }
}
