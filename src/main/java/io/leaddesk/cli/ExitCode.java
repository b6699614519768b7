package io.leaddesk.cli;

import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.model.FailureKind;
import io.leaddesk.model.LeadDeskException;

/**
 * The command line's exit codes: a contract scripts rely on. The one place where a failure's {@link FailureKind}
 * becomes an exit code.
 */
public final class ExitCode {
    public static final int OK = 0;
    /** A bug: a failure nobody raised on purpose. */
    public static final int UNEXPECTED = 1;
    /** Usage or bad input: an option, a variable, a file name. */
    public static final int USAGE = 2;
    /** The token or a permission. */
    public static final int TOKEN = 3;
    /** The Graph API or the network (and results left incomplete by them). */
    public static final int GRAPH = 4;
    /** The local cache, a file on this computer, or the output. */
    public static final int STORAGE = 5;
    /** Stopped with Ctrl+C (128 + SIGINT). */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }

    public static int of(FailureKind kind) {
        if (kind == null) {
            return UNEXPECTED;
        }
        return switch (kind) {
            case INPUT -> USAGE;
            case ACCESS -> TOKEN;
            case REMOTE -> GRAPH;
            case STORAGE -> STORAGE;
            case BUG -> UNEXPECTED;
        };
    }

    /** The exit code of a Graph failure kind: the same as that of {@link GraphException#failureKind(GraphErrorKind)}. */
    public static int of(GraphErrorKind kind) {
        return of(GraphException.failureKind(kind));
    }

    public static int of(Throwable t) {
        if (t instanceof LeadDeskException e) {
            return of(e.failureKind());
        }
        if (t instanceof java.io.UncheckedIOException) {
            return STORAGE;
        }
        return UNEXPECTED;
    }

    /** The failure kind an exit code from 1 to 5 stands for (BUG for any other). */
    static FailureKind kindOf(int exitCode) {
        return switch (exitCode) {
            case USAGE -> FailureKind.INPUT;
            case TOKEN -> FailureKind.ACCESS;
            case GRAPH -> FailureKind.REMOTE;
            case STORAGE -> FailureKind.STORAGE;
            default -> FailureKind.BUG;
        };
    }
}
