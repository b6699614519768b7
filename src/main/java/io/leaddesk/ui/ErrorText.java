package io.leaddesk.ui;

import io.leaddesk.graph.GraphException;
import io.leaddesk.i18n.Language;
import io.leaddesk.model.LeadDeskException;
import java.util.regex.Pattern;

/**
 * The one place where the app turns a failure into the sentence the user reads (what happened, what to do).
 * A deliberate failure ({@link LeadDeskException}) is shown by its {@link LeadDeskException#failureKind() kind}: with
 * its translated {@link LeadDeskException#messageKey() message key} when it has one, in Graph's own words where those
 * depend on {@link GraphException#kind()}, else with its own sentence. Anything else is a bug, shown as one sentence
 * that asks for the diagnostics. Never a token, a Java class or exception name, or a stack trace.
 */
public final class ErrorText {
    /** A Java class or exception name: {@code IOException}, {@code java.lang.IllegalStateException}, {@code org.sqlite.X}. */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b[A-Z][A-Za-z0-9]*(?:Exception|Error|Throwable)\\b|\\b(?:java|javax|jdk|sun|com|org|io|okhttp3|kotlin)\\.[a-z][\\w$]*\\.[\\w.$]+");
    private static final int MAX_CAUSES = 20;

    private final Messages m;
    /** Whether the app speaks English, the language of a failure's own sentence. */
    private final boolean english;

    public ErrorText(Messages m) {
        this.m = m;
        this.english = "en".equals(m.locale().getLanguage()) && !Language.PSEUDO.equals(m.locale());
    }

    public String describe(Throwable t) {
        LeadDeskException d = deliberate(t);
        if (d == null) {
            return m.get("error.unexpected");
        }
        if (d.messageKey() != null && m.has(d.messageKey())) {
            String s = m.format(d.messageKey(), d.messageArgs().toArray());
            if (isPlain(s)) {
                return s;
            }
        }
        if (d instanceof GraphException g) {
            return graph(g);
        }
        return switch (d.failureKind()) {
            case INPUT -> ownOr(d, m.get("error.input"));
            case ACCESS -> ownOr(d, m.get("error.access"));
            case REMOTE -> ownOr(d, m.get("error.remote"));
            case STORAGE -> ownOr(d, m.get("error.storage"));
            case BUG -> m.get("error.unexpected");
        };
    }

    /** Whether a sentence names no Java class or exception (what the user may read). */
    public static boolean isPlain(String sentence) {
        return sentence != null && !sentence.isBlank() && !CLASS_NAME.matcher(sentence).find();
    }

    /** The deliberate failure in {@code t}'s chain of causes (wrappers such as ExecutionException skipped), or null. */
    private static LeadDeskException deliberate(Throwable t) {
        Throwable c = t;
        for (int i = 0; c != null && i < MAX_CAUSES; i++) {
            if (c instanceof LeadDeskException d) {
                return d;
            }
            c = c.getCause();
        }
        return null;
    }

    private String graph(GraphException g) {
        return switch (g.kind()) {
            case TOKEN -> switch (g.subcode()) {
                case 463 -> m.get("error.token.expired");
                case 460 -> m.get("error.token.passwordChanged");
                default -> m.get("error.token.invalid");
            };
            case PERMISSION -> g.missingPermission() != null && !g.missingPermission().isBlank()
                    ? m.format("error.permission", g.missingPermission())
                    : isPlain(g.getMessage()) ? englishOr(m.format("error.permission.unknown", g.getMessage()), m.get("error.access")) : m.get("error.access");
            case NETWORK -> m.get("error.network");
            case RATE_LIMIT -> m.get("error.rateLimit");
            case NOT_FOUND -> isPlain(g.getMessage()) ? englishOr(m.format("error.notFound", g.getMessage()), m.get("error.remote")) : m.get("error.remote");
            default -> isPlain(g.getMessage()) ? englishOr(m.format("error.graph", g.getMessage()), m.get("error.remote")) : m.get("error.remote");
        };
    }

    /**
     * The failure's own sentence when it is a plain one and the app speaks English (the language of that sentence),
     * else the kind's sentence in the app's language.
     */
    private String ownOr(LeadDeskException d, String kindSentence) {
        return english && isPlain(d.getMessage()) ? d.getMessage() : kindSentence;
    }

    /** An English sentence with Graph's own words in it, only where the app speaks English; else {@code otherwise}. */
    private String englishOr(String sentence, String otherwise) {
        return english ? sentence : otherwise;
    }
}
