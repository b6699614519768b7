package io.leaddesk.ui;

import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.FormOutcome;
import io.leaddesk.sync.FormsRefresh;
import io.leaddesk.sync.SyncEvent;
import io.leaddesk.sync.SyncListener;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.sync.SyncRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Plays a scripted sync: emits events, optionally adds leads to the fake cache, and lets a test act mid-sync. */
public final class FakeSyncBackend implements SyncBackend {
    private final FakeLeadCache cache;
    public final List<SyncRequest> requests = new ArrayList<>();
    public int newLeads = 2;
    public FormOutcome.Status outcome = FormOutcome.Status.OK;
    public io.leaddesk.graph.GraphErrorKind errorKind;
    public String failMessage = "";
    public Consumer<SyncListener> midSync = l -> { };
    /** Leads the fake says it fetched (new ones included). */
    public long fetched = 100;
    public List<io.leaddesk.sync.SkippedLead> skipped = List.of();

    public FakeSyncBackend(FakeLeadCache cache) {
        this.cache = cache;
    }

    @Override
    public FormsRefresh refreshForms() {
        return new FormsRefresh(cache.forms(List.of()), List.of());
    }

    @Override
    public SyncReport sync(SyncRequest request, SyncListener listener, CancelSignal cancel) {
        requests.add(request);
        listener.onEvent(new SyncEvent.Started(1, 100));
        listener.onEvent(new SyncEvent.FormStarted(TestData.PAGE, "Page", TestData.FORM, "Form", 100, true));
        // a first page of leads already cached: read, none new (the fake adds its new leads at the end)
        listener.onEvent(new SyncEvent.FormProgress(TestData.PAGE, TestData.FORM, 50, 100, 0));
        midSync.accept(listener);
        boolean cancelled = cancel.isCancelled();
        int added = 0;
        if ((outcome == FormOutcome.Status.OK || outcome == FormOutcome.Status.INCOMPLETE) && !cancelled) {
            for (int i = 0; i < newLeads; i++) {
                cache.addLead(TestData.PAGE, TestData.lead("N" + i, 1_800_000_000L + i, "Нова Людина " + i, "n" + i + "@x.org", "fb", false));
                added++;
            }
        }
        FormOutcome o = new FormOutcome(TestData.PAGE, TestData.FORM, "Form", cancelled ? FormOutcome.Status.CANCELLED : outcome,
                fetched, added, failMessage, errorKind, false, skipped);
        listener.onEvent(new SyncEvent.FormFinished(o));
        SyncReport r = new SyncReport(List.of(o), fetched, added, cancelled, Duration.ofMillis(1200));
        listener.onEvent(new SyncEvent.Finished(r));
        return r;
    }
}
