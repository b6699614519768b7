package io.leaddesk.model;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Question and checkbox keys repeat on every lead of a form: the current string token as a String shared by every
 * lead with that key (no copy per lead, and its hash code, which exports look keys up by, is computed once; an export
 * also skips re-checking a key it saw at the same position by identity). A small table of recent keys; races between
 * threads only lose an entry (Strings are immutable).
 */
final class SharedKeys {
    private SharedKeys() {
    }

    private static final String[] KEYS = new String[512];

    static String of(JsonParser p) throws IOException {
        char[] buf = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + buf[off + i];
        }
        int slot = (h ^ (h >>> 12)) & (KEYS.length - 1);
        String k = KEYS[slot];
        if (k != null && k.length() == len && k.hashCode() == h && sameChars(k, buf, off, len)) {
            return k;
        }
        k = new String(buf, off, len);
        KEYS[slot] = k;
        return k;
    }

    private static boolean sameChars(String s, char[] buf, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }
}
