package io.leaddesk.ui.settings;

import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.RunState;
import io.leaddesk.ui.TaskExecutor;
import io.leaddesk.ui.detail.ClipboardPort;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/**
 * "Copy diagnostics": gathers the diagnostics (version, system, data folder, databases, the last log lines; see
 * {@code io.leaddesk.diagnostics.Diagnostics}) in the background and puts them on the clipboard for a support e-mail.
 */
public final class DiagnosticsViewModel {
    private final Callable<String> report;
    private final ClipboardPort clipboard;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;
    private final RunState copying = new RunState();

    public DiagnosticsViewModel(Callable<String> report, ClipboardPort clipboard, TaskExecutor executor, Messages messages) {
        this.report = report;
        this.clipboard = clipboard;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
    }

    public void copy() {
        if (copying.isRunning()) {
            return;
        }
        copying.begin(m.get("diagnostics.copying"));
        executor.submit("diagnostics", report, text -> {
            clipboard.copy(text);
            copying.finish(m.get("diagnostics.copied"));
        }, e -> copying.fail(errors.describe(e)));
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return copying.runningProperty();
    }

    /** What happened: copying, or copied and what to do with it. */
    public ReadOnlyStringProperty messageProperty() {
        return copying.messageProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return copying.errorProperty();
    }
}
