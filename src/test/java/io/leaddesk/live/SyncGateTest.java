package io.leaddesk.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sync.CancelSignal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one "sync in progress": rounds give way to a manual sync, which is always possible. */
class SyncGateTest {

    @Test
    void aManualSyncCancelsTheRoundInFlightAndRunsAsSoonAsTheRoundLetGo() throws Exception {
        SyncGate gate = new SyncGate();
        CancelSignal round = new CancelSignal();
        SyncGate.Permit roundPermit = gate.tryRound(round);
        assertThat(roundPermit).isNotNull();
        assertThat(gate.tryRound(new CancelSignal())).as("one round at a time").isNull();

        CompletableFuture<SyncGate.Permit> manual = CompletableFuture.supplyAsync(gate::manual);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!round.isCancelled() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(round.isCancelled()).as("the round is asked to stop after its page in flight").isTrue();
        assertThat(gate.manualSyncInProgress()).isTrue();
        assertThat(manual).as("it waits for the round to let go").isNotDone();
        assertThat(gate.tryRound(new CancelSignal())).as("no round starts while a manual sync waits").isNull();

        roundPermit.close();
        SyncGate.Permit manualPermit = manual.get(10, TimeUnit.SECONDS);
        assertThat(gate.tryRound(new CancelSignal())).as("nor while it runs").isNull();
        assertThat(gate.busy()).isTrue();
        manualPermit.close();
        manualPermit.close(); // twice does nothing
        assertThat(gate.busy()).isFalse();
        assertThat(gate.manualSyncInProgress()).isFalse();
        SyncGate.Permit next = gate.tryRound(new CancelSignal());
        assertThat(next).isNotNull();
        next.close();
    }

    @Test
    void twoManualSyncsRunOneAfterTheOther() throws Exception {
        SyncGate gate = new SyncGate();
        SyncGate.Permit first = gate.manual();
        CompletableFuture<SyncGate.Permit> second = CompletableFuture.supplyAsync(gate::manual);
        assertThat(second).isNotDone();
        first.close();
        second.get(10, TimeUnit.SECONDS).close();
        assertThat(gate.busy()).isFalse();
    }
}
