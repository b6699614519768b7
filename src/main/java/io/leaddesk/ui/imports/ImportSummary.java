package io.leaddesk.ui.imports;

import io.leaddesk.imports.ImportPreview;
import io.leaddesk.imports.ImportResult;
import io.leaddesk.ui.Messages;

/**
 * The counts of an import (or of its preview) as the dialog says them: "412 new, 4,098 already cached, 3 rows skipped",
 * forgotten and repeated rows only when there are some. Pure Java.
 *
 * @param newLeads      leads the cache lacked (or lacks, in a preview)
 * @param alreadyCached leads the cache holds: left as they are
 * @param forgotten     leads forgotten on a person's request: not brought back
 * @param repeated      rows repeating a lead id of an earlier row
 * @param skipped       malformed rows skipped
 */
public record ImportSummary(long newLeads, long alreadyCached, long forgotten, long repeated, long skipped) {

    public static final ImportSummary NONE = new ImportSummary(0, 0, 0, 0, 0);

    public static ImportSummary of(ImportPreview p) {
        return new ImportSummary(p.newLeads(), p.alreadyCached(), p.forgotten(), p.duplicates(), p.skipped());
    }

    public static ImportSummary of(ImportResult r) {
        return new ImportSummary(r.newLeads(), r.alreadyCached(), r.forgotten(), r.duplicates(), r.skipped());
    }

    public ImportSummary plus(ImportSummary o) {
        return new ImportSummary(newLeads + o.newLeads, alreadyCached + o.alreadyCached, forgotten + o.forgotten,
                repeated + o.repeated, skipped + o.skipped);
    }

    /** "412 new, 4,098 already cached, 3 rows skipped". */
    public String text(Messages m) {
        StringBuilder sb = new StringBuilder(m.format("import.counts", newLeads, alreadyCached));
        if (forgotten > 0) {
            sb.append(m.format("import.counts.forgotten", forgotten));
        }
        if (repeated > 0) {
            sb.append(m.format("import.counts.repeated", repeated));
        }
        if (skipped > 0) {
            sb.append(m.format("import.counts.skipped", skipped));
        }
        return sb.toString();
    }
}
