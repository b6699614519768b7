package io.leaddesk.ui;

import io.leaddesk.graph.GraphException;
import io.leaddesk.store.StoreException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns failures into one plain sentence for the user (what happened, what to do). Never includes a token. */
public final class ErrorText {
    private final Messages m;

    public ErrorText(Messages m) {
        this.m = m;
    }

    public String describe(Throwable t) {
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof GraphException g) {
            return switch (g.kind()) {
                case TOKEN -> switch (g.subcode()) {
                    case 463 -> m.get("error.token.expired");
                    case 460 -> m.get("error.token.passwordChanged");
                    default -> m.get("error.token.invalid");
                };
                case PERMISSION -> g.missingPermission() == null || g.missingPermission().isBlank()
                        ? m.format("error.permission.unknown", safe(g.getMessage()))
                        : m.format("error.permission", g.missingPermission());
                case NETWORK -> m.get("error.network");
                case RATE_LIMIT -> m.get("error.rateLimit");
                case NOT_FOUND -> m.format("error.notFound", safe(g.getMessage()));
                default -> m.format("error.graph", safe(g.getMessage()));
            };
        }
        if (t instanceof StoreException s) {
            return m.format("error.store", safe(s.getMessage()));
        }
        return m.format("error.unexpected", t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
    }

    private static String safe(String s) {
        return s == null ? "" : s;
    }
}
