package io.leaddesk.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The state of one piece of background work a ViewModel runs (sign in, sync, export, save...): whether it runs,
 * whether a cancel was asked, how far it got, the line saying what it is doing, and the sentence of its last failure.
 * One instance per kind of work; only the UI thread touches it.
 */
public final class RunState {
    /** {@link #progressProperty()} while the amount of work is not known yet. */
    public static final double INDETERMINATE = -1;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper(this, "cancelling");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    /** Work starts: running, amount unknown, {@code text} says what happens; an earlier failure is cleared. */
    public void begin(String text) {
        error.set("");
        cancelling.set(false);
        progress.set(INDETERMINATE);
        message.set(text == null ? "" : text);
        running.set(true);
    }

    /**
     * Work moved on: {@code fraction} is 0..1 or {@link #INDETERMINATE}. Once a cancel was asked the text keeps
     * saying so. Ignored when nothing runs (a late report of work that already ended).
     */
    public void progress(double fraction, String text) {
        if (!running.get()) {
            return;
        }
        progress.set(fraction);
        if (!cancelling.get() && text != null) {
            message.set(text);
        }
    }

    /** Asks to stop: returns false (and changes nothing) when nothing runs or a cancel was already asked. */
    public boolean cancel(String text) {
        if (!running.get() || cancelling.get()) {
            return false;
        }
        cancelling.set(true);
        message.set(text == null ? "" : text);
        return true;
    }

    /** Work ended (done or cancelled): nothing runs, and {@code text} (may be empty) is what the line says now. */
    public void finish(String text) {
        running.set(false);
        cancelling.set(false);
        progress.set(0);
        message.set(text == null ? "" : text);
    }

    /** Work failed: nothing runs, and {@code sentence} says what happened and what to do. */
    public void fail(String sentence) {
        finish("");
        error.set(sentence == null ? "" : sentence);
    }

    /** Sets the line while nothing runs (e.g. "Ready"). */
    public void show(String text) {
        message.set(text == null ? "" : text);
    }

    public void clearError() {
        error.set("");
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** 0..1, or {@link #INDETERMINATE}; 0 when nothing runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the work is doing now (or the line shown while idle); "" when nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The sentence of the last failure; "" when the last run did not fail. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
