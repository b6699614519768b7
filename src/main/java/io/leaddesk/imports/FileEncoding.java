package io.leaddesk.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The text encoding of a lead download, from its first bytes: a byte order mark says it outright (UTF-8; UTF-16 LE,
 * what Meta's {@code export_csv} link gives; UTF-16 BE); without one, text whose every other byte is zero is UTF-16 of
 * that byte order, and anything else is read as UTF-8, strictly: a file in a legacy code page (Windows-1251/1252, as
 * Excel saves "CSV" on some systems) is refused with a sentence rather than imported garbled into the archive.
 *
 * @param bomLength bytes of the byte order mark to skip
 */
record FileEncoding(Charset charset, int bomLength, String label) {

    static final FileEncoding UTF8 = new FileEncoding(StandardCharsets.UTF_8, 0, "UTF-8");
    static final FileEncoding UTF8_BOM = new FileEncoding(StandardCharsets.UTF_8, 3, "UTF-8 with BOM");
    static final FileEncoding UTF16LE_BOM = new FileEncoding(StandardCharsets.UTF_16LE, 2, "UTF-16LE with BOM");
    static final FileEncoding UTF16BE_BOM = new FileEncoding(StandardCharsets.UTF_16BE, 2, "UTF-16BE with BOM");
    static final FileEncoding UTF16LE = new FileEncoding(StandardCharsets.UTF_16LE, 0, "UTF-16LE");
    static final FileEncoding UTF16BE = new FileEncoding(StandardCharsets.UTF_16BE, 0, "UTF-16BE");

    /** The encoding of a file that starts with {@code head[0..n)}. */
    static FileEncoding detect(byte[] head, int n) {
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return UTF8_BOM;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return UTF16LE_BOM;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return UTF16BE_BOM;
        }
        // Without a BOM: Latin letters, digits and punctuation (a header is all ASCII) have one zero byte per code unit in
        // UTF-16, on the odd positions in LE and the even ones in BE; UTF-8 text has no zero byte at all.
        int pairs = n / 2;
        if (pairs >= 2) {
            int zeroEven = 0, zeroOdd = 0;
            for (int i = 0; i + 1 < n; i += 2) {
                if (head[i] == 0) {
                    zeroEven++;
                }
                if (head[i + 1] == 0) {
                    zeroOdd++;
                }
            }
            if (zeroOdd * 10 >= pairs * 3 && zeroEven * 10 < pairs) {
                return UTF16LE;
            }
            if (zeroEven * 10 >= pairs * 3 && zeroOdd * 10 < pairs) {
                return UTF16BE;
            }
        }
        return UTF8;
    }
}
