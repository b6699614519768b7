package io.leaddesk.graph;

/**
 * A range of lead creation times to ask Graph for, in Unix seconds: {@code time_created GREATER_THAN_OR_EQUAL from}
 * and {@code time_created LESS_THAN to}, each only when not null ({@code filtering}). Ranges that touch
 * ({@code a.to == b.from}) hold every lead once: a lead created at the boundary second belongs to the later one.
 *
 * @param from inclusive lower end, null = no lower end
 * @param to   exclusive upper end, null = no upper end
 */
public record LeadRange(Long from, Long to) {
    public static final LeadRange ALL = new LeadRange(null, null);

    /** How many filters the request carries (Graph may refuse two in one request). */
    public int filters() {
        return (from == null ? 0 : 1) + (to == null ? 0 : 1);
    }

    /** True when the range holds no second at all. */
    public boolean isEmpty() {
        return from != null && to != null && to <= from;
    }

    /** Whether a lead created at {@code epochSecond} falls in the range. */
    public boolean contains(long epochSecond) {
        return (from == null || epochSecond >= from) && (to == null || epochSecond < to);
    }

    /** The {@code filtering} parameter, or null when the range is unbounded. */
    String filtering() {
        if (from == null && to == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder("[");
        if (from != null) {
            sb.append("{\"field\":\"time_created\",\"operator\":\"GREATER_THAN_OR_EQUAL\",\"value\":").append(from)
                    .append('}');
        }
        if (to != null) {
            sb.append(from != null ? "," : "").append("{\"field\":\"time_created\",\"operator\":\"LESS_THAN\",\"value\":")
                    .append(to).append('}');
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return "[" + (from == null ? "-inf" : from) + ", " + (to == null ? "+inf" : to) + ")";
    }
}
