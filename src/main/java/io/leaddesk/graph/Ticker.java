package io.leaddesk.graph;

/**
 * The clock the retry budget is measured with (nanoseconds, any origin). Tests pass one that the recording
 * {@link Sleeper} moves forward, so a budget test needs no real waiting.
 */
@FunctionalInterface
public interface Ticker {
    long nanos();

    Ticker SYSTEM = System::nanoTime;
}
