package io.leaddesk.graph;

import java.time.Duration;

/** Told when the client waits before a retry (so the UI/CLI can say "rate limited, waiting 40 s"). */
@FunctionalInterface
public interface RetryListener {
    void waiting(GraphErrorKind why, Duration wait, int attempt, String message);

    RetryListener NONE = (why, wait, attempt, message) -> { };
}
