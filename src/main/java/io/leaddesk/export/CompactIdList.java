package io.leaddesk.export;

import java.nio.charset.StandardCharsets;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An append-only list of lead ids kept as length-prefixed UTF-8 bytes in 1 MB chunks: about 18 bytes per typical
 * 16-digit id instead of ~60 for a String, so the history of a 1,000,000-lead export costs ~18 MB, not ~60 MB, and is
 * still recorded as ONE export by a single {@code recordExport} call. Iterable any number of times. Not thread-safe.
 */
final class CompactIdList extends AbstractCollection<String> {

    private static final int CHUNK = 1 << 20;
    private final List<byte[]> chunks = new ArrayList<>();
    private final List<Integer> used = new ArrayList<>();
    private byte[] current;
    private int pos;
    private int size;

    @Override
    public boolean add(String id) {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        if (b.length > 0xFFFF) {
            throw new IllegalArgumentException("lead id too long");
        }
        if (current == null || pos + 2 + b.length > current.length) {
            if (current != null) {
                used.set(used.size() - 1, pos);
            }
            current = new byte[Math.max(CHUNK, b.length + 2)];
            chunks.add(current);
            used.add(0);
            pos = 0;
        }
        current[pos++] = (byte) (b.length >>> 8);
        current[pos++] = (byte) b.length;
        System.arraycopy(b, 0, current, pos, b.length);
        pos += b.length;
        used.set(used.size() - 1, pos);
        size++;
        return true;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<String> iterator() {
        return new Iterator<>() {
            private int chunk;
            private int at;
            private int returned;

            @Override
            public boolean hasNext() {
                return returned < size;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                while (at >= used.get(chunk)) {
                    chunk++;
                    at = 0;
                }
                byte[] c = chunks.get(chunk);
                int len = (c[at] & 0xFF) << 8 | (c[at + 1] & 0xFF);
                String s = new String(c, at + 2, len, StandardCharsets.UTF_8);
                at += 2 + len;
                returned++;
                return s;
            }
        };
    }
}
