package io.leaddesk.live;

import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.store.Arrivals;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoreException;
import io.leaddesk.store.StoredForm;
import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.FormOutcome;
import io.leaddesk.sync.FormsRefresh;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncListener;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.sync.SyncService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cheap check for new leads: each Page's forms are asked for their {@code leads_count} first (one request per
 * Page, {@link SyncService#refreshFormsDetailed}), and leads are fetched, incrementally as a manual sync does
 * ({@link SyncService#sync(Session, SyncRequest, SyncListener, CancelSignal, FormsRefresh)}, without asking for the
 * form lists again), only for the forms that need it:
 * <ul>
 *   <li>its leads_count differs from what the cache knew before the round,</li>
 *   <li>its last complete pull is older than {@link #RECHECK} (or it never had one), or</li>
 *   <li>its pull in an earlier round did not complete (it is tried again every round until it does).</li>
 * </ul>
 * Quiet rounds thus cost one request per Page. Not thread-safe: one round at a time ({@link AutoSync} sees to it).
 */
public final class LiveRound implements AutoSync.Rounds {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRound.class);

    /** A form whose count did not change is still pulled when its last complete pull is this old. */
    public static final Duration RECHECK = Duration.ofHours(1);
    /** The retry budget of one Graph call in a round: a round gives up sooner than a manual sync (the next one comes). */
    public static final Duration ROUND_RETRY_BUDGET = Duration.ofSeconds(60);
    /** Forms pulled at the same time in a round (a manual sync uses {@link SyncService#DEFAULT_CONCURRENCY}). */
    static final int ROUND_CONCURRENCY = 2;
    /** How many of the newest new leads a round lists by row id (for names and for "show me those leads"). */
    static final int KEEP_NEWEST = 200;

    private final SyncService service;
    /** The workspace's current session, read once per round ("Make this token last" swaps it). */
    private final Supplier<Session> session;
    private final Clock clock;
    private final Set<String> pageScope;
    private final Set<String> formScope;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    /**
     * @param service   the service rounds use (see {@link #serviceFor} for one with a round's retry budget)
     * @param pageScope only these Pages (empty = every Page of the session)
     * @param formScope only these forms (empty = every form of those Pages)
     */
    public LiveRound(SyncService service, Session session, Clock clock, Set<String> pageScope, Set<String> formScope) {
        this(service, () -> session, clock, pageScope, formScope);
        Objects.requireNonNull(session, "session");
    }

    /**
     * @param session the workspace's current session; each round asks it once, so a token swapped in since the last
     *                round ("Make this token last") is the one the next round uses
     */
    public LiveRound(SyncService service, Supplier<Session> session, Clock clock, Set<String> pageScope,
                     Set<String> formScope) {
        this.service = service;
        this.session = Objects.requireNonNull(session, "session");
        this.clock = clock;
        this.pageScope = Set.copyOf(pageScope);
        this.formScope = Set.copyOf(formScope);
    }

    /** Every Page and form of the session. */
    public LiveRound(SyncService service, Session session, Clock clock) {
        this(service, session, clock, Set.of(), Set.of());
    }

    /** Every Page and form of the current session. */
    public LiveRound(SyncService service, Supplier<Session> session, Clock clock) {
        this(service, session, clock, Set.of(), Set.of());
    }

    /**
     * A service for rounds from the manual sync's: the same cache, connections and usage records, a shorter retry
     * budget per call ({@link #ROUND_RETRY_BUDGET}, or the manual one when shorter) and fewer forms at a time.
     */
    public static SyncService serviceFor(SyncService manual, Clock clock) {
        GraphClient graph = manual.graph();
        GraphSettings s = graph.settings();
        Duration budget = s.maxRetryTime() != null && s.maxRetryTime().compareTo(ROUND_RETRY_BUDGET) < 0
                ? s.maxRetryTime() : ROUND_RETRY_BUDGET;
        return new SyncService(graph.withSettings(s.withMaxRetryTime(budget)), manual.store(), ROUND_CONCURRENCY, clock);
    }

    @Override
    public RoundResult run(SyncListener progress, CancelSignal cancel) {
        Instant started = clock.instant();
        LeadStore store = service.store();
        Session session = this.session.get();
        List<String> pages = pages(session);
        try {
            long mark = store.newestRowId();
            Map<String, StoredForm> before = new HashMap<>();
            for (StoredForm f : store.forms(pages)) {
                before.put(f.id(), f);
            }
            if (cancel.isCancelled()) {
                return end(started, RoundResult.Outcome.CANCELLED, null, null, 0, List.of(), List.of(), null, null);
            }
            // every Page: as the session lists them (a scope: those Pages, in no particular order)
            FormsRefresh fresh = service.refreshFormsDetailed(session, pageScope.isEmpty() ? List.of() : pages);
            Failure pageFailure = Failure.worst(fresh.problems().stream()
                    .map(p -> new Failure(outcomeOf(p.kind()), p.message(), p.kind())).toList());
            List<String> pull = new ArrayList<>();
            Set<String> pullPages = new LinkedHashSet<>();
            for (StoredForm f : fresh.forms()) {
                if ((formScope.isEmpty() || formScope.contains(f.id())) && needsPull(f, before.get(f.id()), started)) {
                    pull.add(f.id());
                    pullPages.add(f.pageId());
                }
            }
            int pagesChecked = pages.size() - fresh.problems().size();
            if (pull.isEmpty()) {
                Arrivals news = store.arrivalsAfter(mark, KEEP_NEWEST);
                return end(started, pageFailure.outcome, pageFailure.sentence, pageFailure.kind, pagesChecked, pull,
                        List.of(), news, null);
            }
            pending.addAll(pull);
            SyncReport report = service.sync(session, new SyncRequest(pullPages, Set.copyOf(pull), false), progress,
                    cancel, fresh);
            List<Failure> failures = new ArrayList<>();
            failures.add(pageFailure);
            List<RoundResult.FormCount> cached = new ArrayList<>();
            for (FormOutcome o : report.forms()) {
                if (o.formId() != null && o.status() == FormOutcome.Status.OK) {
                    pending.remove(o.formId());
                }
                if (o.newLeads() > 0) {
                    cached.add(new RoundResult.FormCount(o.formId(), o.formName(), o.newLeads()));
                }
                if (o.storageProblem()) {
                    failures.add(new Failure(RoundResult.Outcome.STORAGE, o.message(), null));
                } else if (o.status() == FormOutcome.Status.FAILED || o.status() == FormOutcome.Status.INCOMPLETE) {
                    RoundResult.Outcome out = o.errorKind() == null ? RoundResult.Outcome.FAILED : outcomeOf(o.errorKind());
                    failures.add(new Failure(out, o.message(), o.errorKind()));
                }
            }
            cached.sort(Comparator.comparingLong(RoundResult.FormCount::count).reversed()
                    .thenComparing(RoundResult.FormCount::formName, Comparator.nullsLast(Comparator.naturalOrder())));
            Failure worst = Failure.worst(failures);
            RoundResult.Outcome outcome = report.cancelled() && worst.outcome == RoundResult.Outcome.OK
                    ? RoundResult.Outcome.CANCELLED : worst.outcome;
            Arrivals news = store.arrivalsAfter(mark, KEEP_NEWEST);
            return end(started, outcome, worst.sentence, worst.kind, pagesChecked, pull, cached, news, report);
        } catch (GraphException e) { // a dead token: no Page can be read
            return end(started, outcomeOf(e.kind()), e.getMessage(), e.kind(), 0, List.of(), List.of(), null, null);
        } catch (StoreException e) {
            return end(started, RoundResult.Outcome.STORAGE, e.getMessage(), null, 0, List.of(), List.of(), null, null);
        } catch (RuntimeException e) {
            LOG.error("Checking for new leads failed unexpectedly", e);
            return end(started, RoundResult.Outcome.FAILED, "Checking for new leads failed unexpectedly ("
                            + e.getClass().getSimpleName() + "); the next check tries again, and the log has the details.",
                    null, 0, List.of(), List.of(), null, null);
        }
    }

    private boolean needsPull(StoredForm now, StoredForm before, Instant at) {
        if (pending.contains(now.id()) || before == null || before.lastSynced() == null) {
            return true;
        }
        if (now.form().leadsCount() != before.form().leadsCount()) {
            return true;
        }
        return !before.lastSynced().plus(RECHECK).isAfter(at);
    }

    private List<String> pages(Session session) {
        if (pageScope.isEmpty()) {
            return session.pages().stream().map(PageInfo::id).toList();
        }
        return session.pages().stream().map(PageInfo::id).filter(pageScope::contains).toList();
    }

    private RoundResult end(Instant started, RoundResult.Outcome outcome, String problem, GraphErrorKind kind,
                            int pagesChecked, List<String> pulled, List<RoundResult.FormCount> cached, Arrivals news,
                            SyncReport report) {
        Arrivals n = news == null ? new Arrivals(0, 0, Map.of(), List.of()) : news;
        Duration took = Duration.between(started, clock.instant());
        return new RoundResult(started, took.isNegative() ? Duration.ZERO : took, outcome,
                outcome == RoundResult.Outcome.OK || outcome == RoundResult.Outcome.CANCELLED ? null : problem, kind,
                pagesChecked, pulled, cached, n, report);
    }

    static RoundResult.Outcome outcomeOf(GraphErrorKind kind) {
        if (kind == null) {
            return RoundResult.Outcome.FAILED;
        }
        return switch (kind) {
            case TOKEN, PERMISSION -> RoundResult.Outcome.ACCESS;
            case NETWORK, TRANSIENT -> RoundResult.Outcome.NETWORK;
            case RATE_LIMIT -> RoundResult.Outcome.RATE_LIMITED;
            case NOT_FOUND -> RoundResult.Outcome.OK; // a Page or form gone: nothing to check there
            case INVALID_CURSOR, OTHER -> RoundResult.Outcome.FAILED;
        };
    }

    /** One failure of a round; the worst decides how the round ended. */
    private record Failure(RoundResult.Outcome outcome, String sentence, GraphErrorKind kind) {
        private static final List<RoundResult.Outcome> SEVERITY = List.of(RoundResult.Outcome.ACCESS,
                RoundResult.Outcome.STORAGE, RoundResult.Outcome.RATE_LIMITED, RoundResult.Outcome.NETWORK,
                RoundResult.Outcome.FAILED);

        static Failure worst(List<Failure> all) {
            Failure worst = new Failure(RoundResult.Outcome.OK, null, null);
            for (Failure f : all) {
                int at = SEVERITY.indexOf(f.outcome);
                int was = SEVERITY.indexOf(worst.outcome);
                if (at >= 0 && (was < 0 || at < was)) {
                    worst = f;
                }
            }
            return worst;
        }
    }
}
