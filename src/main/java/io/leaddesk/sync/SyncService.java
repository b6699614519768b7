package io.leaddesk.sync;

import io.leaddesk.access.Finding;
import io.leaddesk.access.PageDiagnosis;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.model.LeadForm;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.graph.TokenCheck;
import io.leaddesk.graph.TokenKind;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoreException;
import io.leaddesk.store.StoredForm;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs in, refreshes pages and forms, and pulls leads into the cache. Shared by the CLI and the GUI.
 *
 * <p>Crash safety: every result page of leads is committed in its own transaction by {@link LeadStore#upsertLeads}.
 * Graph serves leads newest first, so the durable watermark of a form (newest created_time of its last
 * <em>complete</em> pull) only moves when a pull finishes; a pull that dies half-way, or that a paging guard stops
 * ({@link FormOutcome.Status#INCOMPLETE}), is simply repeated from the old watermark next time, and upsert-by-id
 * keeps every lead exactly once. Leads that cannot be stored are skipped and reported ({@link FormPull}).
 *
 * <p>Signing in never blocks: the token check ends within {@link TokenCheck#LIMIT} and can be cancelled. A sync that
 * meets a permission problem on a Page names the access doctor's finding for it ({@link PageDiagnosis}: its
 * has_lead_access, the person's tasks and permissions), and goes on with the Pages it can read.
 */
public final class SyncService {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    /** Incremental pulls ask for leads newer than the watermark minus this, so a lead written late at Meta is not missed. */
    public static final Duration OVERLAP = Duration.ofMinutes(10);
    public static final int DEFAULT_CONCURRENCY = 4;

    private final GraphClient graph;
    private final LeadStore store;
    private final int concurrency;
    private final Clock clock;

    public SyncService(GraphClient graph, LeadStore store) {
        this(graph, store, DEFAULT_CONCURRENCY, Clock.systemUTC());
    }

    public SyncService(GraphClient graph, LeadStore store, int concurrency, Clock clock) {
        this.graph = graph;
        this.store = store;
        this.concurrency = Math.max(1, concurrency);
        this.clock = clock;
    }

    public LeadStore store() {
        return store;
    }

    public GraphClient graph() {
        return graph;
    }

    /**
     * Validates the token against Graph (whoami + pages) within {@link TokenCheck#LIMIT}. Throws GraphException
     * (TOKEN, PERMISSION, NETWORK...), with the sign-in's way on (check the connection or work offline) when Meta
     * cannot be reached or does not answer.
     */
    public Session signIn(AccessToken token) {
        return signIn(token, () -> false);
    }

    /**
     * {@link #signIn(AccessToken)} that the app's Cancel ends at once: the request in flight is cancelled and a
     * {@link java.util.concurrent.CancellationException} comes back.
     */
    public Session signIn(AccessToken token, java.util.function.BooleanSupplier cancelled) {
        TokenCheck.Result r = new TokenCheck(graph).check(token, cancelled);
        for (PageInfo p : r.pages()) {
            store.upsertPage(p);
        }
        LOG.info("Signed in as {} {} reaching {} page(s)", r.who().kind().wireName(), r.who().id(), r.pages().size());
        return new Session(token, r.who(), r.pages());
    }

    /** Fetches the forms of the session's pages (all when pageIds empty) from Graph, stores them, returns them as cached. */
    public List<StoredForm> refreshForms(Session session, Collection<String> pageIds) {
        FormsRefresh r = refreshFormsDetailed(session, pageIds);
        if (r.forms().isEmpty() && !r.problems().isEmpty()) {
            FormsRefresh.PageProblem p = r.problems().get(0);
            throw new GraphException(p.kind() == null ? GraphErrorKind.OTHER : p.kind(), p.message());
        }
        return r.forms();
    }

    /**
     * Like {@link #refreshForms} but never fails for one page: pages whose forms could not be read are reported.
     * A dead token (TOKEN) still throws, since no page can be read then.
     */
    public FormsRefresh refreshFormsDetailed(Session session, Collection<String> pageIds) {
        List<FormsRefresh.PageProblem> problems = new ArrayList<>();
        List<String> refreshed = new ArrayList<>();
        for (PageInfo page : selectPages(session, pageIds == null ? Set.of() : Set.copyOf(pageIds))) {
            try {
                List<LeadForm> forms = graph.forms(page);
                store.upsertPage(page);
                store.upsertForms(page.id(), forms);
                refreshed.add(page.id());
            } catch (GraphException e) {
                if (e.kind() == GraphErrorKind.TOKEN) {
                    throw e;
                }
                problems.add(new FormsRefresh.PageProblem(page.id(), page.name(),
                        "Could not read the forms of " + page.name() + ": " + e.getMessage(), e.kind()));
            }
        }
        List<String> scope = pageIds == null || pageIds.isEmpty()
                ? session.pages().stream().map(PageInfo::id).toList()
                : List.copyOf(pageIds);
        return new FormsRefresh(store.forms(scope), problems);
    }

    /** Pulls leads; blocks until done or cancelled; events go to {@code listener}; never throws for a single form's failure. */
    public SyncReport sync(Session session, SyncRequest request, SyncListener listener, CancelSignal cancel) {
        return sync(session, request, listener, cancel, null);
    }

    /**
     * {@link #sync(Session, SyncRequest, SyncListener, CancelSignal)} with the forms of the request's pages as
     * {@link #refreshFormsDetailed} read them a moment ago ({@code fresh}), so their lists are not asked for again:
     * an auto-sync round reads every Page's forms first and then pulls only the forms that changed. Pages of the
     * request missing from {@code fresh} are read from Graph as usual; null = every page is.
     */
    public SyncReport sync(Session session, SyncRequest request, SyncListener listener, CancelSignal cancel,
                           FormsRefresh fresh) {
        Instant started = clock.instant();
        SyncListener events = safe(listener);
        List<FormOutcome> outcomes = new ArrayList<>();
        List<FormPull.Job> jobs = new ArrayList<>();

        PageDiagnosis diagnosis = new PageDiagnosis(graph.forSignIn(),
                session.who().kind() == TokenKind.USER ? session.token() : null, cancel);

        // 1. Fresh form lists (leads_count, questions) for the pages concerned.
        Set<String> wantedPages = pagesFor(session, request);
        for (PageInfo page : selectPages(session, wantedPages)) {
            if (cancel.isCancelled()) {
                break;
            }
            List<LeadForm> forms = fresh == null ? null : freshForms(fresh, page);
            try {
                if (forms == null) {
                    forms = graph.forms(page);
                    store.upsertPage(page);
                    store.upsertForms(page.id(), forms);
                }
            } catch (GraphException e) {
                FormOutcome failed = new FormOutcome(page.id(), null, page.name(), FormOutcome.Status.FAILED, 0, 0,
                        "Could not read the forms of " + page.name() + ": " + e.getMessage(), e.kind());
                if (e.kind() == GraphErrorKind.TOKEN) {
                    cancel.cancel();
                }
                Finding f = explain(diagnosis, page, e);
                if (f != null) {
                    failed = failed.withFinding(f, e.kind() == GraphErrorKind.TOKEN ? failed.message()
                            : "Could not read the forms of " + page.name() + ": " + f.sentence());
                }
                outcomes.add(failed);
                continue;
            } catch (StoreException e) {
                outcomes.add(new FormOutcome(page.id(), null, page.name(), FormOutcome.Status.FAILED, 0, 0, e.getMessage(), null, true));
                cancel.cancel();
                continue;
            }
            for (LeadForm f : forms) {
                if (request.formIds().isEmpty() || request.formIds().contains(f.id())) {
                    Optional<StoredForm> cached = store.form(f.id());
                    boolean incremental = !request.full() && cached.map(StoredForm::watermark).isPresent();
                    long cachedLeads = cached.map(StoredForm::cachedLeads).orElse(0L);
                    // Incremental pulls can only estimate: what Meta counts beyond what we hold.
                    long expectedLeads = incremental ? Math.max(0, f.leadsCount() - cachedLeads) : Math.max(0, f.leadsCount());
                    jobs.add(new FormPull.Job(page, f, expectedLeads, cached.map(StoredForm::watermark).orElse(null)));
                }
            }
        }
        for (String wanted : request.formIds()) {
            if (jobs.stream().noneMatch(j -> j.form().id().equals(wanted))
                    && outcomes.stream().noneMatch(o -> o.formId() == null)) {
                outcomes.add(new FormOutcome(null, wanted, wanted, FormOutcome.Status.SKIPPED, 0, 0,
                        "Form " + wanted + " is not among the forms this token reaches; check the id or sign in with a token for its Page.",
                        GraphErrorKind.NOT_FOUND));
            }
        }

        long expected = jobs.stream().mapToLong(FormPull.Job::expected).sum();
        events.onEvent(new SyncEvent.Started(jobs.size(), expected));

        // 2. Leads, forms concurrently (bounded).
        AtomicLong fetchedTotal = new AtomicLong();
        AtomicLong newTotal = new AtomicLong();
        if (!jobs.isEmpty()) {
            FormPull pull = new FormPull(graph, store, clock);
            AtomicInteger threadNo = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, jobs.size()), r -> {
                Thread t = new Thread(r, "leaddesk-sync-" + threadNo.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<FormOutcome>> futures = new ArrayList<>();
                for (FormPull.Job job : jobs) {
                    futures.add(pool.submit(() -> {
                        FormOutcome o = explained(pull.run(job, request.full(), events, cancel, fetchedTotal, newTotal),
                                job, diagnosis);
                        events.onEvent(new SyncEvent.FormFinished(o));
                        return o;
                    }));
                }
                for (int i = 0; i < futures.size(); i++) {
                    outcomes.add(await(futures.get(i), jobs.get(i)));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        SyncReport report = new SyncReport(outcomes, fetchedTotal.get(), newTotal.get(), cancel.isCancelled(),
                Duration.between(started, clock.instant()));
        LOG.info("{}", report.summary());
        events.onEvent(new SyncEvent.Finished(report));
        return report;
    }

    /**
     * A form its Page's permissions stopped: its sentence becomes the doctor's finding for the Page (the leads
     * fetched before are still said to be kept).
     */
    private static FormOutcome explained(FormOutcome o, FormPull.Job job, PageDiagnosis diagnosis) {
        if (o.errorKind() != GraphErrorKind.PERMISSION) {
            return o;
        }
        Finding f = explain(diagnosis, job.page(), new GraphException(GraphErrorKind.PERMISSION, o.message()));
        return f == null ? o : o.withFinding(f, FormPull.keptNote(f.sentence(), o.fetched()));
    }

    /** The diagnosis of a Page; null when it has nothing more precise to say or could not be made. */
    private static Finding explain(PageDiagnosis diagnosis, PageInfo page, GraphException e) {
        try {
            return diagnosis.explain(page, e).orElse(null);
        } catch (RuntimeException ex) {
            LOG.warn("The diagnosis of page {} failed ({})", page.id(), ex.getClass().getSimpleName());
            return null;
        }
    }

    /** The forms of {@code page} in a refresh that read them, null when the refresh could not. */
    private static List<LeadForm> freshForms(FormsRefresh fresh, PageInfo page) {
        if (fresh.problems().stream().anyMatch(p -> page.id().equals(p.pageId()))) {
            return null;
        }
        List<LeadForm> out = new ArrayList<>();
        for (StoredForm f : fresh.forms()) {
            if (page.id().equals(f.pageId())) {
                out.add(f.form());
            }
        }
        return out;
    }

    private static FormOutcome await(Future<FormOutcome> f, FormPull.Job job) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FormOutcome(job.page().id(), job.form().id(), job.form().name(), FormOutcome.Status.CANCELLED, 0, 0, "Interrupted.", null);
        } catch (ExecutionException e) {
            return new FormOutcome(job.page().id(), job.form().id(), job.form().name(), FormOutcome.Status.FAILED, 0, 0,
                    "Unexpected error (" + e.getCause().getClass().getSimpleName() + "); see the log.", null);
        }
    }

    /** Pages a request concerns: its pages, plus the pages of its forms (looked up in the cache); empty = all. */
    private Set<String> pagesFor(Session session, SyncRequest request) {
        if (request.formIds().isEmpty()) {
            return request.pageIds();
        }
        if (request.pageIds().isEmpty()) {
            // Forms of unknown page: only the cache can tell; if any form is unknown, refresh every page.
            java.util.HashSet<String> pages = new java.util.HashSet<>();
            for (String formId : request.formIds()) {
                Optional<StoredForm> f = store.form(formId);
                if (f.isEmpty()) {
                    return Set.of();
                }
                pages.add(f.get().pageId());
            }
            return pages;
        }
        java.util.HashSet<String> pages = new java.util.HashSet<>(request.pageIds());
        for (String formId : request.formIds()) {
            store.form(formId).ifPresent(f -> pages.add(f.pageId()));
        }
        return pages;
    }

    private static List<PageInfo> selectPages(Session session, Set<String> pageIds) {
        if (pageIds.isEmpty()) {
            return session.pages();
        }
        Map<String, PageInfo> byId = new LinkedHashMap<>();
        for (PageInfo p : session.pages()) {
            byId.put(p.id(), p);
        }
        List<PageInfo> out = new ArrayList<>();
        for (String id : pageIds) {
            PageInfo p = byId.get(id);
            if (p == null) {
                throw new GraphException(GraphErrorKind.NOT_FOUND,
                        "Page " + id + " is not among the pages this token reaches; check the id or sign in with a token that manages it.");
            }
            out.add(p);
        }
        return out;
    }

    private static SyncListener safe(SyncListener l) {
        SyncListener target = l == null ? SyncListener.NONE : l;
        return e -> {
            try {
                target.onEvent(e);
            } catch (RuntimeException ex) {
                LOG.warn("A sync listener failed on {}", e.getClass().getSimpleName(), ex);
            }
        };
    }

}
