package io.leaddesk.sync;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/** Cancels long work (a sync, an export). Thread-safe. */
public final class CancelSignal implements BooleanSupplier {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    @Override
    public boolean getAsBoolean() {
        return cancelled.get();
    }
}
