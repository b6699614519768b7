package io.leaddesk.sample;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection of the sample Graph API ({@link SampleFaults}): one roll of the seeded dice per /leads or
 * /leadgen_forms request (after the token checks) decides between a transient error, a rate limit, a truncated
 * body or a normal answer; {@code badleads} marks leads that Meta would send malformed, the same ones on every
 * request; {@code usage} is reported by the HTTP plumbing.
 */
final class SampleFaultInjector {
    /** How a malformed lead is broken. */
    enum BadLead { NONE, NO_ID, NO_CREATED_TIME, BAD_CREATED_TIME }

    private final SampleFaults faults;
    private final Random dice;
    private final AtomicInteger truncations = new AtomicInteger();

    SampleFaultInjector(SampleFaults faults) {
        this.faults = faults;
        this.dice = new Random(faults.seed());
    }

    SampleFaults faults() {
        return faults;
    }

    /** Throws the injected Graph error, or marks the request for truncation, or does nothing. */
    void roll(SampleRequest req, String pageId) {
        if (!faults.any()) {
            return;
        }
        double u;
        synchronized (dice) {
            u = dice.nextDouble();
        }
        if (u < faults.transientRate()) {
            throw GraphError.transientError();
        }
        u -= faults.transientRate();
        if (u < faults.rateLimitRate()) {
            throw GraphError.rateLimited(pageId);
        }
        u -= faults.rateLimitRate();
        if (u < faults.truncateRate()) {
            req.truncate = true;
        }
    }

    /**
     * Whether lead {@code index} of the form is served malformed, and how: decided by a hash of (form, index,
     * fault seed), so a bad lead is bad on every request and never becomes good.
     */
    BadLead badLead(SampleForm form, int index) {
        if (faults.badLeadRate() <= 0) {
            return BadLead.NONE;
        }
        long h = Json.mix(form.leadIdNumber(index) * 0x9E3779B97F4A7C15L + faults.seed());
        double u = (h >>> 11) * 0x1.0p-53;
        if (u >= faults.badLeadRate()) {
            return BadLead.NONE;
        }
        return switch ((int) Long.remainderUnsigned(h, 3)) {
            case 0 -> BadLead.NO_ID;
            case 1 -> BadLead.NO_CREATED_TIME;
            default -> BadLead.BAD_CREATED_TIME;
        };
    }

    /**
     * Sends half of {@code bytes}: alternately the full Content-Length is declared and the connection dropped (the
     * caller's {@code ex.close()} finds bytes missing: the client sees an unexpected end of stream), or the answer is
     * chunked and ends cleanly after half the body (a complete 200 response with malformed JSON).
     */
    void writeTruncated(HttpExchange ex, int status, byte[] bytes) throws IOException {
        if (truncations.getAndIncrement() % 2 == 0) {
            ex.sendResponseHeaders(status, bytes.length);
            OutputStream os = ex.getResponseBody();
            os.write(bytes, 0, bytes.length / 2);
            os.flush();
        } else {
            ex.sendResponseHeaders(status, 0);
            OutputStream os = ex.getResponseBody();
            os.write(bytes, 0, bytes.length / 2);
            os.close();
        }
    }
}
