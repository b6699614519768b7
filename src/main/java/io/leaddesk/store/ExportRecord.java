package io.leaddesk.store;

import java.time.Instant;

/** One export in the history: which file, when, with which profile, how many leads. */
public record ExportRecord(long id, Instant at, String file, String profile, long leadCount) {
}
