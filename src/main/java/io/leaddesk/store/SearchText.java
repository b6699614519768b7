package io.leaddesk.store;

import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The full-text side of the cache: what text of a lead is indexed, and how a user's search box text becomes a
 * safe FTS5 query. Words are split the way SQLite's unicode61 tokenizer splits them (letters, digits and private-use
 * characters are word characters, everything else separates), so user text can never produce FTS syntax.
 */
final class SearchText {

    /** Same word characters as unicode61's default categories "L* N* Co". */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{Co}]+");
    private static final int MAX_WORDS = 24;

    private SearchText() {
    }

    /** The indexed text of a lead: every answer value, the contact columns, a digits-only phone, ad names and the id. */
    static String of(Lead lead, String name, String email, String phone) {
        StringBuilder sb = new StringBuilder(256);
        for (FieldAnswer a : lead.fieldData()) {
            for (String v : a.values()) {
                append(sb, v);
            }
        }
        // name, email and phone are answers already indexed above; only a digits-only phone is added
        if (phone != null && !phone.isEmpty()) {
            append(sb, digits(phone)); // "+380 67 123" is also found by "38067"
        }
        append(sb, lead.campaignName());
        append(sb, lead.adsetName());
        append(sb, lead.adName());
        append(sb, lead.id());
        return normalize(sb.toString());
    }

    /**
     * The FTS5 MATCH expression for a search box text: every word quoted, prefix-matched and AND-ed;
     * null when the text has no words (no restriction).
     */
    static String toMatch(String userText) {
        if (userText == null || userText.isBlank()) {
            return null;
        }
        Matcher m = WORD.matcher(normalize(userText));
        List<String> terms = new ArrayList<>();
        while (m.find() && terms.size() < MAX_WORDS) {
            terms.add('"' + m.group() + "\"*");
        }
        if (terms.isEmpty()) {
            return null;
        }
        // digits typed with separators ("+380 67 12") also try the digits-only phone token
        String joined = String.join(" AND ", terms);
        String d = digits(userText);
        if (terms.size() > 1 && d.length() >= 4 && onlyPhoneChars(userText)) {
            return "(" + joined + ") OR \"" + d + "\"*";
        }
        return joined;
    }

    /** The words of a text as the index compares them: split like unicode61, lower case, accents removed. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        Matcher m = WORD.matcher(normalize(text));
        while (m.find() && out.size() < MAX_WORDS) {
            out.add(fold(m.group()));
        }
        return out;
    }

    /** Whether every one of {@code words} ({@link #words}) is the start of a word of {@code text}. */
    static boolean matchesWords(String text, List<String> words) {
        if (text == null || words.isEmpty()) {
            return false;
        }
        List<String> have = new ArrayList<>();
        Matcher m = WORD.matcher(normalize(text));
        while (m.find()) {
            have.add(fold(m.group()));
        }
        for (String w : words) {
            boolean found = false;
            for (String h : have) {
                if (h.startsWith(w)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Lower case without accents ("Müller" = "muller", "Олена" = "олена"), as remove_diacritics does for Latin. */
    private static String fold(String word) {
        String d = Normalizer.normalize(word, Normalizer.Form.NFD);
        return MARKS.matcher(d).replaceAll("").toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean onlyPhoneChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isDigit(c) || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String digits(String s) {
        StringBuilder d = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            }
        }
        return d.toString();
    }

    private static void append(StringBuilder sb, String v) {
        if (v != null && !v.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(v);
        }
    }

    private static String normalize(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
