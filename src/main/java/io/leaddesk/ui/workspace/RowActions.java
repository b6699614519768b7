package io.leaddesk.ui.workspace;

import io.leaddesk.store.LeadRow;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.store.StoredLead;
import io.leaddesk.ui.LeadCache;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TaskExecutor;
import io.leaddesk.ui.detail.ClipboardPort;
import io.leaddesk.ui.detail.LeadDetailViewModel;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import java.util.function.Consumer;

/**
 * The leads table's row menu (right-click, the context-menu key or Shift+F10): copy the row's e-mail or phone, set
 * its review status, open it in the detail. Rows are addressed by their index in the table.
 */
public final class RowActions {
    private final LeadCache cache;
    private final TaskExecutor executor;
    private final Messages m;
    private final LeadsTableViewModel leads;
    private final LeadDetailViewModel detail;
    private final ClipboardPort clipboard;
    private final Consumer<Throwable> onFailure;

    RowActions(LeadCache cache, TaskExecutor executor, Messages m, LeadsTableViewModel leads, LeadDetailViewModel detail,
               ClipboardPort clipboard, Consumer<Throwable> onFailure) {
        this.cache = cache;
        this.executor = executor;
        this.m = m;
        this.leads = leads;
        this.detail = detail;
        this.clipboard = clipboard;
        this.onFailure = onFailure;
    }

    /** "Open in detail": the row becomes the selection (the view then moves the focus to the detail). */
    public void open(int index) {
        leads.select(index);
    }

    /** The row at {@code index} if its data is read, else null. */
    private LeadRow row(int index) {
        return leads.list().peek(index);
    }

    /** "Copy email" on a row: the address goes to the clipboard, the table says so. */
    public void copyEmailOf(int index) {
        LeadRow r = row(index);
        if (r != null && r.email() != null && !r.email().isBlank()) {
            clipboard.copy(r.email());
            leads.say(m.get("detail.copied.email"));
        }
    }

    /** "Copy phone" on a row. */
    public void copyPhoneOf(int index) {
        LeadRow r = row(index);
        if (r != null && r.phone() != null && !r.phone().isBlank()) {
            clipboard.copy(r.phone());
            leads.say(m.get("detail.copied.phone"));
        }
    }

    /** Whether the row has an e-mail / a phone to copy (the menu disables what it cannot do). */
    public boolean hasEmail(int index) {
        LeadRow r = row(index);
        return r != null && r.email() != null && !r.email().isBlank();
    }

    public boolean hasPhone(int index) {
        LeadRow r = row(index);
        return r != null && r.phone() != null && !r.phone().isBlank();
    }

    /** "Set review status" on a row: saved with the lead's note kept, shown in the table at once. */
    public void setStatusOf(int index, ReviewStatus status) {
        LeadRow r = row(index);
        if (r == null || status == null) {
            return;
        }
        String id = r.id();
        if (id.equals(detail.leadIdProperty().get())) {
            detail.statusProperty().set(status); // the detail saves it with the note as shown (and edited)
            return;
        }
        executor.submit("set review status", () -> {
            String note = cache.lead(id).map(StoredLead::note).orElse("");
            cache.setReview(id, status, note == null ? "" : note);
            return status;
        }, saved -> {
            leads.reviewChanged(id, saved);
            leads.say(m.format("leads.statusSet", m.status(saved)));
            if (leads.statusProperty().get() != null) {
                leads.refresh();
            }
        }, e -> onFailure.accept(e));
    }

}
