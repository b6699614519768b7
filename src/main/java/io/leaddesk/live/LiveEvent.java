package io.leaddesk.live;

import io.leaddesk.model.FailureKind;
import java.time.Duration;
import java.time.Instant;

/**
 * What auto-sync tells the app (delivered on auto-sync's own threads: a ViewModel hands them to the FX thread).
 * The status line shows {@link RoundFinished}, {@link RoundSkipped}, {@link Trouble}, {@link Pace}, {@link Paused}
 * and {@link Resumed}; the notice bar shows {@link Stopped}. Sentences are plain English (the UI may render its own
 * from the fields instead).
 */
public sealed interface LiveEvent {

    /** A round began. */
    record RoundStarted(Instant at) implements LiveEvent { }

    /** A round ended, however it ended (see {@link RoundResult#outcome()}). */
    record RoundFinished(RoundResult result) implements LiveEvent { }

    /** A round was due and did not run: skipped, not queued. */
    record RoundSkipped(Instant at, SkipReason reason, Instant nextRound) implements LiveEvent { }

    /** Why a due round did not run. */
    enum SkipReason {
        /** The previous round still runs. */
        STILL_RUNNING,
        /** A manual sync runs (or waits to run). */
        SYNC_IN_PROGRESS,
        /** Meta asked to wait (rate limit) until {@link RoundSkipped#nextRound()}. */
        META_ASKED_TO_WAIT
    }

    /**
     * Rounds fail (the network, Meta's servers, Meta's rate limit, or something unexpected): said once, when the
     * first round fails; the next rounds go on, spaced out more and more ({@code nextRound}), until one succeeds
     * ({@link TroubleOver}).
     */
    record Trouble(RoundResult.Outcome outcome, String sentence, Instant nextRound) implements LiveEvent { }

    /** A round succeeded again after {@link Trouble}. */
    record TroubleOver(Instant at) implements LiveEvent { }

    /**
     * Meta reports more of its rate limit used: rounds come only every {@code every} (the chosen interval times 2, 4
     * or 8); at the chosen interval again when usage falls.
     */
    record Pace(int usagePercent, Duration every) implements LiveEvent { }

    /**
     * Auto-sync stopped because of the token or a permission (or a cache it cannot write): nothing runs until the
     * user acts (signs in again, fixes the permission) and the app calls {@link AutoSync#resume()}.
     * {@code sentence} says what happened and what to do.
     */
    record Stopped(FailureKind kind, String sentence) implements LiveEvent { }

    /** Rounds are paused (no network). */
    record Paused(PauseReason reason, String sentence) implements LiveEvent { }

    /** Rounds go on again after the computer slept ({@code away} long) or the network came back; one round, no burst. */
    record Resumed(PauseReason reason, Duration away, Instant nextRound) implements LiveEvent { }

    enum PauseReason {
        /** The computer slept (seen as a jump of the wall clock between two ticks larger than the interval). */
        SLEEP,
        /** No network connection. */
        OFFLINE
    }
}
