package io.leaddesk.graph;

import io.leaddesk.model.Lead;

import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Pages through the leads of one form. Graph's paging is not to be trusted (a next link on empty pages for ever, a
 * cursor that does not advance, next missing while after is set; offsets that shift while leads arrive, so a page
 * repeats leads already seen), and repeated leads are harmless while missing ones are not. So the pager keeps
 * following next links as long as the cursor advances, even through pages that bring nothing new, and stops only
 * when
 * <ul>
 *   <li>a paging link or an {@code after} cursor comes back that was seen before in this pull (Graph goes round in
 *       circles),</li>
 *   <li>{@link #MAX_EMPTY_PAGES} result pages in a row hold no lead at all but still have a next link,</li>
 *   <li>the hard cap of result pages for the form is reached ({@link #pageCap}), or</li>
 *   <li>a next link is not a URL.</li>
 * </ul>
 * A pull stopped that way is reported as not complete ({@link LeadPull}): the sync keeps what it fetched but does
 * not move the form's watermark, so the next sync reads the form again from where the last complete pull ended.
 * A pull also ends, complete, when the handler says it has all it wants ({@link LeadPageHandler#reachedEnd()}).
 *
 * <p>Every request asks for the form's current {@link PageSize}. When Meta answers that a page asked for too much
 * ("reduce the amount of data", or a body that timed out), the same position is asked for again at once with half
 * the size, down to 25, without a wait and without using up the retry budget; only at the smallest size is the
 * failure retried like any transient one. Each answer is reported to the size, which a sync lets grow after full
 * pages ({@link PageSize#answered}). A request with two time filters that Graph refuses naming
 * {@code filtering} ends the pull with {@link FiltersRefusedException}.
 */
final class LeadPager {
    private static final Logger LOG = LoggerFactory.getLogger(GraphClient.class);

    /** At most this many result pages in a row without any lead (but with a next link) are followed. */
    static final int MAX_EMPTY_PAGES = 5;
    /** The page cap is never below this many result pages. */
    static final int PAGE_CAP_MINIMUM = 100;
    /** The cap allows this many times the pages the form's leads need at the smallest page size. */
    static final int PAGE_CAP_FACTOR = 10;
    /** The smallest page size servers are known to cap {@code limit} at silently (Graph's default). */
    static final int SMALLEST_PAGE = 25;

    private final GraphCaller caller;
    private final GraphUrls urls;

    LeadPager(GraphCaller caller, GraphUrls urls) {
        this.caller = caller;
        this.urls = urls;
    }

    /**
     * The most result pages one pull of a form may read: {@value #PAGE_CAP_MINIMUM} plus {@value #PAGE_CAP_FACTOR}
     * times the pages its leads fill at the smallest page size (25, or the asked page size when smaller). The count
     * is the larger of the form's leads_count and the leads delivered so far, so arrivals during the pull raise it.
     * A 5,000-lead form may take 2,100 pages where 200 would do at 25 a page (and 10 at the usual 500); a pull that
     * needs more is going round in circles, and each page costs a request against Meta's rate limits.
     */
    static long pageCap(long leadsCount, long delivered, int pageSize) {
        long leads = Math.max(0, Math.max(leadsCount, delivered));
        int page = Math.max(1, Math.min(SMALLEST_PAGE, pageSize));
        return PAGE_CAP_MINIMUM + PAGE_CAP_FACTOR * ((leads + page - 1) / page);
    }

    LeadPull pull(String formId, HttpUrl first, AccessToken token, long leadsCount, LeadPageHandler handler,
                  BooleanSupplier stop, RetryListener listener) {
        return pull(formId, first, token, leadsCount, new PageSize(caller.settings().pageSize()), false, handler,
                stop, listener);
    }

    /**
     * @param size            the page size to ask for, shared with the form's other pulls; halved on refusals
     * @param combinedFilters whether {@code first} carries two time filters (a refusal naming filtering then throws
     *                        {@link FiltersRefusedException})
     */
    LeadPull pull(String formId, HttpUrl first, AccessToken token, long leadsCount, PageSize size,
                  boolean combinedFilters, LeadPageHandler handler, BooleanSupplier stop, RetryListener listener) {
        int pageSize = size.start();
        HttpUrl url = first;
        Set<String> seenUrls = new HashSet<>();
        Set<String> seenAfters = new HashSet<>();
        Set<String> delivered = new HashSet<>();
        long deliveredCount = 0;
        int emptyRun = 0;
        boolean afterFallback = false;
        int pagesRead = 0;
        while (true) {
            GraphCaller.checkCancelled(stop);
            if (!seenUrls.add(url.newBuilder().removeAllQueryParameters("limit").build().toString())) {
                LOG.warn("Form {}: Graph sent a paging link it had sent before; stopped after {} result pages", formId, pagesRead);
                return LeadPull.stopped(pagesRead, deliveredCount, "Graph sent a paging link it had already sent");
            }
            long cap = pageCap(leadsCount, deliveredCount, pageSize);
            if (pagesRead >= cap) {
                LOG.warn("Form {}: {} result pages read, the most one pull may take; stopped", formId, pagesRead);
                return LeadPull.stopped(pagesRead, deliveredCount, "the form needed more than " + cap
                        + " result pages, LeadDesk's safety limit for a form of its size");
            }
            PageParsers.LeadPage result;
            try {
                result = fetch(formId, url, token, size, combinedFilters, stop, listener);
            } catch (GraphException e) {
                if (afterFallback && (e.kind() == GraphErrorKind.INVALID_CURSOR
                        || (e.kind() == GraphErrorKind.OTHER && e.httpStatus() >= 400 && e.httpStatus() < 500))) {
                    // the extra request was a guess past the last next link; everything real is already delivered
                    LOG.info("Form {}: the after-cursor retry was refused ({}); done", formId, e.kind());
                    return LeadPull.finished(pagesRead, deliveredCount);
                }
                throw e;
            }
            pagesRead++;
            List<Lead> all = result.leads();
            List<Lead> fresh = new ArrayList<>(all.size());
            int[] positions = new int[all.size()];
            for (int i = 0; i < all.size(); i++) {
                Lead lead = all.get(i);
                if (lead.id() == null || delivered.add(lead.id())) {
                    positions[fresh.size()] = i;
                    fresh.add(lead);
                }
            }
            if (!fresh.isEmpty()) {
                deliveredCount += fresh.size();
                int[] at = fresh.size() == positions.length ? positions : java.util.Arrays.copyOf(positions, fresh.size());
                handler.onPage(pagesRead, List.copyOf(fresh), at);
            }
            if (handler.reachedEnd()) {
                LOG.debug("Form {}: the caller has what it wants after {} result pages; done", formId, pagesRead);
                return LeadPull.finished(pagesRead, deliveredCount);
            }
            if (afterFallback && fresh.isEmpty()) {
                LOG.debug("Form {}: the after-cursor retry brought no new leads; done", formId);
                return LeadPull.finished(pagesRead, deliveredCount);
            }
            afterFallback = false;
            emptyRun = all.isEmpty() ? emptyRun + 1 : 0;
            String after = result.after();
            if (result.next() != null) {
                if (emptyRun >= MAX_EMPTY_PAGES) {
                    LOG.warn("Form {}: {} result pages in a row held no lead but still had a next link; stopped",
                            formId, emptyRun);
                    return LeadPull.stopped(pagesRead, deliveredCount, "Graph sent " + emptyRun
                            + " empty result pages in a row that still said more would follow");
                }
                if (after != null && !seenAfters.add(after)) {
                    LOG.warn("Form {}: the paging cursor did not advance; stopped after {} result pages", formId, pagesRead);
                    return LeadPull.stopped(pagesRead, deliveredCount, "Graph's paging position stopped advancing");
                }
                HttpUrl next = urls.followable(result.next());
                if (next == null) {
                    LOG.warn("Form {}: Graph sent a paging link that is not a URL; stopped", formId);
                    return LeadPull.stopped(pagesRead, deliveredCount, "Graph sent a paging link that is not a web address");
                }
                url = next;
                continue;
            }
            if (after != null && !all.isEmpty() && seenAfters.add(after)) {
                // Known Graph bug: next missing although more may follow. Ask once with the cursor itself.
                url = url.newBuilder().removeAllQueryParameters("before").removeAllQueryParameters("after")
                        .addQueryParameter("after", after).build();
                afterFallback = true;
                continue;
            }
            return LeadPull.finished(pagesRead, deliveredCount);
        }
    }

    /**
     * One result page at the current page size: a refusal for asking too much is asked again at once with half the
     * size while a smaller page is possible (no wait, no retry budget used); at the smallest size the caller retries
     * it like any transient failure.
     */
    private PageParsers.LeadPage fetch(String formId, HttpUrl url, AccessToken token, PageSize size,
                                       boolean combinedFilters, BooleanSupplier stop, RetryListener listener) {
        while (true) {
            int limit = size.get();
            HttpUrl sized = url.newBuilder().setQueryParameter("limit", Integer.toString(limit)).build();
            try {
                PageParsers.LeadPage page = caller.get(sized, token, "leads", PageParsers::leads, stop, listener,
                        size.canShrink(limit));
                size.answered(limit, page.leads().size(), page.next() != null);
                return page;
            } catch (GraphFailure e) {
                if (e.askedTooMuch() && size.canShrink(limit)) {
                    size.refused(limit);
                    LOG.info("Form {}: a page of {} leads was too much for Meta; asking for {} instead", formId, limit,
                            size.get());
                    GraphCaller.checkCancelled(stop);
                    continue;
                }
                if (combinedFilters && e.kind() == GraphErrorKind.OTHER && e.refusedFiltering()) {
                    LOG.info("Form {}: Meta refused two time filters in one request", formId);
                    throw new FiltersRefusedException(e);
                }
                throw e;
            }
        }
    }
}
