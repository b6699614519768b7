package io.leaddesk.ui;

/** A handle on background work: cancelling it stops its callbacks from running (and interrupts it if possible). */
@FunctionalInterface
public interface Cancellable {
    void cancel();

    Cancellable NONE = () -> { };
}
