package io.leaddesk.sync;

import java.util.List;

/** The sentences a form's outcome carries. */
final class FormNotes {
    /** How many skipped leads a form's message lists by position. */
    private static final int LISTED_SKIPS = 3;

    private FormNotes() {
    }

    static String kept(String message, long fetched) {
        return fetched > 0 ? message + " The " + fetched + " leads fetched before that are kept." : message;
    }

    static String incomplete(String reason, long fetched, List<SkippedLead> skips) {
        return "LeadDesk stopped reading this form before the end because " + reason + "; the " + fetched
                + (fetched == 1 ? " lead" : " leads") + " fetched are kept" + (skips.isEmpty() ? "" : " (" + skipCount(skips)
                + " skipped)") + ", and the next sync reads the form again from where its last complete sync ended.";
    }

    /** One sentence for a complete pull with skipped leads, null when none were skipped. */
    static String skipped(List<SkippedLead> skips) {
        if (skips.isEmpty()) {
            return null;
        }
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < Math.min(LISTED_SKIPS, skips.size()); i++) {
            where.append(i == 0 ? "" : "; ").append(skips.get(i).describe());
        }
        if (skips.size() > LISTED_SKIPS) {
            where.append("; and ").append(skips.size() - LISTED_SKIPS).append(" more");
        }
        return skipCount(skips) + " that Meta sent incomplete could not be stored and " + (skips.size() == 1 ? "was" : "were")
                + " skipped (" + where + "); every other lead was stored, and syncing again will not change "
                + (skips.size() == 1 ? "it" : "them") + ".";
    }

    private static String skipCount(List<SkippedLead> skips) {
        return skips.size() + (skips.size() == 1 ? " lead" : " leads");
    }
}
