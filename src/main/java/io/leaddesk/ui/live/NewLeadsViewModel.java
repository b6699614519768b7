package io.leaddesk.ui.live;

import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.LeadCache;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TaskExecutor;
import io.leaddesk.ui.detail.LeadDetailViewModel;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import io.leaddesk.ui.workspace.TreeEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.value.ObservableValue;

/**
 * Which leads are new in an open workspace (online, offline or the demo): the tree's badges (new leads per form, and
 * their sums per page and for "All leads"), the total (the window title), a lead shown in the detail pane stops being
 * new, and "Mark all as seen" for a form (or a page's forms, or every form). Every store call runs in a background
 * task; results land on the UI thread.
 */
public final class NewLeadsViewModel {
    private final LeadCache cache;
    private final TaskExecutor executor;
    private final LeadsTableViewModel leads;
    private final TreeEntry root;
    private final ErrorText errors;
    private final Consumer<String> onError;
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper(this, "total");
    private Map<String, Long> counts = Map.of();

    /**
     * @param treeVersion changes whenever the tree was read again from the cache (a sync, a round, a deletion): the
     *                    counts are read again then
     * @param onError     one sentence for a store call that failed (the notice bar)
     */
    public NewLeadsViewModel(LeadCache cache, TaskExecutor executor, Messages messages, LeadsTableViewModel leads,
                             LeadDetailViewModel detail, TreeEntry root, ObservableValue<?> treeVersion,
                             Consumer<String> onError) {
        this.cache = cache;
        this.executor = executor;
        this.leads = leads;
        this.root = root;
        this.errors = new ErrorText(messages);
        this.onError = onError == null ? s -> { } : onError;
        treeVersion.addListener((o, a, b) -> reload());
        detail.leadIdProperty().addListener((o, a, id) -> {
            if (id != null && detail.presentProperty().get()) {
                shown(id);
            }
        });
    }

    /** Reads the new leads per form again (background) and updates the badges and the total. */
    public void reload() {
        executor.submit("new leads", cache::newCountsByForm, this::apply, e -> onError.accept(errors.describe(e)));
    }

    /** A lead is in the detail pane: it is no longer new (its row stops being bold, its form's badge counts down). */
    void shown(String leadId) {
        executor.submit("mark seen", () -> cache.markSeen(leadId) ? cache.newCountsByForm() : null, c -> {
            if (c != null) {
                leads.seen(leadId);
                apply(c);
            }
        }, e -> onError.accept(errors.describe(e)));
    }

    /** Whether the tree's context menu offers "Mark all as seen" for this entry. */
    public boolean canMarkSeen(TreeEntry e) {
        return e != null && e.newLeadsProperty().get() > 0;
    }

    /**
     * "Mark all as seen" on a form in the tree (on a page: its forms; on "All leads": every form): none of its leads
     * is new any more; the table reads its rows again, so no row stays bold.
     */
    public void markSeen(TreeEntry e) {
        if (!canMarkSeen(e)) {
            return;
        }
        List<String> formIds = new ArrayList<>();
        collectForms(e, formIds);
        executor.submit("mark all seen", () -> {
            for (String id : formIds) {
                cache.markFormSeen(id);
            }
            return cache.newCountsByForm();
        }, c -> {
            apply(c);
            leads.refresh();
        }, ex -> onError.accept(errors.describe(ex)));
    }

    private static void collectForms(TreeEntry e, List<String> out) {
        if (e.kind() == TreeEntry.Kind.FORM) {
            out.add(e.id());
        }
        for (TreeEntry c : e.children()) {
            collectForms(c, out);
        }
    }

    /** The badges from these counts: each form its own, each page and "All leads" the sum of theirs. */
    void apply(Map<String, Long> byForm) {
        counts = Map.copyOf(byForm);
        long all = 0;
        for (TreeEntry page : root.children()) {
            long sum = 0;
            for (TreeEntry form : page.children()) {
                long n = counts.getOrDefault(form.id(), 0L);
                form.newLeadsProperty().set(n);
                sum += n;
            }
            page.newLeadsProperty().set(sum);
            all += sum;
        }
        root.newLeadsProperty().set(all);
        // forms the tree does not show (yet) still count for the title
        total.set(Math.max(all, counts.values().stream().mapToLong(Long::longValue).sum()));
    }

    /** New leads of a form, as last read. */
    public long newIn(String formId) {
        return counts.getOrDefault(formId, 0L);
    }

    /** All new leads of the workspace (the window title's count). */
    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }
}
