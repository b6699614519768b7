package io.leaddesk.access;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphAccess;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.graph.PageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * A cheap diagnosis of one Page that a sync could not read, so the sync names the doctor's finding for it instead of
 * a guess: for a token problem, the failure itself says what it is; for a permission problem, the Page's
 * has_lead_access (one read with its Page token), the person's tasks (already known from /me/accounts) and the
 * token's permissions (one read per sync). Answers are kept for the life of this object (one sync); thread-safe.
 */
public final class PageDiagnosis {
    private static final Logger LOG = LoggerFactory.getLogger(PageDiagnosis.class);

    private final GraphClient graph;
    private final AccessToken userToken;
    private final BooleanSupplier cancelled;
    private final Map<String, Optional<Finding>> byPage = new ConcurrentHashMap<>();
    private volatile Optional<GraphAccess.Permissions> permissions;

    /**
     * @param graph     a client with short timeouts is best: the diagnosis should not hold a sync up
     * @param userToken the session's user token (for /me/permissions); null for a Page-token session
     */
    public PageDiagnosis(GraphClient graph, AccessToken userToken, BooleanSupplier cancelled) {
        this.graph = graph;
        this.userToken = userToken;
        this.cancelled = cancelled == null ? () -> false : cancelled;
    }

    /**
     * The finding for a Page whose forms or leads Meta refused with {@code failure}; empty when the failure is not
     * a token or permission problem, or nothing more precise can be said than the failure's own sentence.
     */
    public Optional<Finding> explain(PageInfo page, GraphException failure) {
        if (failure.kind() == GraphErrorKind.TOKEN) {
            return Optional.ofNullable(Findings.of(failure)).map(f -> f.pageId() != null ? f
                    : new Finding(f.code(), f.message(), f.fix(), f.messageKey(), f.fixKey(), f.args(), page.id(),
                    f.permission(), f.blocking()));
        }
        if (failure.kind() != GraphErrorKind.PERMISSION) {
            return Optional.empty();
        }
        return byPage.computeIfAbsent(page.id(), id -> diagnose(page, failure));
    }

    private Optional<Finding> diagnose(PageInfo page, GraphException failure) {
        GraphAccess reads = graph.access();
        GraphAccess.PageLeadAccess access = null;
        try {
            access = reads.leadAccess(page.id(), page.accessToken(), cancelled);
        } catch (GraphException | java.util.concurrent.CancellationException e) {
            LOG.info("Page {}: has_lead_access could not be read for the diagnosis ({})", page.id(),
                    e instanceof GraphException g ? g.kind() : "cancelled");
        }
        PageVerdict.Evidence ev = new PageVerdict.Evidence(page.id(), page.name(), page.tasks(),
                userToken != null && !page.tasks().isEmpty(), true, access, permissions(), failure);
        Finding f = PageVerdict.cause(ev);
        if (f == null || f.code() == FindingCode.PAGE_UNREACHABLE || f.code() == FindingCode.META_UNREACHABLE) {
            return Optional.empty();
        }
        LOG.info("Page {}: its leads cannot be read ({})", page.id(), f.code().wire());
        return Optional.of(f);
    }

    private GraphAccess.Permissions permissions() {
        Optional<GraphAccess.Permissions> p = permissions;
        if (p == null) {
            synchronized (this) {
                p = permissions;
                if (p == null) {
                    p = Optional.empty();
                    if (userToken != null) {
                        try {
                            p = Optional.of(graph.access().permissions(userToken, cancelled));
                        } catch (GraphException | java.util.concurrent.CancellationException e) {
                            LOG.info("/me/permissions could not be read for the diagnosis");
                        }
                    }
                    permissions = p;
                }
            }
        }
        return p.orElse(null);
    }
}
