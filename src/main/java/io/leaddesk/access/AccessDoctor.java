package io.leaddesk.access;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphAccess;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphErrorKind;
import io.leaddesk.graph.GraphException;
import io.leaddesk.graph.TokenInfo;
import io.leaddesk.graph.TokenKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The access doctor: checks what a token is and may do, and for every Page it reaches whether its leads can be read,
 * and names each problem with what to do and where in Meta ({@link Finding}). For the token: kind, app, when it and
 * its data access expire (debug_token, asked with the app token when app credentials are known, else with the token
 * itself; else unknown), permissions granted and declined (/me/permissions). For every Page: the person's tasks
 * (/me/accounts), has_lead_access, leadgen_tos_accepted, the forms it can list, and a trial read of one lead per form,
 * the only proof that leads are readable.
 *
 * <p>Reads use the client it is given (the command line and the app give it the sign-in settings, so an unreachable
 * Meta ends the check within seconds). Cancelling ({@code cancelled}) ends it at once with a
 * {@link java.util.concurrent.CancellationException}. Plain Java: the app's ViewModel runs it on a background task.
 */
public final class AccessDoctor {
    private static final Logger LOG = LoggerFactory.getLogger(AccessDoctor.class);
    /** Permissions LeadDesk cannot read leads without. */
    static final List<String> REQUIRED = List.of("leads_retrieval", "pages_show_list");
    /** Permissions the full lead and ad data need; their lack is a warning. */
    static final List<String> WANTED = List.of("pages_read_engagement", "pages_manage_ads");
    static final List<String> ADS = List.of("ads_read", "ads_management");

    private final GraphClient graph;
    private final Clock clock;

    public AccessDoctor(GraphClient graph, Clock clock) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Examines {@code token}. Never throws for what Meta answers: a token that cannot be used, a Page that cannot be
     * read, Meta out of reach are all findings in the report.
     *
     * @param app app id and secret (null: unknown; debug_token is then asked with the token itself)
     */
    public AccessReport examine(AccessToken token, AppCredentials app, BooleanSupplier cancelled) {
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        GraphAccess reads = graph.access();
        Instant now = clock.instant();
        List<Finding> problems = new ArrayList<>();

        TokenInfo who;
        try {
            who = graph.whoami(token, stop);
        } catch (GraphException e) {
            Finding f = Findings.of(e);
            problems.add(f != null ? f : Findings.metaUnreachable(e.getMessage()));
            TokenReport report = TokenReport.unknown();
            if (e.tokenProblem() != null && e.expiredAt() != null) {
                report = new TokenReport(TokenType.UNKNOWN, null, null, null, null,
                        new TokenLifetime(e.expiredAt(), false, null, TokenLifetime.Source.UNKNOWN), List.of(), List.of());
            }
            return new AccessReport(report, List.of(), problems, now);
        }

        // what debug_token says: kind (system users), app, expiry, scopes
        GraphAccess.TokenDebug debug = null;
        try {
            debug = reads.debugToken(token, app != null ? app.appToken() : token, stop);
        } catch (GraphException e) {
            if (e.retryable()) {
                problems.add(Findings.metaUnreachable(e.getMessage()));
                return new AccessReport(new TokenReport(kindOf(who, null), who.id(), who.name(), null, null,
                        TokenLifetime.unknown(), List.of(), List.of()), List.of(), problems, now);
            }
            if (app != null && e.kind() == GraphErrorKind.TOKEN) {
                Finding f = Findings.of(e);
                problems.add(f != null && f.code() != FindingCode.TOKEN_INVALID ? f : Findings.appSecretWrong());
            }
            LOG.info("debug_token was not answered ({}); the token's expiry stays unknown", e.kind());
        }
        TokenLifetime lifetime = lifetime(debug);
        lifetime.notice(clock).ifPresent(problems::add);
        if (lifetime.dataAccessExpiresAt() != null && !now.isBefore(lifetime.dataAccessExpiresAt())) {
            problems.add(Findings.dataAccessExpired(lifetime.dataAccessExpiresAt()));
        }
        TokenType kind = kindOf(who, debug);

        // permissions
        GraphAccess.Permissions perms = null;
        if (who.kind() != TokenKind.PAGE) {
            try {
                perms = reads.permissions(token, stop);
            } catch (GraphException e) {
                if (e.retryable()) {
                    problems.add(Findings.metaUnreachable(e.getMessage()));
                }
                LOG.info("/me/permissions was not answered ({})", e.kind());
            }
        }
        List<String> granted = perms != null ? perms.granted() : debug != null ? debug.scopes() : List.of();
        List<String> declined = perms != null ? perms.declined() : List.of();
        if (perms != null) {
            problems.addAll(permissionFindings(perms));
        }
        TokenReport tokenReport = new TokenReport(kind, who.id(), who.name(), debug == null ? null : debug.appId(),
                debug == null ? null : debug.application(), lifetime, granted, declined);

        // the Pages
        List<GraphAccess.PageAccount> accounts;
        if (who.kind() == TokenKind.PAGE) {
            accounts = List.of(new GraphAccess.PageAccount(who.id(), who.name(), List.of(), token));
        } else {
            try {
                accounts = reads.accounts(token, stop);
            } catch (GraphException e) {
                Finding f = Findings.of(e);
                problems.add(f != null ? f : Findings.permissionMissing("pages_show_list", true));
                return new AccessReport(tokenReport, List.of(), problems, now);
            }
        }
        if (accounts.isEmpty()) {
            problems.add(Findings.noPages());
        }
        List<PageReport> pages = new ArrayList<>();
        for (GraphAccess.PageAccount a : accounts) {
            pages.add(examinePage(reads, a, who.kind() != TokenKind.PAGE, perms, stop));
        }
        return new AccessReport(tokenReport, pages, problems, now);
    }

