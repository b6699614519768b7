package io.leaddesk.ui.leads;

import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadSort;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.ui.Cancellable;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.LeadCache;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TaskExecutor;
import io.leaddesk.ui.UiState;
import io.leaddesk.ui.UiStateStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The leads table: scope (all / a page / a form), full-text search (debounced, stale queries dropped), filters,
 * sort, the "1,234 of 4,098" count, and a virtual row list that pages rows from the database on demand.
 * Works for 1,000,000 cached leads: only the matching row ids are held, never all rows.
 */
public final class LeadsTableViewModel {

    public enum Organic { ALL, ORGANIC, PAID }

    /** Platform filter values; {@code null} wire value = all. */
    public enum Platform {
        ALL(null), FACEBOOK("fb"), INSTAGRAM("ig");
        private final String wire;

        Platform(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    private final LeadCache cache;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;
    private final Duration debounce;
    private final ZoneId zone;

    /** Which leads the table covers: all (both empty), some pages, or some forms. */
    public record Scope(Set<String> pageIds, Set<String> formIds) {
        public static final Scope ALL = new Scope(Set.of(), Set.of());

        public Scope {
            pageIds = pageIds == null ? Set.of() : Set.copyOf(pageIds);
            formIds = formIds == null ? Set.of() : Set.copyOf(formIds);
        }
    }

    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", Scope.ALL);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<LocalDate> dateFrom = new SimpleObjectProperty<>(this, "dateFrom");
    private final ObjectProperty<LocalDate> dateTo = new SimpleObjectProperty<>(this, "dateTo");
    private final ObjectProperty<Platform> platform = new SimpleObjectProperty<>(this, "platform", Platform.ALL);
    private final ObjectProperty<Organic> organic = new SimpleObjectProperty<>(this, "organic", Organic.ALL);
    private final ObjectProperty<ReviewStatus> status = new SimpleObjectProperty<>(this, "status");
    private final BooleanProperty filtersVisible = new SimpleBooleanProperty(this, "filtersVisible", false);
    /** Issue 14: "New only", the leads not yet opened nor marked seen. */
    private final BooleanProperty newOnly = new SimpleBooleanProperty(this, "newOnly", false);
    private LeadSort sort = LeadSort.CREATED;
    private boolean descending = true;

    private final ReadOnlyObjectWrapper<ObservableList<LeadRow>> rows = new ReadOnlyObjectWrapper<>(this, "rows");
    private final ReadOnlyLongWrapper matchCount = new ReadOnlyLongWrapper(this, "matchCount");
    private final ReadOnlyLongWrapper totalCount = new ReadOnlyLongWrapper(this, "totalCount");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyIntegerWrapper rowsVersion = new ReadOnlyIntegerWrapper(this, "rowsVersion");
    private final ReadOnlyIntegerWrapper selectIndexRequest = new ReadOnlyIntegerWrapper(this, "selectIndexRequest", -1);
    private final ReadOnlyStringWrapper selectedLeadId = new ReadOnlyStringWrapper(this, "selectedLeadId");
    private final ReadOnlyIntegerWrapper selectedIndex = new ReadOnlyIntegerWrapper(this, "selectedIndex", -1);
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText", "");
    private final ReadOnlyIntegerWrapper activeFilters = new ReadOnlyIntegerWrapper(this, "activeFilters");
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper(this, "feedback", "");
    private final UiStateStore memory;
    private EmptyText.Hints hints = new EmptyText.Hints(true, false, false);
    private boolean answered;
    private Cancellable feedbackTimer = Cancellable.NONE;

    private LeadRowList list;
    private long generation;
    private Cancellable pendingDebounce = Cancellable.NONE;
    private Cancellable runningQuery = Cancellable.NONE;
    private int pendingSelection = -1;
    private long selectedRowId = -1;
    private long lastQueryMillis = -1;
    /** The "of N" total of the last scope; reused while only search and filters change (data changes call refresh()). */
    private volatile TotalCache totalCache;

    private record TotalCache(LeadQuery scope, long total) { }

    public LeadsTableViewModel(LeadCache cache, TaskExecutor executor, Messages messages, Duration debounce, ZoneId zone) {
        this(cache, executor, messages, debounce, zone, UiStateStore.inMemory(executor));
    }

    /** @param memory where the sort and the columns are remembered between runs */
    public LeadsTableViewModel(LeadCache cache, TaskExecutor executor, Messages messages, Duration debounce, ZoneId zone,
                               UiStateStore memory) {
        this.cache = cache;
        this.memory = memory;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
        this.debounce = debounce;
        this.zone = zone;
        this.list = LeadRowList.empty(cache, executor);
        rows.set(list);
        Observable[] typed = {search};
        Observable[] immediate = {scope, dateFrom, dateTo, platform, organic, status, newOnly};
        for (Observable o : typed) {
            o.addListener(x -> requery(debounce));
        }
        for (Observable o : immediate) {
            o.addListener(x -> requery(Duration.ZERO));
        }
        for (Observable o : new Observable[] {dateFrom, dateTo, platform, organic, status}) {
            o.addListener(x -> activeFilters.set(countFilters()));
        }
        UiState.Table t = memory.get().table();
        if (t.sort() != null) {
            try {
                sort = LeadSort.valueOf(t.sort());
                descending = t.descending();
            } catch (IllegalArgumentException e) {
                // a sort this version does not know: newest first
            }
        }
        updateEmptyText();
    }

    private int countFilters() {
        return TableQuery.activeFilters(dateFrom.get(), dateTo.get(), platform.get(), organic.get(), status.get());
    }

    /** What the empty table says: whether a sync can bring leads in or runs now, whether the demo's leads live apart. */
    public void setEmptyHints(EmptyText.Hints h) {
        hints = h;
        updateEmptyText();
    }

    private void updateEmptyText() {
        boolean scoped = !scope.get().formIds().isEmpty() || !scope.get().pageIds().isEmpty();
        emptyText.set(EmptyText.of(m, answered, totalCount.get() > 0, hasSearchOrFilters(), scoped, hints));
    }

    private boolean hasSearchOrFilters() {
        return (search.get() != null && !search.get().isBlank()) || countFilters() > 0 || newOnly.get();
    }

    /** Escape in the search box: the search goes, the table shows every lead of the scope again. */
    public void clearSearch() {
        search.set("");
    }

    /** Says something about the table for a few seconds ("Email copied."), next to the count. */
    public void say(String text) {
        feedbackTimer.cancel();
        feedback.set(text == null ? "" : text);
        feedbackTimer = executor.schedule(FEEDBACK_TIME, () -> feedback.set(""));
    }

    static final Duration FEEDBACK_TIME = Duration.ofSeconds(4);

    /** Where this window's layout is remembered. */
    public UiStateStore memory() {
        return memory;
    }

    /** The columns as the user left them: ids in order, and the hidden ones (nulls = the default layout). */
    public UiState.Table columnLayout() {
        return memory.get().table();
    }

    /** The user moved, showed or hid columns: remembered for the next run. */
    public void columnsChanged(List<String> order, List<String> hidden) {
        memory.update(st -> st.withTable(st.table().withColumns(order, hidden)));
    }

    /** The query the table shows now. */
    public LeadQuery currentQuery() {
        return TableQuery.of(scopeQuery(), search.get(), dateFrom.get(), dateTo.get(), zone, platform.get(),
                organic.get(), status.get(), newOnly.get());
    }

    private LeadQuery scopeQuery() {
        return LeadQuery.all().withPages(scope.get().pageIds()).withForms(scope.get().formIds()).sortedBy(sort, descending);
    }

    /** Shows every cached lead / the leads of these pages / forms. */
    public void setScope(Set<String> pageIds, Set<String> formIds) {
        scope.set(new Scope(pageIds, formIds));
    }

    public void sortBy(LeadSort by, boolean desc) {
        if (by == null) {
            by = LeadSort.CREATED;
            desc = true;
        }
        if (by == sort && desc == descending) {
            return;
        }
        sort = by;
        descending = desc;
        LeadSort remembered = by;
        boolean d = desc;
        memory.update(st -> st.withTable(st.table().withSort(remembered.name(), d)));
        requery(Duration.ZERO);
    }

    public LeadSort sort() {
        return sort;
    }

    public boolean descending() {
        return descending;
    }

    /** Runs the query again now (after a sync or a review change), keeping the selected lead selected. */
    public void refresh() {
        totalCache = null;
        requery(Duration.ZERO);
    }

    public void clearFilters() {
        dateFrom.set(null);
        dateTo.set(null);
        platform.set(Platform.ALL);
        organic.set(Organic.ALL);
        status.set(null);
    }

    private void requery(Duration delay) {
        pendingDebounce.cancel();
        pendingDebounce = executor.schedule(delay, this::runQuery);
    }

    /**
     * Runs the current query. A refresh of the query that is running (the data changed: a sync stores pages every
     * few hundred milliseconds) does not cancel it, or a slow query would never land: it runs once more after it.
     * A different query (the search or filters changed) replaces the running one.
     */
    private void runQuery() {
        LeadQuery q = currentQuery();
        if (running != null && running.equals(q)) {
            rerun = true;
            return;
        }
        runningQuery.cancel();
        rerun = false;
        running = q;
        long gen = ++generation;
        LeadQuery scope = scopeQuery();
        loading.set(true);
        long started = System.nanoTime();
        TotalCache known = totalCache;
        runningQuery = executor.submit("leads query", () -> {
            long[] ids = cache.leadRowIds(q);
            long total;
            if (q.equals(scope)) {
                total = ids.length;
            } else if (known != null && known.scope().equals(scope)) {
                total = known.total();
            } else {
                total = cache.countLeads(scope);
            }
            return new Result(ids, total, new TotalCache(scope, total));
        }, r -> {
            if (gen != generation) {
                return;
            }
            running = null;
            lastQueryMillis = (System.nanoTime() - started) / 1_000_000;
            totalCache = r.totals();
            apply(r);
            if (rerun) {
                rerun = false;
                totalCache = null;
                runQuery();
            }
        }, e -> {
            if (gen != generation) {
                return;
            }
            running = null;
            rerun = false;
            loading.set(false);
            error.set(errors.describe(e));
        });
    }

    /** The query running now (null when none) and whether the data changed while it ran. */
    private LeadQuery running;
    private boolean rerun;

    private record Result(long[] ids, long total, TotalCache totals) { }

    private void apply(Result r) {
        LeadRowList next = new LeadRowList(r.ids(), cache, executor, this::blockLoaded);
        next.seedFrom(list);
        list.replacedBy(next);
        long keep = selectedRowId;
        int restore = keep < 0 ? -1 : next.indexOfRowId(keep);
        list = next;
        loading.set(false);
        error.set("");
        matchCount.set(r.ids().length);
        totalCount.set(r.total());
        countText.set(m.format("leads.count", (long) r.ids().length, r.total()));
        answered = true;
        updateEmptyText();
        selectIndexRequest.set(-1);
        rows.set(next);            // the table drops its selection here
        if (restore >= 0) {
            select(restore);
            selectIndexRequest.set(restore);
        } else {
            select(-1);
        }
    }

    private void blockLoaded(int block) {
        rowsVersion.set(rowsVersion.get() + 1);
        if (pendingSelection >= 0 && (block < 0 || pendingSelection / LeadRowList.BLOCK == block)) {
            LeadRow r = list.peek(pendingSelection);
            if (r != null) {
                pendingSelection = -1;
                selectedLeadId.set(r.id());
            }
        }
    }

    /** The table's selection moved to {@code index} (-1 = none): the detail follows. */
    public void select(int index) {
        selectedIndex.set(index);
        if (index < 0 || index >= list.size()) {
            pendingSelection = -1;
            selectedRowId = -1;
            selectedLeadId.set(null);
            return;
        }
        long rowId = list.rowIdAt(index);
        if (rowId != selectedRowId) {
            feedbackTimer.cancel();
            feedback.set(""); // said about another row
        }
        selectedRowId = rowId;
        LeadRow r = list.get(index);
        if (LeadRowList.isLoaded(r)) {
            pendingSelection = -1;
            selectedLeadId.set(r.id());
        } else {
            pendingSelection = index;
        }
    }

    /** A lead's review changed: update its row in place so the table shows the new status at once. */
    public void reviewChanged(String leadId, ReviewStatus newStatus) {
        list.updateLoaded(leadId, r -> new LeadRow(r.rowId(), r.id(), r.formId(), r.pageId(), r.createdEpochSecond(), r.name(),
                r.email(), r.phone(), r.platform(), r.organic(), r.campaignName(), r.adName(), newStatus, r.isNew()));
    }

    /** Issue 14: the lead was seen (shown in the detail pane): its row stops being bold at once, without a query. */
    public void seen(String leadId) {
        list.updateLoaded(leadId, r -> new LeadRow(r.rowId(), r.id(), r.formId(), r.pageId(), r.createdEpochSecond(), r.name(),
                r.email(), r.phone(), r.platform(), r.organic(), r.campaignName(), r.adName(), r.status(), false));
    }

    /** Issue 14: "New only" (the filter bar's toggle). */
    public BooleanProperty newOnlyProperty() {
        return newOnly;
    }

    /** Milliseconds the last query took from start to result (for the benchmark), -1 before the first. */
    public long lastQueryMillis() {
        return lastQueryMillis;
    }

    public LeadRowList list() {
        return list;
    }

    public ReadOnlyObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<LocalDate> dateFromProperty() {
        return dateFrom;
    }

    public ObjectProperty<LocalDate> dateToProperty() {
        return dateTo;
    }

    public ObjectProperty<Platform> platformProperty() {
        return platform;
    }

    public ObjectProperty<Organic> organicProperty() {
        return organic;
    }

    public ObjectProperty<ReviewStatus> statusProperty() {
        return status;
    }

    public BooleanProperty filtersVisibleProperty() {
        return filtersVisible;
    }

    public ReadOnlyObjectProperty<ObservableList<LeadRow>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty matchCountProperty() {
        return matchCount.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty totalCountProperty() {
        return totalCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty rowsVersionProperty() {
        return rowsVersion.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectIndexRequestProperty() {
        return selectIndexRequest.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedLeadIdProperty() {
        return selectedLeadId.getReadOnlyProperty();
    }

    /** What the table says while it shows no lead: why, and what to do. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    /** How many filters narrow the table (the Filters button shows it). */
    public ReadOnlyIntegerProperty activeFiltersProperty() {
        return activeFilters.getReadOnlyProperty();
    }

    /** A short note about the table ("Email copied."), "" when none. */
    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty selectedIndexProperty() {
        return selectedIndex.getReadOnlyProperty();
    }
}
