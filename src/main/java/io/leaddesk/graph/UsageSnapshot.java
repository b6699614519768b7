package io.leaddesk.graph;

/**
 * What Meta's usage headers said last, read-only ({@link GraphClient#usage()}): callers that decide how often to call
 * (auto-sync) slow down by it.
 *
 * @param percent       the highest usage percentage last reported, over the app ({@code X-App-Usage}) and every
 *                      token's Page and business use case usage
 * @param regainMinutes the highest {@code estimated_time_to_regain_access} the last answers carried (0 = none):
 *                      Meta asks not to call again before that
 */
public record UsageSnapshot(int percent, long regainMinutes) {
    public static final UsageSnapshot NONE = new UsageSnapshot(0, 0);
}
