package io.leaddesk.graph;

/**
 * How a pull of a form's leads ended. {@code complete} is true only when Graph said there was nothing more (no next
 * link, or the one extra guess past the last page brought nothing new); a pull stopped by a loop guard is never
 * complete, and {@code stopReason} then says why, as a clause that fits after "because" (no secrets, no URL).
 *
 * @param resultPages how many result pages were read
 * @param delivered   how many distinct leads were handed to the handler
 */
public record LeadPull(boolean complete, int resultPages, long delivered, String stopReason) {
    static LeadPull finished(int resultPages, long delivered) {
        return new LeadPull(true, resultPages, delivered, null);
    }

    static LeadPull stopped(int resultPages, long delivered, String reason) {
        return new LeadPull(false, resultPages, delivered, reason);
    }
}
