package io.leaddesk.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the sample Graph API behaves.
 *
 * @param leads              total leads across all forms (default 5000; up to a few million)
 * @param faults             fault spec, see {@link SampleFaults} (null or blank = none)
 * @param latencyMs          added to every request, server side
 * @param seed               data seed (default 42): same seed and lead total give the same data
 * @param appSecret          when not null every request must carry a correct {@code appsecret_proof}
 * @param maxPageSize        the server cap on {@code limit} (default 1000); larger limits are capped silently
 * @param port               0 = a random free port
 * @param cursor             how /leads pages are addressed (default {@link Cursor#KEYSET})
 * @param arrivals           new leads that arrive in a form at each request for its leads, as if people submitted
 *                           while a client pages: the n-th request of a form brings {@code arrivals[n % size]}
 *                           (default none); e.g. {@code [25, 25, 25, 25, 5]} gives bursts in which whole pages repeat
 * @param trickle            new leads per minute that arrive over time in the ACTIVE forms, in turn, as people submit
 *                           (0 = none, the default): the demo shows auto-sync with it ({@link SampleTrickle})
 */
public record SampleOptions(int leads, String faults, int latencyMs, long seed, String appSecret, int maxPageSize,
                            int port, Cursor cursor, List<Integer> arrivals, double trickle) {

    /** The paging cursors of /leads. */
    public enum Cursor {
        /** created_time + id of the last lead served: pages never shift (what Graph does for most forms). */
        KEYSET,
        /**
         * How many of the newest leads come before the page: a lead that arrives while a client pages pushes every
         * later page down, so pages repeat leads already served (what some servers do under load).
         */
        OFFSET;

        /** {@code keyset} or {@code offset} (any case). */
        public static Cursor parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("the cursor must be keyset or offset, not " + s, e);
            }
        }
    }

    public SampleOptions {
        if (leads < 0) {
            throw new IllegalArgumentException("leads must be >= 0: " + leads);
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must be >= 0: " + latencyMs);
        }
        if (maxPageSize < 1) {
            throw new IllegalArgumentException("maxPageSize must be >= 1: " + maxPageSize);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        arrivals = arrivals == null ? List.of() : List.copyOf(arrivals);
        for (int a : arrivals) {
            if (a < 0) {
                throw new IllegalArgumentException("arrivals must be >= 0: " + arrivals);
            }
        }
        cursor = cursor == null ? Cursor.KEYSET : cursor;
        if (!(trickle >= 0 && trickle <= MAX_TRICKLE)) {
            throw new IllegalArgumentException("the trickle must be between 0 and " + (int) MAX_TRICKLE
                    + " leads a minute: " + trickle);
        }
        SampleFaults.parse(faults); // fail early on a bad spec
    }

    /** The most leads a minute {@link #trickle()} takes. */
    public static final double MAX_TRICKLE = 10_000;

    /** Without a trickle. */
    public SampleOptions(int leads, String faults, int latencyMs, long seed, String appSecret, int maxPageSize,
                         int port, Cursor cursor, List<Integer> arrivals) {
        this(leads, faults, latencyMs, seed, appSecret, maxPageSize, port, cursor, arrivals, 0);
    }

    /** Keyset cursors and no arrivals. */
    public SampleOptions(int leads, String faults, int latencyMs, long seed, String appSecret, int maxPageSize,
                         int port) {
        this(leads, faults, latencyMs, seed, appSecret, maxPageSize, port, Cursor.KEYSET, List.of(), 0);
    }

    public static SampleOptions defaults() {
        return new SampleOptions(5000, null, 0, 42L, null, 1000, 0, Cursor.KEYSET, List.of(), 0);
    }

    public SampleOptions withLeads(int v) {
        return new SampleOptions(v, faults, latencyMs, seed, appSecret, maxPageSize, port, cursor, arrivals, trickle);
    }

    public SampleOptions withFaults(String v) {
        return new SampleOptions(leads, v, latencyMs, seed, appSecret, maxPageSize, port, cursor, arrivals, trickle);
    }

    public SampleOptions withLatencyMs(int v) {
        return new SampleOptions(leads, faults, v, seed, appSecret, maxPageSize, port, cursor, arrivals, trickle);
    }

    public SampleOptions withSeed(long v) {
        return new SampleOptions(leads, faults, latencyMs, v, appSecret, maxPageSize, port, cursor, arrivals, trickle);
    }

    public SampleOptions withAppSecret(String v) {
        return new SampleOptions(leads, faults, latencyMs, seed, v, maxPageSize, port, cursor, arrivals, trickle);
    }

    public SampleOptions withMaxPageSize(int v) {
        return new SampleOptions(leads, faults, latencyMs, seed, appSecret, v, port, cursor, arrivals, trickle);
    }

    public SampleOptions withPort(int v) {
        return new SampleOptions(leads, faults, latencyMs, seed, appSecret, maxPageSize, v, cursor, arrivals, trickle);
    }

    public SampleOptions withCursor(Cursor v) {
        return new SampleOptions(leads, faults, latencyMs, seed, appSecret, maxPageSize, port, v, arrivals, trickle);
    }

    /** New leads per request for a form's leads, cycling through the values (none: no arrivals). */
    public SampleOptions withArrivals(int... perRequest) {
        List<Integer> v = new ArrayList<>(perRequest.length);
        for (int n : perRequest) {
            v.add(n);
        }
        return new SampleOptions(leads, faults, latencyMs, seed, appSecret, maxPageSize, port, cursor, v, trickle);
    }

    /** {@code 25,25,25,25,5} (what {@code sample-server --arrivals} takes) into the list of arrivals. */
    public static List<Integer> parseArrivals(String spec) {
        List<Integer> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String part : spec.split(",")) {
            try {
                int n = Integer.parseInt(part.trim());
                if (n < 0) {
                    throw new NumberFormatException();
                }
                out.add(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("arrivals must be whole numbers of 0 or more separated by commas, not "
                        + spec, e);
            }
        }
        return out;
    }

    public SampleOptions withArrivals(List<Integer> perRequest) {
        return new SampleOptions(leads, faults, latencyMs, seed, appSecret, maxPageSize, port, cursor, perRequest, trickle);
    }

    /** {@code n} new leads a minute arrive over time (0 = none); see {@link SampleTrickle}. */
    public SampleOptions withTrickle(double perMinute) {
        return new SampleOptions(leads, faults, latencyMs, seed, appSecret, maxPageSize, port, cursor, arrivals, perMinute);
    }

    /**
     * What {@code sample-server --trickle} takes: {@code N/min} or {@code N/h} (N a number, may have decimals; a
     * bare N is per minute) into leads a minute.
     */
    public static double parseTrickle(String spec) {
        if (spec == null || spec.isBlank()) {
            return 0;
        }
        String s = spec.strip().toLowerCase(Locale.ROOT);
        double per = 1;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            String unit = s.substring(slash + 1).strip();
            per = switch (unit) {
                case "min", "m", "minute" -> 1;
                case "h", "hour" -> 60;
                default -> throw new IllegalArgumentException("the trickle must be N/min or N/h, not " + spec);
            };
            s = s.substring(0, slash).strip();
        }
        double n;
        try {
            n = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the trickle must be N/min or N/h, not " + spec, e);
        }
        if (!(n >= 0)) {
            throw new IllegalArgumentException("the trickle must be N/min or N/h, not " + spec);
        }
        return n / per;
    }

    /** Masks the app secret. */
    @Override
    public String toString() {
        return "SampleOptions[leads=" + leads + ", faults=" + faults + ", latencyMs=" + latencyMs + ", seed=" + seed
                + ", appSecret=" + (appSecret == null ? "none" : "***") + ", maxPageSize=" + maxPageSize
                + ", port=" + port + ", cursor=" + cursor + ", arrivals=" + arrivals + ", trickle=" + trickle + "]";
    }
}
