package io.leaddesk.ui.workspace;

import io.leaddesk.ui.workspace.WorkspaceViewModel.Notice;
import io.leaddesk.ui.workspace.WorkspaceViewModel.NoticeKind;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** The workspace's notice bar: the notice to show (each one once), and what its button does. */
final class NoticeFeed {
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>(this, "notice");
    /** What a button without an action of its own does: opens the Access view. */
    private final Runnable openAccess;
    private int seq;

    NoticeFeed(Runnable openAccess) {
        this.openAccess = openAccess;
    }

    /** Shows a notice; {@code action} labels its button (null = none), which runs {@code onAction} (null = Access). */
    void post(NoticeKind kind, String text, String action, Runnable onAction) {
        notice.set(new Notice(kind, text, ++seq, action, onAction));
    }

    /** The button was pressed: true when the notice's own action ran and the bar can close. */
    boolean act() {
        Notice n = notice.get();
        if (n != null && n.onAction() != null) {
            n.onAction().run();
            return true;
        }
        openAccess.run();
        return false;
    }

    ReadOnlyObjectProperty<Notice> property() {
        return notice.getReadOnlyProperty();
    }
}
