package io.leaddesk.store;

import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * One file's leads for {@link LeadStore#importLeads}: written in ONE transaction, so a file that fails part-way (the
 * iterator throws, the disk is full) leaves the cache as it was.
 *
 * @param fileName      the file's name (not its path), recorded as where the new leads came from
 * @param at            when the import ran (the import's date)
 * @param formsFromFile forms the leads may belong to that the cache may not hold yet, built from the file's columns
 *                      (questions typed CUSTOM); each is created, the first time one of its leads is new, only when the
 *                      cache does not hold it by then. Forms the cache holds are used as synced.
 * @param leads         the leads without their raw JSON (the store writes them in the Graph shape): ids and form ids
 *                      without prefixes, {@code created_time} as Graph writes it, one value per answer cell (the store
 *                      splits multi-choice cells and picks out disclaimer checkboxes by the form's definition). May
 *                      throw (a malformed row in strict mode, a cancel, a file that cannot be read on): nothing is
 *                      written then and the exception is passed on.
 */
public record ImportBatch(String fileName, Instant at, List<LeadForm> formsFromFile, Iterator<Lead> leads) {
    public ImportBatch {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(leads, "leads");
        formsFromFile = formsFromFile == null ? List.of() : List.copyOf(formsFromFile);
    }
}
