package io.leaddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunStateTest {
    @Test
    void beginProgressCancelFinish() {
        RunState r = new RunState();
        r.fail("Earlier failure.");
        r.begin("Starting…");
        assertThat(r.isRunning()).isTrue();
        assertThat(r.errorProperty().get()).as("a new run clears the old failure").isEmpty();
        assertThat(r.progressProperty().get()).isEqualTo(RunState.INDETERMINATE);
        r.progress(0.25, "1 of 4");
        assertThat(r.messageProperty().get()).isEqualTo("1 of 4");
        assertThat(r.cancel("Cancelling…")).isTrue();
        assertThat(r.cancel("Cancelling…")).as("only once").isFalse();
        r.progress(0.5, "2 of 4");
        assertThat(r.progressProperty().get()).isEqualTo(0.5);
        assertThat(r.messageProperty().get()).as("the line keeps saying it cancels").isEqualTo("Cancelling…");
        r.finish("Cancelled.");
        assertThat(r.isRunning()).isFalse();
        assertThat(r.cancellingProperty().get()).isFalse();
        assertThat(r.progressProperty().get()).isZero();
        assertThat(r.messageProperty().get()).isEqualTo("Cancelled.");
        r.progress(0.9, "late report");
        assertThat(r.messageProperty().get()).as("a late report of ended work changes nothing").isEqualTo("Cancelled.");
        assertThat(r.cancel("x")).isFalse();
    }

    @Test
    void failEndsTheRunWithOneSentence() {
        RunState r = new RunState();
        r.begin("Saving…");
        r.fail("The settings could not be saved.");
        assertThat(r.isRunning()).isFalse();
        assertThat(r.messageProperty().get()).isEmpty();
        assertThat(r.errorProperty().get()).isEqualTo("The settings could not be saved.");
        r.clearError();
        assertThat(r.errorProperty().get()).isEmpty();
    }
}
