package io.leaddesk.sync;

import java.time.Duration;
import java.util.List;

/** The result of a sync: per form what succeeded, what failed and why. */
public record SyncReport(List<FormOutcome> forms, long fetched, long newLeads, boolean cancelled, Duration took) {
    public SyncReport {
        forms = List.copyOf(forms);
    }

    public long failedCount() {
        return forms.stream().filter(f -> f.status() == FormOutcome.Status.FAILED).count();
    }

    public boolean ok() {
        return !cancelled && failedCount() == 0;
    }

    /** One line, e.g. "Synced 12 forms: 3,456 leads fetched, 120 new, 0 failed in 4.2 s." */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(cancelled ? "Sync cancelled: " : "Synced ").append(forms.size()).append(forms.size() == 1 ? " form" : " forms")
                .append(cancelled ? "" : ":")
                .append(String.format(java.util.Locale.ROOT, " %,d leads fetched, %,d new, %d failed in %.1f s.",
                        fetched, newLeads, failedCount(), took.toMillis() / 1000.0));
        return sb.toString();
    }
}
