package io.leaddesk.imports;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What importing one file did. The file went in one transaction: when {@link #cancelled()}, nothing of it was written.
 *
 * @param fileName      the file's name, as its leads record it
 * @param at            when the import ran (its date, as the leads' origin records it)
 * @param newLeads      leads written (the cache lacked them)
 * @param alreadyCached leads the cache held (left as they are: Meta's data wins, a re-import changes nothing)
 * @param forgotten     leads forgotten on a person's request, not brought back
 * @param duplicates    rows repeating a lead id of an earlier row
 * @param skipped       malformed rows skipped (see {@link #problems()})
 * @param problems      the malformed rows by line (the first {@link ImportService#MAX_PROBLEMS})
 * @param importId      the import's id in the cache; null when nothing was new or when cancelled
 * @param formsCreated  forms created from the file's columns (questions typed CUSTOM until a sync)
 * @param newByForm     new leads per form id
 */
public record ImportResult(Path file, String fileName, boolean cancelled, Instant at, long newLeads, long alreadyCached,
                           long forgotten, long duplicates, long skipped, List<RowProblem> problems, Long importId,
                           List<String> formsCreated, Map<String, Long> newByForm) {
    public ImportResult {
        problems = List.copyOf(problems);
        formsCreated = List.copyOf(formsCreated);
        newByForm = Map.copyOf(newByForm);
    }

    /** "0 new, 4,098 already cached" and whatever else there was (forgotten, duplicates, skipped rows). */
    public String summary() {
        return summary(newLeads, alreadyCached, forgotten, duplicates, skipped);
    }

    static String summary(long fresh, long cached, long forgotten, long duplicates, long skipped) {
        StringBuilder sb = new StringBuilder();
        sb.append(count(fresh)).append(" new, ").append(count(cached)).append(" already cached");
        if (forgotten > 0) {
            sb.append(", ").append(count(forgotten)).append(" forgotten (not brought back)");
        }
        if (duplicates > 0) {
            sb.append(", ").append(count(duplicates)).append(duplicates == 1 ? " repeated row" : " repeated rows");
        }
        if (skipped > 0) {
            sb.append(", ").append(count(skipped)).append(skipped == 1 ? " malformed row skipped" : " malformed rows skipped");
        }
        return sb.toString();
    }

    /** 4,098: thousands grouped with commas, whatever the machine's locale. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
