package io.leaddesk.sync;

import io.leaddesk.access.Finding;
import io.leaddesk.access.PageDiagnosis;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.model.LeadForm;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.graph.TokenCheck;
import io.leaddesk.graph.TokenKind;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.SortIndexes;
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
<em>complete</em> pull) only moves when a pull finishes, every slice of it; upsert-by-id keeps every lead exactly
 * once. Leads that cannot be stored are skipped and reported ({@link FormRun}).
 *
 * <p>Speed: a sync waits on Meta's round trips, not on the CPU, so it keeps up to {@code concurrency} requests in
 * flight at once (LEADDESK_CONCURRENCY, {@link GraphSettings#concurrency()}), shared by all forms: the forms' lists of
 * pages are read at once, a big form is read as several {@code time_created} ranges in parallel and a range that turns
 * out large is cut again ({@link PullScheduler}, {@link SlicePlan}), and each slice asks for its next page while the
 * previous one is being committed ({@link SliceRun}). Each slice's progress is kept in the cache, so a sync killed
 * half-way resumes each slice where it had got to; a pull that a paging guard stops
 * ({@link FormOutcome.Status#INCOMPLETE}) is read again from its old watermark. Pages Meta finds too large are asked
 * for again with half the size, and the size that worked is remembered per form ({@link PageSizeMemory}).
 *
 * <p>Signing in never blocks: the token check ends within {@link TokenCheck#LIMIT} and can be cancelled. A sync that
 * meets a permission problem on a Page names the access doctor's finding for it ({@link PageDiagnosis}: its
 * has_lead_access, the person's tasks and permissions), and goes on with the Pages it can read.
 */
public final class SyncService {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);

    /** Incremental pulls ask for leads newer than the watermark minus this, so a lead written late at Meta is not missed. */
    public static final Duration OVERLAP = Duration.ofMinutes(10);
    /** Requests in flight at once unless the client's settings say otherwise (LEADDESK_CONCURRENCY). */
    public static final int DEFAULT_CONCURRENCY = GraphSettings.DEFAULT_CONCURRENCY;

    private final GraphClient graph;
    private final LeadStore store;
    private final int concurrency;
    private final Clock clock;

    /** With the concurrency of the client's settings (LEADDESK_CONCURRENCY, default {@value #DEFAULT_CONCURRENCY}). */
    public SyncService(GraphClient graph, LeadStore store) {
        this(graph, store, graph.settings().concurrency(), Clock.systemUTC());
    }

    /** @param concurrency the most requests the sync has in flight at once, over all forms and slices */
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
        List<FormRun.Job> jobs = new ArrayList<>();
        long expectedNew = 0;

        PageDiagnosis diagnosis = new PageDiagnosis(graph.forSignIn(),
                session.who().kind() == TokenKind.USER ? session.token() : null, cancel);

        // 1. Fresh form lists (leads_count, questions) for the pages concerned, several pages at once; the forms of
        // a refresh made a moment ago (fresh) are not asked for again.
        List<PageInfo> pages = selectPages(session, pagesFor(session, request));
        List<PageForms> listed = listForms(pages, cancel, fresh, diagnosis);
        for (PageForms pf : listed) {
            PageInfo page = pf.page();
            if (pf.failure() != null) {
                outcomes.add(pf.failure());
                continue;
            }
            if (pf.forms() == null) {
                continue; // cancelled before it was read
            }
            for (LeadForm f : pf.forms()) {
                if (request.formIds().isEmpty() || request.formIds().contains(f.id())) {
                    Optional<StoredForm> cached = store.form(f.id());
                    boolean incremental = !request.full() && cached.map(StoredForm::watermark).isPresent();
                    long cachedLeads = cached.map(StoredForm::cachedLeads).orElse(0L);
                    // Incremental pulls can only estimate: what Meta counts beyond what we hold.
                    long expectedLeads = incremental ? Math.max(0, f.leadsCount() - cachedLeads) : Math.max(0, f.leadsCount());
                    jobs.add(new FormRun.Job(page, f, expectedLeads, cached.map(StoredForm::watermark).orElse(null)));
                    expectedNew += Math.max(0, f.leadsCount() - cachedLeads);
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

        long expected = jobs.stream().mapToLong(FormRun.Job::expected).sum();
        events.onEvent(new SyncEvent.Started(jobs.size(), expected));

        // 2. Leads: every form's slices within one concurrency, pages committed while the next ones are fetched; a
        // form its Page's permissions stopped names the doctor's finding.
        SyncContext context;
        ExecutorService writers = daemonPool(concurrency, "leaddesk-sync-write-");
        try {
            context = new SyncContext(graph, store, clock, events, cancel, writers);
            if (!jobs.isEmpty()) {
                // a big first sync writes without the name and e-mail sort indexes and builds them at the end
                try (SortIndexes.Deferral ignored = store.sortIndexes().deferFor(expectedNew)) {
                    outcomes.addAll(new PullScheduler(context, concurrency, (job, o) -> explained(o, job, diagnosis))
                            .run(jobs, request.full()));
                }
            }
        } finally {
            writers.shutdownNow();
        }

        SyncReport report = new SyncReport(outcomes, context.fetched(), context.added(), cancel.isCancelled(),
                Duration.between(started, clock.instant()));
        LOG.info("{}", report.summary());
        events.onEvent(new SyncEvent.Finished(report));
        return report;
    }

    /**
     * A form its Page's permissions stopped: its sentence becomes the doctor's finding for the Page (the leads
     * fetched before are still said to be kept).
     */
    private static FormOutcome explained(FormOutcome o, FormRun.Job job, PageDiagnosis diagnosis) {
        if (o.errorKind() != GraphErrorKind.PERMISSION) {
            return o;
        }
        Finding f = explain(diagnosis, job.page(), new GraphException(GraphErrorKind.PERMISSION, o.message()));
        return f == null ? o : o.withFinding(f, FormNotes.kept(f.sentence(), o.fetched()));
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

    /** The forms of a page as just read from Graph and cached, or the failure of that page (forms null when cancelled). */
    private record PageForms(PageInfo page, List<LeadForm> forms, FormOutcome failure) {
    }

    /** Reads and caches the form lists of these pages, up to {@code concurrency} at once, in their order. */
    private List<PageForms> listForms(List<PageInfo> pages, CancelSignal cancel, FormsRefresh fresh,
                                      PageDiagnosis diagnosis) {
        if (pages.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = daemonPool(Math.min(concurrency, pages.size()), "leaddesk-sync-forms-");
        try {
            List<Future<PageForms>> futures = new ArrayList<>();
            for (PageInfo page : pages) {
                futures.add(pool.submit(() -> listForms(page, cancel, fresh, diagnosis)));
            }
            List<PageForms> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel.cancel();
                    out.add(new PageForms(pages.get(i), null, null));
                } catch (ExecutionException e) {
                    LOG.error("Unexpected failure reading the forms of page {}", pages.get(i).id(), e.getCause());
                    out.add(new PageForms(pages.get(i), null, new FormOutcome(pages.get(i).id(), null, pages.get(i).name(),
                            FormOutcome.Status.FAILED, 0, 0, "Unexpected error (" + e.getCause().getClass().getSimpleName()
                            + "); see the log.", null)));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private PageForms listForms(PageInfo page, CancelSignal cancel, FormsRefresh fresh, PageDiagnosis diagnosis) {
        if (cancel.isCancelled()) {
            return new PageForms(page, null, null);
        }
        List<LeadForm> forms = fresh == null ? null : freshForms(fresh, page);
        if (forms != null) {
            return new PageForms(page, forms, null);
        }
        try {
            forms = graph.forms(page);
            store.upsertPage(page);
            store.upsertForms(page.id(), forms);
            return new PageForms(page, forms, null);
        } catch (GraphException e) {
            if (e.kind() == GraphErrorKind.TOKEN) {
                cancel.cancel();
            }
            FormOutcome failed = new FormOutcome(page.id(), null, page.name(), FormOutcome.Status.FAILED, 0, 0,
                    "Could not read the forms of " + page.name() + ": " + e.getMessage(), e.kind());
            Finding f = explain(diagnosis, page, e);
            if (f != null) {
                failed = failed.withFinding(f, e.kind() == GraphErrorKind.TOKEN ? failed.message()
                        : "Could not read the forms of " + page.name() + ": " + f.sentence());
            }
            return new PageForms(page, null, failed);
        } catch (StoreException e) {
            cancel.cancel();
            return new PageForms(page, null, new FormOutcome(page.id(), null, page.name(), FormOutcome.Status.FAILED, 0, 0,
                    e.getMessage(), null, true));
        }
    }

    private static ExecutorService daemonPool(int threads, String name) {
        AtomicInteger threadNo = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name + threadNo.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
