package io.leaddesk.ui.detail;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which words of a text the search box matched, so the lead detail can mark them. Words match as the search matches
 * them: every word of the search is the start of a word of the text, ignoring case and accents ("mull" marks
 * "Müller", "олен" marks "Олена"); the whole matched word is marked. Pure Java.
 */
public final class Highlight {
    /** A piece of a text, marked or not. */
    public record Segment(String text, boolean hit) { }

    public static final Highlight NONE = new Highlight(List.of());

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{Co}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final List<String> words;

    private Highlight(List<String> words) {
        this.words = words;
    }

    /** The words of a search box text (none for blank text). */
    public static Highlight of(String search) {
        if (search == null || search.isBlank()) {
            return NONE;
        }
        List<String> w = new ArrayList<>();
        Matcher m = WORD.matcher(search);
        while (m.find()) {
            w.add(fold(m.group()));
        }
        return w.isEmpty() ? NONE : new Highlight(List.copyOf(w));
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** Whether any word of {@code text} is marked. */
    public boolean matches(String text) {
        return split(text).stream().anyMatch(Segment::hit);
    }

    /** {@code text} cut into marked and unmarked pieces (one unmarked piece when nothing matches). */
    public List<Segment> split(String text) {
        List<Segment> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        if (words.isEmpty()) {
            out.add(new Segment(text, false));
            return out;
        }
        Matcher m = WORD.matcher(text);
        int at = 0;
        while (m.find()) {
            if (hit(fold(m.group()))) {
                if (m.start() > at) {
                    out.add(new Segment(text.substring(at, m.start()), false));
                }
                out.add(new Segment(m.group(), true));
                at = m.end();
            }
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), false));
        }
        return out;
    }

    private boolean hit(String folded) {
        for (String w : words) {
            if (folded.startsWith(w)) {
                return true;
            }
        }
        return false;
    }

    private static String fold(String word) {
        String d = Normalizer.normalize(word, Normalizer.Form.NFD);
        return MARKS.matcher(d).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
