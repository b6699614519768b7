package io.leaddesk.export;

import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.StoredLead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** A fake lead cache: forms and leads in lists, newest first, honouring the query criteria exports use. */
class InMemorySource implements ExportSource {

    record Recorded(String file, String profile, Instant at, List<String> leadIds) {
    }

    final List<LeadForm> forms = new ArrayList<>();
    final List<StoredLead> leads = new ArrayList<>();
    final List<Recorded> exports = new ArrayList<>();
    final Set<String> exported = new HashSet<>();
    int passes;

    InMemorySource form(LeadForm f) {
        forms.add(f);
        return this;
    }

    InMemorySource lead(StoredLead l) {
        leads.add(l);
        return this;
    }

    @Override
    public List<LeadForm> forms(LeadQuery query) {
        return forms.stream().filter(f -> query.formIds().isEmpty() || query.formIds().contains(f.id())).toList();
    }

    List<StoredLead> matching(LeadQuery q) {
        return leads.stream()
                .filter(l -> q.formIds().isEmpty() || q.formIds().contains(l.lead().formId()))
                .filter(l -> q.createdFrom() == null || l.lead().createdEpochSecond() >= q.createdFrom())
                .filter(l -> q.createdUntil() == null || l.lead().createdEpochSecond() < q.createdUntil())
                .filter(l -> q.statuses().isEmpty() || q.statuses().contains(l.status()))
                .filter(l -> !q.notExportedBefore() || !exported.contains(l.id()))
                .sorted(Comparator.comparingLong((StoredLead l) -> l.lead().createdEpochSecond()).thenComparing(StoredLead::id).reversed())
                .toList();
    }

    @Override
    public long countLeads(LeadQuery query) {
        return matching(query).size();
    }

    @Override
    public void forEachLead(LeadQuery query, Consumer<StoredLead> consumer) {
        passes++;
        matching(query).forEach(consumer);
    }

    @Override
    public long recordExport(String file, String profile, Instant at, Collection<String> leadIds) {
        List<String> ids = new ArrayList<>(leadIds);
        exports.add(new Recorded(file, profile, at, ids));
        exported.addAll(ids);
        return exports.size();
    }
}
