package io.leaddesk.store;

import java.util.Set;

/**
 * Which of some lead ids the cache holds and which were forgotten on a person's request (an import's preview).
 *
 * @param cached    ids of leads in the cache
 * @param forgotten ids of leads forgotten by id: an import does not bring them back
 */
public record ImportCheck(Set<String> cached, Set<String> forgotten) {
    public ImportCheck {
        cached = Set.copyOf(cached);
        forgotten = Set.copyOf(forgotten);
    }
}
