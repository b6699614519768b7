package io.leaddesk.ui.workspace;

import io.leaddesk.graph.PageInfo;
import io.leaddesk.store.StoredForm;
import io.leaddesk.store.StoredPage;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pages-and-forms tree's entries and their figures, updated in place: from the cache ({@link #apply}), and
 * during a sync from its progress ({@link #growing}), so the cached counts grow as pages arrive. Figures that are
 * Meta's (its lead and expired counts) say so; a form never synced shows no expired count as if it were measured.
 */
final class WorkspaceTree {
    private final Messages m;
    private final Formats formats;
    private final TreeEntry root;
    private final Map<String, TreeEntry> pages = new LinkedHashMap<>();
    private final Map<String, TreeEntry> forms = new HashMap<>();
    /** Cached counts at the start of the sync, per form, while a sync runs. */
    private final Map<String, Long> cachedAtStart = new HashMap<>();

    WorkspaceTree(Messages m, Formats formats) {
        this.m = m;
        this.formats = formats;
        this.root = new TreeEntry(TreeEntry.Kind.ALL, "", "", m.get("workspace.tree.all"));
    }

    TreeEntry root() {
        return root;
    }

    TreeEntry form(String id) {
        return forms.get(id);
    }

    Iterable<TreeEntry> forms() {
        return forms.values();
    }

    /** The tree as the cache has it now, {@code sessionPages} first (the pages the token reaches). */
    void apply(List<PageInfo> sessionPages, List<StoredPage> storedPages, List<StoredForm> storedForms) {
        Map<String, String> pageNames = new LinkedHashMap<>();
        for (PageInfo p : sessionPages) {
            pageNames.put(p.id(), p.name());
        }
        for (StoredPage p : storedPages) {
            pageNames.putIfAbsent(p.id(), p.name());
        }
        for (StoredForm f : storedForms) {
            pageNames.putIfAbsent(f.pageId(), f.pageId());
        }
        Map<String, List<TreeEntry>> formsOfPage = new LinkedHashMap<>();
        for (StoredForm f : storedForms) {
            TreeEntry e = forms.computeIfAbsent(f.id(), id -> new TreeEntry(TreeEntry.Kind.FORM, id, f.pageId(), f.form().name()));
            e.nameProperty().set(f.form().name());
            e.status = f.form().status() == null ? "" : f.form().status();
            e.leadsCount = f.form().leadsCount();
            e.expiredCount = f.form().expiredLeadsCount();
            e.cachedLeads = f.cachedLeads();
            e.lastSynced = f.lastSynced();
            if (cachedAtStart.containsKey(e.id())) {
                cachedAtStart.put(e.id(), Math.min(cachedAtStart.get(e.id()), e.cachedLeads));
            }
            e.detailProperty().set(formDetail(e));
            formsOfPage.computeIfAbsent(f.pageId(), k -> new ArrayList<>()).add(e);
        }
        List<TreeEntry> pageEntries = new ArrayList<>();
        for (Map.Entry<String, String> p : pageNames.entrySet()) {
            TreeEntry pe = pages.computeIfAbsent(p.getKey(), id -> new TreeEntry(TreeEntry.Kind.PAGE, id, id, p.getValue()));
            pe.nameProperty().set(p.getValue());
            List<TreeEntry> fs = formsOfPage.getOrDefault(p.getKey(), List.of());
            if (!pe.children().equals(fs)) {
                pe.children().setAll(fs);
            }
            pageEntries.add(pe);
        }
        if (!root.children().equals(pageEntries)) {
            root.children().setAll(pageEntries);
        }
        sums();
    }

    /** Page and "All leads" figures from their forms'. */
    private void sums() {
        long all = 0;
        for (TreeEntry pe : root.children()) {
            pe.cachedLeads = pe.children().stream().mapToLong(TreeEntry::cachedLeads).sum();
            pe.leadsCount = pe.children().stream().mapToLong(TreeEntry::leadsCount).sum();
            pe.detailProperty().set(m.format("workspace.page.detail", pe.children().size(), formats.count(pe.cachedLeads)));
            all += pe.cachedLeads;
        }
        root.cachedLeads = all;
        root.detailProperty().set(m.format("workspace.all.detail", formats.count(all)));
    }

    /** A sync starts: counts grow from what is cached now. */
    void syncStarted() {
        cachedAtStart.clear();
        forms.values().forEach(f -> cachedAtStart.put(f.id(), f.cachedLeads));
    }

    /** A page of {@code formId} was stored: its cached count is what it had plus the new leads so far. */
    void growing(String formId, long newLeadsSoFar) {
        TreeEntry e = forms.get(formId);
        Long start = cachedAtStart.get(formId);
        if (e == null || start == null) {
            return;
        }
        long now = start + Math.max(0, newLeadsSoFar);
        if (now != e.cachedLeads) {
            e.cachedLeads = now;
            e.detailProperty().set(formDetail(e));
            sums();
        }
    }

    void syncEnded() {
        cachedAtStart.clear();
    }

    String formDetail(TreeEntry e) {
        String status = statusName(e.status);
        if (e.lastSynced == null && e.cachedLeads == 0) {
            // nothing measured here yet: only Meta's count, said to be Meta's
            return m.format("workspace.form.detail.neverSynced", status, formats.count(e.leadsCount));
        }
        String synced = e.lastSynced == null ? m.get("workspace.form.neverSynced")
                : m.format("workspace.form.synced", formats.dateTime(e.lastSynced));
        return m.format("workspace.form.detail", status, formats.count(e.cachedLeads), formats.count(e.leadsCount),
                formats.count(e.expiredCount), synced);
    }

    private String statusName(String s) {
        return switch (s == null ? "" : s.toUpperCase(Locale.ROOT)) {
            case "ACTIVE" -> m.get("form.status.active");
            case "ARCHIVED" -> m.get("form.status.archived");
            case "DELETED" -> m.get("form.status.deleted");
            case "DRAFT" -> m.get("form.status.draft");
            default -> s == null ? "" : s;
        };
    }
}
