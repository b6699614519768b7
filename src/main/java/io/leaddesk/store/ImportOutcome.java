package io.leaddesk.store;

import java.util.List;
import java.util.Map;

/**
 * What {@link LeadStore#importLeads} wrote.
 *
 * @param importId      the import's id in the cache, null when nothing was new (a re-import changes nothing)
 * @param newLeads      leads the cache did not hold and now does
 * @param alreadyCached leads the cache held already (synced from Meta, or imported before): left as they are
 * @param forgotten     leads forgotten on a person's request: not brought back
 * @param newByForm     new leads per form id
 * @param formsCreated  ids of the forms created from the file's columns (not in the cache before)
 */
public record ImportOutcome(Long importId, long newLeads, long alreadyCached, long forgotten,
                            Map<String, Long> newByForm, List<String> formsCreated) {
    public ImportOutcome {
        newByForm = Map.copyOf(newByForm);
        formsCreated = List.copyOf(formsCreated);
    }
}
