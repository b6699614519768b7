package io.leaddesk.sync;

@FunctionalInterface
public interface SyncListener {
    void onEvent(SyncEvent event);

    SyncListener NONE = e -> { };
}
