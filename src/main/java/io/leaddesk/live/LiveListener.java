package io.leaddesk.live;

/** Receives {@link LiveEvent}s. */
@FunctionalInterface
public interface LiveListener {
    void onEvent(LiveEvent event);

    LiveListener NONE = e -> { };
}
