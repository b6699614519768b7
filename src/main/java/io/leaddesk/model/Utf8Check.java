package io.leaddesk.model;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Whether stored UTF-8 bytes can go to Jackson's byte parser and read exactly as their decoded text would. */
final class Utf8Check {
    private Utf8Check() {
    }

    /**
     * Whether Jackson's byte parser reads these bytes exactly as {@code new String(bytes, UTF_8)} + the char parser
     * would: an object ('{' first, so no byte order mark and no UTF-16/32 guess from zero bytes) whose UTF-8 has none
     * of the ill-formed sequences that the byte parser decodes leniently while String replaces them with U+FFFD
     * (overlong forms, encoded surrogates, code points above U+10FFFF). Other ill-formed bytes make both fail.
     */
    static boolean plainObject(byte[] b) {
        int n = b.length;
        if (n < 4 || b[0] != '{' || b[1] == 0 || b[2] == 0 || b[3] == 0) {
            return false;
        }
        int i = 1;
        // eight bytes at a time: only C0, C1 and E0-FF can start a sequence the two decoders disagree on
        for (; i + 8 <= n; i += 8) {
            long w = (long) LONGS.get(b, i);
            if (!hasZeroByte((w & 0xE0E0E0E0E0E0E0E0L) ^ 0xE0E0E0E0E0E0E0E0L)
                    && !hasZeroByte((w & 0xFEFEFEFEFEFEFEFEL) ^ 0xC0C0C0C0C0C0C0C0L)) {
                continue;
            }
            for (int j = i; j < i + 8; j++) {
                if (!wellFormedAt(b, j)) {
                    return false;
                }
            }
        }
        for (; i < n; i++) {
            if (!wellFormedAt(b, i)) {
                return false;
            }
        }
        return true;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static boolean hasZeroByte(long v) {
        return ((v - 0x0101010101010101L) & ~v & 0x8080808080808080L) != 0;
    }

    /** False when byte {@code i} starts a sequence Jackson's byte parser accepts but String decoding replaces. */
    private static boolean wellFormedAt(byte[] b, int i) {
        int x = b[i] & 0xFF;
        if (x < 0xC0) {
            return true; // ASCII, or a continuation byte (the byte parser checks those)
        }
        if (x < 0xC2) {
            return false; // overlong 2-byte form
        }
        if (x < 0xE0) {
            return true;
        }
        int next = i + 1 < b.length ? b[i + 1] & 0xFF : 0;
        return !(x == 0xE0 ? next < 0xA0 : x == 0xED ? next >= 0xA0 : x == 0xF0 ? next < 0x90 : x == 0xF4 ? next >= 0x90 : x > 0xF4);
    }
}
