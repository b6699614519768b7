package io.leaddesk.i18n;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Pseudo-localisation: every letter of a message's own text accented (Sync → Šýñç) and the text made about 40 %
 * longer, between brackets; arguments, plural selectors and {@code #} stay as they are, so the pattern still formats.
 * Run with it, a cut-off label shows a missing bracket, and a string that is still plain English was not read from
 * the bundles.
 */
public final class PseudoText {
    private static final String FROM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String TO = "àƀçðéƒĝĥíĵķļṁñóṗʠŕšţúṽŵẋýžÀƁÇÐÉƑĜĤÍĴĶĻṀÑÓṖɊŔŠŢÚṼŴẊÝŽ";
    /** What the longer text is padded with. */
    private static final String PAD = "·ẋ";
    public static final char OPEN = '[';
    public static final char CLOSE = ']';

    private PseudoText() {
    }

    /** The English bundle with every value pseudo-localised. */
    public static ResourceBundle wrap(ResourceBundle english) {
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return english.containsKey(key) ? pseudo(english.getString(key)) : null;
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.enumeration(english.keySet());
            }

            @Override
            public Locale getLocale() {
                return Language.PSEUDO;
            }
        };
    }

    /** Whether a character is one that {@link #pseudo} writes instead of a plain letter. */
    public static boolean isPseudoLetter(char c) {
        return TO.indexOf(c) >= 0;
    }

    /** One message pattern, pseudo-localised. */
    public static String pseudo(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() * 2);
        int[] letters = {0};
        out.append(OPEN);
        message(pattern, 0, pattern.length(), out, letters);
        int pad = (int) Math.ceil(letters[0] * 0.4);
        if (pad > 0) {
            out.append(' ');
            for (int i = 0; i < pad - 1; i++) {
                out.append(PAD.charAt(i % PAD.length()));
            }
        }
        out.append(CLOSE);
        return out.toString();
    }

    /** Text of a message from {@code from} to {@code to}: letters accented, {...} arguments handed to {@link #argument}. */
    private static void message(String p, int from, int to, StringBuilder out, int[] letters) {
        int i = from;
        while (i < to) {
            char c = p.charAt(i);
            if (c == '{') {
                int end = matching(p, i);
                argument(p, i, end, out, letters);
                i = end + 1;
            } else {
                int k = FROM.indexOf(c);
                if (k >= 0) {
                    out.append(TO.charAt(k));
                    letters[0]++;
                } else {
                    out.append(c);
                }
                i++;
            }
        }
    }

    /** An argument {@code {name, type, style}}: plural/select branches are messages again, the rest is copied. */
    private static void argument(String p, int open, int close, StringBuilder out, int[] letters) {
        String body = p.substring(open + 1, close);
        int c1 = body.indexOf(',');
        String type = c1 < 0 ? "" : body.substring(c1 + 1, nextComma(body, c1 + 1)).strip();
        if (!(type.equals("plural") || type.equals("select") || type.equals("selectordinal"))) {
            out.append(p, open, close + 1);
            return;
        }
        int styleStart = open + 1 + nextComma(body, c1 + 1) + 1;
        out.append(p, open, styleStart);
        int i = styleStart;
        while (i < close) {
            char c = p.charAt(i);
            if (c == '{') {
                int end = matching(p, i);
                out.append('{');
                message(p, i + 1, end, out, letters);
                out.append('}');
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        out.append('}');
    }

    private static int nextComma(String s, int from) {
        int k = s.indexOf(',', from);
        return k < 0 ? s.length() : k;
    }

    private static int matching(String p, int open) {
        int depth = 0;
        for (int i = open; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced braces in a message pattern");
    }
}
