package io.leaddesk.graph;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The token check at sign-in (the app's sign-in screen, the command line's {@code whoami} and the check every command
 * makes before it works): it never blocks. It runs on the sign-in settings ({@link GraphSettings#forSignIn()}: short
 * timeouts and retry budget, not the sync's long one) and within {@link #LIMIT} in all: when Meta is unreachable
 * (DNS, connection refused, a proxy that does not answer) or silent, the check ends with one sentence whose way on
 * is to check the connection or work offline. It can be cancelled at any moment: the request in flight is cancelled
 * and a {@link CancellationException} comes back at once.
 */
public final class TokenCheck {
    /** The longest a check takes before it answers. */
    public static final Duration LIMIT = Duration.ofSeconds(15);
    static final String OFFLINE_TODO = "check the internet connection or proxy and try again, or work offline with the"
            + " cached leads";

    /** Who the token is and the Pages it reaches. */
    public record Result(TokenInfo who, List<PageInfo> pages) {
        public Result {
            pages = List.copyOf(pages);
        }
    }

    private final GraphClient graph;
    private final Duration limit;
    private final Ticker ticker;

    /** A check on {@code graph}'s address, with the sign-in settings. */
    public TokenCheck(GraphClient graph) {
        this(graph.forSignIn(), LIMIT, Ticker.SYSTEM);
    }

    /** A check on {@code graph}'s address, with the sign-in settings, that ends within {@code limit}. */
    public TokenCheck(GraphClient graph, Duration limit) {
        this(graph.forSignIn(), limit, Ticker.SYSTEM);
    }

    /** With another limit and clock (tests). {@code graph} is used as given. */
    TokenCheck(GraphClient graph, Duration limit, Ticker ticker) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.limit = limit;
        this.ticker = ticker;
    }

    /** The client the check runs on (sign-in settings), for further reads within {@link #within}. */
    public GraphClient client() {
        return graph;
    }

    /** Who the token is ({@code /me}). */
    public TokenInfo whoami(AccessToken token, BooleanSupplier cancelled) {
        return within(cancelled, stop -> graph.whoami(token, stop));
    }

    /** Who the token is and every Page it reaches, with their Page tokens. */
    public Result check(AccessToken token, BooleanSupplier cancelled) {
        return within(cancelled, stop -> {
            TokenInfo who = graph.whoami(token, stop);
            return new Result(who, graph.pages(token, who, stop));
        });
    }

    /**
     * Runs {@code work} (Graph reads made with the signal it is given) within the limit of a check: at the limit
     * the read in flight is cancelled and the check fails with the sentence for Meta not answering. A Graph failure
     * of the network or of Meta's servers gets the way on of a sign-in (check the connection, or work offline).
     *
     * @throws CancellationException when {@code cancelled} turned true
     */
    public <T> T within(BooleanSupplier cancelled, Function<BooleanSupplier, T> work) {
        BooleanSupplier user = cancelled == null ? () -> false : cancelled;
        long deadline = ticker.nanos() + limit.toNanos();
        BooleanSupplier stop = () -> user.getAsBoolean() || ticker.nanos() - deadline >= 0;
        try {
            return work.apply(stop);
        } catch (CancellationException e) {
            if (user.getAsBoolean()) {
                throw e;
            }
            throw noAnswer(e);
        } catch (GraphFailure f) {
            throw forSignIn(f);
        }
    }

    private GraphException noAnswer(Throwable cause) {
        long seconds = Math.max(1, limit.toSeconds());
        return new GraphException(GraphErrorKind.TRANSIENT, "Meta did not answer within " + seconds
                + (seconds == 1 ? " second" : " seconds") + ", so the token could not be checked: " + OFFLINE_TODO + ".", 0, 0, 0, null, null, cause,
                null, null, "error.signin.noAnswer", List.of(seconds));
    }

    /** Network and server failures say how to go on from a sign-in; others (the token itself) are as they are. */
    private static GraphException forSignIn(GraphFailure f) {
        return switch (f.kind()) {
            case NETWORK -> f.rephrased(OFFLINE_TODO, "error.network", List.of());
            case TRANSIENT, RATE_LIMIT -> f.rephrased(OFFLINE_TODO, timedOut(f) ? "error.signin.noAnswer"
                    : "error.signin.metaBusy", List.of(LIMIT.toSeconds()));
            default -> f;
        };
    }

    private static boolean timedOut(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SocketTimeoutException || c instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
