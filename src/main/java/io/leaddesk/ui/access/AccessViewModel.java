package io.leaddesk.ui.access;

import io.leaddesk.access.AccessReport;
import io.leaddesk.access.Finding;
import io.leaddesk.access.PageReport;
import io.leaddesk.access.TokenLifetime;
import io.leaddesk.access.TokenReport;
import io.leaddesk.access.TokenType;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.RunState;
import io.leaddesk.ui.TaskExecutor;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Access view: what the access doctor finds for the session's token (kind, whose it is, its app, when it and its
 * data access expire, the permissions granted and declined, its problems) and for every Page (the tasks of the
 * person's role, the forms, whether leads can be read, and each problem with what to do where in Meta). Checks when
 * opened and on "Check again", with progress and Cancel (which returns to the last report at once). Offers "Make
 * this token last" ({@link ExtendViewModel}) when the token is short-lived or expires within seven days.
 */
public final class AccessViewModel {

    /** One problem: its stable code, what is wrong, what to do and where. */
    public record Problem(String code, String message, String fix, boolean blocking) { }

    /** One Page as the view shows it. */
    public record PageItem(String id, String name, String tasks, String forms, boolean canReadLeads, List<Problem> problems) {
        public PageItem {
            problems = List.copyOf(problems);
        }
    }

    private final AccessBackend backend;
    private final TaskExecutor executor;
    private final Messages m;
    private final AccessText text;
    private final Clock clock;
    private final ErrorText errors;
    private final ExtendViewModel extend;
    private final RunState run = new RunState();

    private final ReadOnlyBooleanWrapper checked = new ReadOnlyBooleanWrapper(this, "checked");
    private final ReadOnlyObjectWrapper<AccessReport.Outcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper kind = new ReadOnlyStringWrapper(this, "kind", "");
    private final ReadOnlyStringWrapper owner = new ReadOnlyStringWrapper(this, "owner", "");
    private final ReadOnlyStringWrapper app = new ReadOnlyStringWrapper(this, "app", "");
    private final ReadOnlyStringWrapper expires = new ReadOnlyStringWrapper(this, "expires", "");
    private final ReadOnlyStringWrapper dataAccess = new ReadOnlyStringWrapper(this, "dataAccess", "");
    private final ReadOnlyStringWrapper granted = new ReadOnlyStringWrapper(this, "granted", "");
    private final ReadOnlyStringWrapper declined = new ReadOnlyStringWrapper(this, "declined", "");
    private final ObservableList<Problem> tokenProblems = FXCollections.observableArrayList();
    private final ObservableList<PageItem> pages = FXCollections.observableArrayList();
    private AccessReport report;
    private AtomicBoolean current = new AtomicBoolean();
    private Consumer<TokenLifetime> onLifetime = l -> { };

    public AccessViewModel(AccessBackend backend, ExtendViewModel extend, TaskExecutor executor, Messages messages,
                           AccessText text, Clock clock) {
        this.backend = backend;
        this.extend = extend;
        this.executor = executor;
        this.m = messages;
        this.text = text;
        this.clock = clock;
        this.errors = new ErrorText(messages);
        run.show(m.get("access.view.idle"));
        extend.setOnExtended(e -> {
            onLifetime.accept(e.lifetime());
            check();
        });
    }

    /** Runs the access doctor ("Check again"); does nothing while a check runs. */
    public void check() {
        if (run.isRunning()) {
            return;
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        current = cancelled;
        run.begin(m.get("access.view.checking"));
        executor.submit("check access", () -> backend.examine(cancelled::get), r -> {
            if (!cancelled.get()) {
                run.finish(m.format("access.view.checkedAt", text.date(r.checkedAt())));
                show(r);
            }
        }, e -> {
            if (!cancelled.get()) {
                run.fail(errors.describe(e));
            }
        });
    }

    /** Stops the check at once; the last report (if any) stays. */
    public void cancel() {
        if (run.isRunning()) {
            current.set(true);
            run.finish(m.get("access.view.cancelled"));
        }
    }

    private void show(AccessReport r) {
        report = r;
        TokenReport t = r.token();
        kind.set(text.kind(t.kind()));
        owner.set(t.id() == null ? m.get("access.expiry.unknown")
                : t.name() == null ? m.format("access.view.id", t.id()) : m.format("access.view.owner", t.name(), t.id()));
        app.set(t.appId() == null ? m.get("access.expiry.unknown")
                : t.appName() == null ? t.appId() : m.format("access.view.app", t.appId(), t.appName()));
        expires.set(t.id() == null && !t.lifetime().known() ? m.get("access.expiry.unknown") : text.expiry(t.lifetime(), clock));
        dataAccess.set(text.dataAccess(t.lifetime()));
        granted.set(list(t.granted()));
        declined.set(list(t.declined()));
        tokenProblems.setAll(r.problems().stream().map(this::problem).toList());
        pages.setAll(r.pages().stream().map(p -> page(p, t.kind())).toList());
        outcome.set(r.outcome());
        long readable = r.pages().stream().filter(PageReport::canReadLeads).count();
        summary.set(switch (r.outcome()) {
            case READABLE -> m.format("access.view.readable", r.pages().size());
            case BLOCKED -> r.pages().isEmpty() ? m.get("access.view.blockedAll")
                    : m.format("access.view.blocked", r.pages().size() - readable, r.pages().size());
            case UNREACHABLE -> m.get("access.view.unreachable");
        });
        checked.set(true);
        extend.offer(backend, t.lifetime(), t.kind() == TokenType.USER);
        if (t.lifetime().known()) {
            onLifetime.accept(t.lifetime());
        }
    }

    private String list(List<String> items) {
        return items.isEmpty() ? m.get("access.view.none") : String.join(", ", items);
    }

    private Problem problem(Finding f) {
        return new Problem(f.code().wire(), text.message(f), text.fix(f), f.blocking());
    }

    private PageItem page(PageReport p, TokenType tokenKind) {
        String tasks = !p.tasks().isEmpty() ? String.join(", ", p.tasks())
                : tokenKind == TokenType.PAGE ? m.get("access.view.tasks.pageToken") : m.get("access.view.none");
        String forms = p.forms() == null ? m.get("access.view.forms.unlisted") : m.format("access.view.forms", p.forms(), p.formsRead());
        return new PageItem(p.id(), p.name() == null ? p.id() : p.name(), tasks, forms, p.canReadLeads(),
                p.problems().stream().map(this::problem).toList());
    }

    /** Told how long the token lasts whenever a check or "Make this token last" learns it (the workspace's label). */
    public void setOnLifetime(Consumer<TokenLifetime> onLifetime) {
        this.onLifetime = onLifetime == null ? l -> { } : onLifetime;
    }

    /** The last report, or null before the first check ended. */
    public AccessReport report() {
        return report;
    }

    public ExtendViewModel extend() {
        return extend;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    /** What the check is doing, or when it last ended. */
    public ReadOnlyStringProperty statusProperty() {
        return run.messageProperty();
    }

    /** Why the check could not be made; "" when it did not fail. */
    public ReadOnlyStringProperty errorProperty() {
        return run.errorProperty();
    }

    /** A report is shown. */
    public ReadOnlyBooleanProperty checkedProperty() {
        return checked.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<AccessReport.Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** One line: every Page readable, how many are not, or Meta out of reach. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /** Whose token it is: "Olena Demo (sample) (100…)". */
    public ReadOnlyStringProperty ownerProperty() {
        return owner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty appProperty() {
        return app.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expiresProperty() {
        return expires.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dataAccessProperty() {
        return dataAccess.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty grantedProperty() {
        return granted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty declinedProperty() {
        return declined.getReadOnlyProperty();
    }

    /** The token's own problems. */
    public ObservableList<Problem> tokenProblems() {
        return tokenProblems;
    }

    public ObservableList<PageItem> pages() {
        return pages;
    }
}
