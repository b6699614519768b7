package io.leaddesk.cli;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Text from strangers (lead answers, Page and form names, Graph messages) made safe for a terminal: control
 * characters that would move the cursor, retitle the window or clear the screen, and the bidi controls that reorder
 * what is shown, become visible escapes ({@code \e}, {@code \x07}, {@code \u009B}, {@code \u202E}). Everything else,
 * Cyrillic, Arabic or emoji, stays as it is. JSON output never goes through here: it must stay exact, and JSON
 * escapes these characters itself.
 */
final class TerminalText {
    private TerminalText() {
    }

    /** One table cell or one line: tabs and line breaks become spaces, other controls visible escapes. */
    static String cell(String s) {
        return escape(s, false);
    }

    /** Free text of several lines: tabs and line breaks ({@code \n}, {@code \r\n}) stay, a lone CR and other controls are escaped. */
    static String text(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean lines) {
        if (s == null) {
            return "";
        }
        if (isPlain(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n') {
                sb.append(lines ? c : ' ');
            } else if (c == '\r') {
                boolean crlf = i + 1 < s.length() && s.charAt(i + 1) == '\n';
                if (!lines) {
                    sb.append(' ');
                    if (crlf) {
                        i++; // one space for the line break, not two
                    }
                } else if (crlf) {
                    sb.append(c);
                } else {
                    sb.append("\\r");
                }
            } else if (unsafe(c)) {
                appendEscape(sb, c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isPlain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || unsafe(c)) {
                return false;
            }
        }
        return true;
    }

    /** C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates. */
    static boolean unsafe(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static void appendEscape(StringBuilder sb, int c) {
        if (c == 0x1B) {
            sb.append("\\e");
        } else if (c <= 0x7F) {
            sb.append(String.format("\\x%02X", c));
        } else {
            sb.append(String.format("\\u%04X", c));
        }
    }

    /**
     * A stream that applies {@link #text(String)} to the UTF-8 bytes written through it, for everything the command
     * line prints on stderr (progress, warnings, failures), whoever prints it.
     */
    static OutputStream guard(OutputStream out) {
        return new Guard(out);
    }

    private static final class Guard extends FilterOutputStream {
        /** Bytes of a character not decided yet: C2 (maybe C1), E2, E2 80, E2 81 (maybe bidi). */
        private final byte[] held = new byte[2];
        private int heldCount;
        private boolean pendingCr;
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(256);

        Guard(OutputStream out) {
            super(out);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            accept(b & 0xFF);
            drain();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                accept(b[i] & 0xFF);
            }
            drain();
        }

        private void drain() throws IOException {
            if (buf.size() > 0) {
                out.write(buf.toByteArray());
                buf.reset();
            }
        }

        private void accept(int b) {
            if (pendingCr) {
                pendingCr = false;
                if (b == '\n') {
                    buf.write('\r');
                    buf.write('\n');
                    return;
                }
                ascii("\\r");
            }
            if (heldCount > 0 && continueHeld(b)) {
                return;
            }
            if (b == '\n' || b == '\t') {
                buf.write(b);
            } else if (b == '\r') {
                pendingCr = true;
            } else if (b < 0x20 || b == 0x7F) {
                StringBuilder sb = new StringBuilder();
                appendEscape(sb, b);
                ascii(sb.toString());
            } else if (b == 0xC2 || b == 0xE2) {
                held[0] = (byte) b;
                heldCount = 1;
            } else {
                buf.write(b);
            }
        }

        /** True when {@code b} was taken as part of the held character; otherwise the held bytes are released. */
        private boolean continueHeld(int b) {
            int first = held[0] & 0xFF;
            if (heldCount == 1 && first == 0xC2) {
                heldCount = 0;
                if (b >= 0x80 && b <= 0x9F) {
                    escapeChar(b); // U+0080..U+009F
                    return true;
                }
                buf.write(first);
                return false;
            }
            if (heldCount == 1) { // E2
                if (b == 0x80 || b == 0x81) {
                    held[1] = (byte) b;
                    heldCount = 2;
                    return true;
                }
                heldCount = 0;
                buf.write(first);
                return false;
            }
            int second = held[1] & 0xFF;
            heldCount = 0;
            int c = 0x2000 | ((second & 0x3F) << 6) | (b & 0x3F);
            if (b >= 0x80 && b <= 0xBF && unsafe(c)) {
                escapeChar(c);
                return true;
            }
            buf.write(first);
            buf.write(second);
            return false;
        }

        private void escapeChar(int c) {
            StringBuilder sb = new StringBuilder();
            appendEscape(sb, c);
            ascii(sb.toString());
        }

        private void ascii(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
            buf.write(bytes, 0, bytes.length);
        }

        @Override
        public synchronized void close() throws IOException {
            for (int i = 0; i < heldCount; i++) {
                buf.write(held[i]);
            }
            heldCount = 0;
            if (pendingCr) {
                pendingCr = false;
                ascii("\\r");
            }
            drain();
            super.close();
        }
    }
}
