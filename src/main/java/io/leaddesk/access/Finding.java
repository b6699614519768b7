package io.leaddesk.access;

import java.util.List;
import java.util.Objects;

/**
 * One problem the access doctor found: a stable {@link FindingCode}, what is wrong ({@code message}) and what to do
 * and where in Meta ({@code fix}), each one English sentence; the app renders the same from its bundles with
 * {@code messageKey} / {@code fixKey} and {@code args}. {@code pageId} is set for a Page's finding, {@code permission}
 * for permission findings. A {@code blocking} finding keeps leads from being read; others (expires soon, terms) warn.
 */
public record Finding(FindingCode code, String message, String fix, String messageKey, String fixKey, List<Object> args,
                      String pageId, String permission, boolean blocking) {
    public Finding {
        Objects.requireNonNull(code, "code");
        args = args == null ? List.of() : List.copyOf(args);
    }

    /**
     * Both halves as one sentence, e.g. "Your role on the Page X (ANALYZE) cannot read leads; ask a Page admin to
     * ...": what a sync says for a blocked Page.
     */
    public String sentence() {
        String m = message.strip();
        while (m.endsWith(".")) {
            m = m.substring(0, m.length() - 1);
        }
        String f = fix.strip();
        if (f.length() > 1 && Character.isUpperCase(f.charAt(0)) && Character.isLowerCase(f.charAt(1))) {
            f = Character.toLowerCase(f.charAt(0)) + f.substring(1);
        }
        return m + "; " + f;
    }
}
