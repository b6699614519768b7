package io.leaddesk.cli;

import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.store.StoreException;

/** The command line's exit codes: a contract scripts rely on. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int USAGE = 2;
    public static final int TOKEN = 3;
    public static final int GRAPH = 4;
    public static final int STORAGE = 5;

    private ExitCode() {
    }

    public static int of(GraphErrorKind kind) {
        if (kind == null) {
            return GRAPH;
        }
        return switch (kind) {
            case TOKEN, PERMISSION -> TOKEN;
            default -> GRAPH;
        };
    }

    public static int of(Throwable t) {
        if (t instanceof GraphException g) {
            return of(g.kind());
        }
        if (t instanceof StoreException) {
            return STORAGE;
        }
        if (t instanceof CliException c) {
            return c.exitCode();
        }
        return UNEXPECTED;
    }
}
