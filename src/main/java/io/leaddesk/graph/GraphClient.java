package io.leaddesk.graph;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Graph API client (OkHttp + Jackson). Thread-safe; one instance serves all pages and forms.
 * Every call retries transient and rate-limit failures with exponential backoff and jitter, honouring
 * usage headers, and throws {@link GraphException} with a typed {@link GraphErrorKind} otherwise.
 *
 * SKELETON: signatures are the contract; the graph helper implements them.
 */
public final class GraphClient implements AutoCloseable {

    public GraphClient(GraphSettings settings) {
        this(settings, Sleeper.REAL);
    }

    /** With a custom {@link Sleeper} (tests record backoff waits instead of sleeping). */
    public GraphClient(GraphSettings settings, Sleeper sleeper) {
    }

    public GraphSettings settings() {
        throw new UnsupportedOperationException();
    }

    /** {@code /me?metadata=1&fields=id,name}: user or page token, id and name (fallback through /me/accounts code 100). */
    public TokenInfo whoami(AccessToken token) {
        throw new UnsupportedOperationException();
    }

    /**
     * Pages the token reaches: for a user token every page of /me/accounts (all result pages) with each page's own
     * token; for a page token that page only, with the same token.
     */
    public List<PageInfo> pages(AccessToken token, TokenInfo who) {
        throw new UnsupportedOperationException();
    }

    /** Every lead form of the page (all result pages), with questions and legal_content. */
    public List<LeadForm> forms(PageInfo page) {
        throw new UnsupportedOperationException();
    }

    /**
     * Every lead of a form, newest first, one result page at a time to {@code handler}.
     *
     * @param createdAfter Unix seconds; when not null only leads with time_created GREATER_THAN it are asked for (filtering)
     * @param cancelled    checked between pages (and during backoff waits); when true a
     *                     {@link java.util.concurrent.CancellationException} is thrown
     */
    public void leads(PageInfo page, String formId, Long createdAfter, LeadPageHandler handler,
                      BooleanSupplier cancelled, RetryListener retries) {
        throw new UnsupportedOperationException();
    }

    /** A single lead, {@code /{lead_id}?fields=...}. */
    public Lead lead(AccessToken token, String leadId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
