package io.leaddesk.graph;

import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a response body as UTF-8 text, at most {@code limit} bytes: a body that declares or turns out to be larger
 * is refused with {@link TooLarge} as soon as the limit is passed, so an answer without an end cannot fill the heap.
 */
final class BoundedBody {
    private static final int FIRST_BUFFER = 16 * 1024;

    private BoundedBody() {
    }

    /** The body was larger than the limit. */
    static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    static String read(ResponseBody body, long limit) throws IOException, TooLarge {
        if (body == null) {
            return "";
        }
        long declared = body.contentLength();
        if (declared > limit) {
            throw new TooLarge();
        }
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, limit + 1); // one byte more than allowed tells "too large"
        byte[] buf = new byte[(int) Math.min(cap, declared >= 0 ? Math.max(declared, 1) : FIRST_BUFFER)];
        int n = 0;
        try (InputStream in = body.byteStream()) {
            while (true) {
                if (n == buf.length) {
                    if (buf.length >= cap) {
                        throw new TooLarge();
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(cap, Math.max(FIRST_BUFFER, (long) buf.length * 2)));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
                if (n > limit) {
                    throw new TooLarge();
                }
            }
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }
}
