package io.leaddesk.store;

import java.time.Instant;

/**
 * Where a lead of the cache came from when an import brought it ("Imported from leads-2025-03.csv on 2026-12-01"). A lead
 * synced from Graph has none. The origin stays when a later sync gets the same lead from Meta (Meta's data then replaces
 * the file's) and goes when the lead is forgotten.
 *
 * @param importId   the import that brought the lead
 * @param fileName   the file's name, without its folder
 * @param importedAt when that import ran
 */
public record ImportOrigin(long importId, String fileName, Instant importedAt) {
}
