package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ctrl+C cancels the run's long work and holds the exit until the run has printed its last line. */
class CtrlCTest {
    @Test
    void aShutdownCancelsTheWorkAndWaitsForTheRunToEnd() throws Exception {
        CompletableFuture<Void> hookDone;
        CtrlC work;
        try (CtrlC.Run run = CtrlC.begin()) {
            work = new CtrlC("sync");
            work.close(); // the work is over, the summary is not printed yet: still held
            hookDone = CompletableFuture.runAsync(run::shutdown);
            assertThat(run.holding.await(30, TimeUnit.SECONDS)).as("the shutdown holds the exit").isTrue();
            assertThat(work.signal().isCancelled()).isTrue();
            assertThat(run.interrupted()).isTrue();
            assertThat(hookDone).as("held until the run ends").isNotDone();
        }
        hookDone.get(30, TimeUnit.SECONDS);
    }

    @Test
    void withoutLongWorkTheExitIsNotHeld() throws Exception {
        try (CtrlC.Run run = CtrlC.begin()) {
            CompletableFuture.runAsync(run::shutdown).get(30, TimeUnit.SECONDS);
            assertThat(run.interrupted()).isTrue();
            assertThat(run.holding.getCount()).isEqualTo(1);
            // work that starts after the Ctrl+C is cancelled at once
            try (CtrlC late = new CtrlC("export")) {
                assertThat(late.signal().isCancelled()).isTrue();
            }
        }
    }

    @Test
    void outsideARunTheWorkHasItsOwnHook() {
        try (CtrlC work = new CtrlC("export")) {
            assertThat(work.signal().isCancelled()).isFalse();
        }
    }
}