    private PageReport examinePage(GraphAccess reads, GraphAccess.PageAccount a, boolean tasksKnown,
                                   GraphAccess.Permissions perms, BooleanSupplier stop) {
        AccessToken pageToken = a.pageToken();
        GraphAccess.PageLeadAccess access = null;
        GraphException failure = null;
        Integer forms = null;
        int read = 0;
        if (pageToken != null) {
            try {
                access = reads.leadAccess(a.id(), pageToken, stop);
            } catch (GraphException e) {
                if (e.retryable() || e.kind() == GraphErrorKind.TOKEN) {
                    failure = e;
                }
                LOG.info("Page {}: has_lead_access was not answered ({})", a.id(), e.kind());
            }
            if (failure == null) {
                try {
                    List<GraphAccess.FormSummary> list = reads.forms(a.id(), pageToken, stop);
                    forms = list.size();
                    for (GraphAccess.FormSummary form : list) {
                        try {
                            reads.trialRead(form.id(), pageToken, stop);
                            read++;
                        } catch (GraphException e) {
                            if (e.kind() == GraphErrorKind.NOT_FOUND) {
                                continue; // a form deleted meanwhile proves nothing
                            }
                            failure = e;
                            break; // the other forms would be refused the same way
                        }
                    }
                } catch (GraphException e) {
                    failure = e;
                }
            }
        }
        PageVerdict.Evidence ev = new PageVerdict.Evidence(a.id(), a.name(), a.tasks(), tasksKnown, pageToken != null,
                access, perms, failure);
        List<Finding> problems = new ArrayList<>();
        Finding cause = PageVerdict.cause(ev);
        if (cause != null) {
            problems.add(withPage(cause, a.id()));
        }
        if (access != null && Boolean.FALSE.equals(access.tosAccepted())) {
            problems.add(Findings.tosNotAccepted(a.id(), a.name()));
        }
        return new PageReport(a.id(), a.name(), a.tasks(), forms, read, cause == null, access, problems);
    }

    /** A token-level finding met on a Page is that Page's too. */
    private static Finding withPage(Finding f, String pageId) {
        return f.pageId() != null ? f : new Finding(f.code(), f.message(), f.fix(), f.messageKey(), f.fixKey(), f.args(),
                pageId, f.permission(), f.blocking());
    }

    /** Declined or missing permissions LeadDesk needs (leads_retrieval and pages_show_list block; others warn). */
    static List<Finding> permissionFindings(GraphAccess.Permissions perms) {
        List<Finding> out = new ArrayList<>();
        Set<String> wanted = new LinkedHashSet<>(REQUIRED);
        wanted.addAll(WANTED);
        for (String p : wanted) {
            boolean blocking = REQUIRED.contains(p);
            if (perms.declined().contains(p)) {
                out.add(Findings.permissionDeclined(p, blocking));
            } else if (!perms.granted().contains(p)) {
                out.add(Findings.permissionMissing(p, blocking));
            }
        }
        if (ADS.stream().noneMatch(perms.granted()::contains)) {
            boolean declined = ADS.stream().anyMatch(perms.declined()::contains);
            out.add(declined ? Findings.permissionDeclined("ads_read", false) : Findings.permissionMissing("ads_read", false));
        }
        if (perms.declined().contains("business_management")) {
            out.add(Findings.permissionDeclined("business_management", false));
        }
        return out;
    }

    static TokenLifetime lifetime(GraphAccess.TokenDebug debug) {
        if (debug == null) {
            return TokenLifetime.unknown();
        }
        if (!debug.valid()) {
            // an invalid token's expires_at is only meaningful as the moment it expired
            return debug.expiresAt() == null ? TokenLifetime.unknown()
                    : new TokenLifetime(debug.expiresAt(), false, null, TokenLifetime.Source.DEBUG_TOKEN);
        }
        if (!debug.neverExpires() && debug.expiresAt() == null) {
            return new TokenLifetime(null, false, debug.dataAccessExpiresAt(), TokenLifetime.Source.DEBUG_TOKEN);
        }
        return new TokenLifetime(debug.expiresAt(), debug.neverExpires(), debug.dataAccessExpiresAt(),
                TokenLifetime.Source.DEBUG_TOKEN);
    }

    static TokenType kindOf(TokenInfo who, GraphAccess.TokenDebug debug) {
        if (debug != null && debug.type() != null) {
            switch (debug.type().toUpperCase(java.util.Locale.ROOT)) {
                case "SYSTEM_USER":
                    return TokenType.SYSTEM_USER;
                case "PAGE":
                    return TokenType.PAGE;
                case "USER":
                    return TokenType.USER;
                default:
                    break;
            }
        }
        return who.kind() == TokenKind.PAGE ? TokenType.PAGE : TokenType.USER;
    }
}
