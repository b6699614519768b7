package io.leaddesk.export;

import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredForm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The part of the lead cache an export needs. {@link #of(LeadStore)} adapts the real store; tests may use a fake.
 */
public interface ExportSource {

    /** The forms whose leads {@code query} may return (its forms, or every form of its pages / of the cache), in a stable order. */
    List<LeadForm> forms(LeadQuery query);

    long countLeads(LeadQuery query);

    /** Streams the matching leads in query order; an exception thrown by {@code consumer} stops the stream and propagates. */
    void forEachLead(LeadQuery query, Consumer<io.leaddesk.store.StoredLead> consumer);

    /**
     * Streams the same leads as {@link #forEachLead}, each as a supplier that gives the StoredLead when asked (on any
     * thread, once, after the stream has moved on). The real store hands them over unparsed, so the reading thread
     * only reads and the thread that calls {@code get()} parses; this default wraps {@link #forEachLead}. The lead's
     * {@code rawJson()} may be null (exports never write it, so the real store does not decode it).
     */
    default void forEachLeadDeferred(LeadQuery query, Consumer<Supplier<io.leaddesk.store.StoredLead>> consumer) {
        forEachLead(query, lead -> consumer.accept(() -> lead));
    }

    /** Records one export in the history (one transaction); returns its id. {@code leadIds} may be iterated more than once. */
    long recordExport(String file, String profile, Instant at, Collection<String> leadIds);

    static ExportSource of(LeadStore store) {
        return new ExportSource() {
            @Override
            public List<LeadForm> forms(LeadQuery query) {
                List<LeadForm> out = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (StoredForm f : store.forms(query.pageIds())) {
                    if (query.formIds().isEmpty() || query.formIds().contains(f.id())) {
                        if (seen.add(f.id())) {
                            out.add(f.form());
                        }
                    }
                }
                for (String id : query.formIds()) {
                    if (!seen.contains(id)) {
                        store.form(id).ifPresent(f -> out.add(f.form()));
                    }
                }
                return out;
            }

            @Override
            public long countLeads(LeadQuery query) {
                return store.countLeads(query);
            }

            @Override
            public void forEachLead(LeadQuery query, Consumer<io.leaddesk.store.StoredLead> consumer) {
                store.forEachLead(query, consumer);
            }

            @Override
            public void forEachLeadDeferred(LeadQuery query, Consumer<Supplier<io.leaddesk.store.StoredLead>> consumer) {
                // the export never writes the raw JSON: its text is not decoded
                store.forEachRawLead(query, raw -> consumer.accept(raw::parseWithoutRawJson));
            }

            @Override
            public long recordExport(String file, String profile, Instant at, Collection<String> leadIds) {
                return store.recordExport(file, profile, at, leadIds);
            }
        };
    }
}
