package io.leaddesk.sample;

/**
 * How the sample Graph API behaves.
 *
 * @param leads       total leads across all forms (default 5000; up to a few million)
 * @param faults      fault spec, see {@link SampleFaults} (null or blank = none)
 * @param latencyMs   added to every request, server side
 * @param seed        data seed (default 42): same seed and lead total give the same data
 * @param appSecret   when not null every request must carry a correct {@code appsecret_proof}
 * @param maxPageSize the server cap on {@code limit} (default 1000); larger limits are capped silently
 * @param port        0 = a random free port
 */
public record SampleOptions(int leads, String faults, int latencyMs, long seed, String appSecret, int maxPageSize,
                            int port) {

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
        SampleFaults.parse(faults); // fail early on a bad spec
    }

    public static SampleOptions defaults() {
        return new SampleOptions(5000, null, 0, 42L, null, 1000, 0);
    }

    public SampleOptions withLeads(int v) {
        return new SampleOptions(v, faults, latencyMs, seed, appSecret, maxPageSize, port);
    }

    public SampleOptions withFaults(String v) {
        return new SampleOptions(leads, v, latencyMs, seed, appSecret, maxPageSize, port);
    }

    public SampleOptions withLatencyMs(int v) {
        return new SampleOptions(leads, faults, v, seed, appSecret, maxPageSize, port);
    }

    public SampleOptions withSeed(long v) {
        return new SampleOptions(leads, faults, latencyMs, v, appSecret, maxPageSize, port);
    }

    public SampleOptions withAppSecret(String v) {
        return new SampleOptions(leads, faults, latencyMs, seed, v, maxPageSize, port);
    }

    public SampleOptions withMaxPageSize(int v) {
        return new SampleOptions(leads, faults, latencyMs, seed, appSecret, v, port);
    }

    public SampleOptions withPort(int v) {
        return new SampleOptions(leads, faults, latencyMs, seed, appSecret, maxPageSize, v);
    }

    /** Masks the app secret. */
    @Override
    public String toString() {
        return "SampleOptions[leads=" + leads + ", faults=" + faults + ", latencyMs=" + latencyMs + ", seed=" + seed
                + ", appSecret=" + (appSecret == null ? "none" : "***") + ", maxPageSize=" + maxPageSize
                + ", port=" + port + "]";
    }
}
