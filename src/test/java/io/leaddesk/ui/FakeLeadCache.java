package io.leaddesk.ui;

import io.leaddesk.model.ContactFields;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.store.StoredForm;
import io.leaddesk.store.StoredLead;
import io.leaddesk.store.StoredPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory {@link LeadCache} with the store's query semantics (simplified), counting row reads. */
public final class FakeLeadCache implements LeadCache {
    public final Map<String, StoredPage> pages = new LinkedHashMap<>();
    public final Map<String, StoredForm> forms = new LinkedHashMap<>();
    public final List<StoredLead> leads = new ArrayList<>();
    public final AtomicInteger rowReads = new AtomicInteger();
    public final List<LeadQuery> queries = new ArrayList<>();
    public RuntimeException failQueries;
    /** Deletes then throws as the store does when another process kept the cache files open. */
    public boolean eraseIncomplete;

    public void addPage(String id, String name) {
        pages.put(id, new StoredPage(id, name, 0, null));
    }

    public void addForm(LeadForm f) {
        forms.put(f.id(), new StoredForm(f, 0, null, null));
    }

    public void addLead(String pageId, Lead lead) {
        leads.add(new StoredLead(lead, pageId, Instant.EPOCH, Instant.EPOCH, ReviewStatus.NEW, ""));
        StoredForm f = forms.get(lead.formId());
        if (f != null) {
            forms.put(f.id(), new StoredForm(f.form(), f.cachedLeads() + 1, f.lastSynced(), f.watermark()));
        }
    }

    private long rowId(StoredLead l) {
        return leads.indexOf(l) + 1L;
    }

    @Override
    public List<StoredPage> pages() {
        return List.copyOf(pages.values());
    }

    @Override
    public List<StoredForm> forms(Collection<String> pageIds) {
        return forms.values().stream().filter(f -> pageIds.isEmpty() || pageIds.contains(f.pageId())).toList();
    }

    private LeadRow row(StoredLead s) {
        Lead l = s.lead();
        StoredForm f = forms.get(l.formId());
        ContactFields c = ContactFields.of(f == null ? List.of() : f.form().questions(), l.fieldData());
        return new LeadRow(rowId(s), l.id(), l.formId(), s.pageId(), l.createdEpochSecond(), c.displayName(), c.email(), c.phone(),
                l.platform(), l.isOrganic(), l.campaignName(), l.adName(), s.status());
    }

    private boolean matches(StoredLead s, LeadQuery q) {
        Lead l = s.lead();
        if (!q.pageIds().isEmpty() && !q.pageIds().contains(s.pageId())) {
            return false;
        }
        if (!q.formIds().isEmpty() && !q.formIds().contains(l.formId())) {
            return false;
        }
        if (q.createdFrom() != null && l.createdEpochSecond() < q.createdFrom()) {
            return false;
        }
        if (q.createdUntil() != null && l.createdEpochSecond() >= q.createdUntil()) {
            return false;
        }
        if (!q.platforms().isEmpty() && !q.platforms().contains(l.platform())) {
            return false;
        }
        // like the store: a lead without is_organic counts as paid (coalesce(is_organic, 0) = 0)
        if (q.organic() != null && q.organic() != Boolean.TRUE.equals(l.isOrganic())) {
            return false;
        }
        if (!q.statuses().isEmpty() && !q.statuses().contains(s.status())) {
            return false;
        }
        if (q.hasSearch()) {
            LeadRow r = row(s);
            String hay = (r.name() + " " + r.email() + " " + r.phone() + " " + l.campaignName() + " " + l.adName() + " "
                    + String.join(" ", l.fieldData().stream().flatMap(a -> a.values().stream()).toList())).toLowerCase(Locale.ROOT);
            for (String w : q.search().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!hay.contains(w)) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<StoredLead> select(LeadQuery q) {
        if (failQueries != null) {
            throw failQueries;
        }
        queries.add(q);
        Comparator<StoredLead> c = switch (q.sort()) {
            // the store's name and email columns are COLLATE NOCASE
            case NAME -> Comparator.comparing(s -> row(s).name(), String.CASE_INSENSITIVE_ORDER);
            case EMAIL -> Comparator.comparing(s -> row(s).email(), String.CASE_INSENSITIVE_ORDER);
            default -> Comparator.comparingLong(s -> s.lead().createdEpochSecond());
        };
        if (q.descending()) {
            c = c.reversed();
        }
        return leads.stream().filter(s -> matches(s, q)).sorted(c).toList();
    }

    @Override
    public long countLeads(LeadQuery query) {
        return select(query).size();
    }

    @Override
    public long[] leadRowIds(LeadQuery query) {
        return select(query).stream().mapToLong(this::rowId).toArray();
    }

    @Override
    public List<LeadRow> rows(long[] rowIds, int from, int to) {
        rowReads.incrementAndGet();
        List<LeadRow> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int idx = (int) rowIds[i] - 1;
            if (idx >= 0 && idx < leads.size()) {
                out.add(row(leads.get(idx)));
            }
        }
        return out;
    }

    @Override
    public Optional<StoredLead> lead(String leadId) {
        return leads.stream().filter(l -> l.id().equals(leadId)).findFirst();
    }

    @Override
    public Optional<StoredForm> form(String formId) {
        return Optional.ofNullable(forms.get(formId));
    }

    @Override
    public boolean deleteLead(String leadId) {
        if (failQueries != null) {
            throw failQueries;
        }
        boolean removed = leads.removeIf(l -> l.id().equals(leadId));
        if (eraseIncomplete) {
            throw new io.leaddesk.store.EraseIncompleteException(1);
        }
        return removed;
    }

    @Override
    public void setReview(String leadId, ReviewStatus status, String note) {
        for (int i = 0; i < leads.size(); i++) {
            StoredLead s = leads.get(i);
            if (s.id().equals(leadId)) {
                leads.set(i, new StoredLead(s.lead(), s.pageId(), s.firstSeen(), s.lastSeen(), status, note));
            }
        }
    }
}
