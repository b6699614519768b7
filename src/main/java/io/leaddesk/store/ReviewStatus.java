package io.leaddesk.store;

import java.util.Locale;

/** The agency's own review status of a lead, kept in the cache and carried into exports. */
public enum ReviewStatus {
    NEW, CONTACTED, QUALIFIED, NOT_INTERESTED, SPAM;

    /** Lower-case wire name used in the database, the CLI and exports: new, contacted, qualified, not_interested, spam. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewStatus parse(String s) {
        String n = s.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return ReviewStatus.valueOf(n);
    }
}
