package io.leaddesk.sample;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Routing of the sample Graph API: {@code /{version}/{node}[/{edge}]} with any {@code vNN.N}. The token is checked
 * before the method and the node, as Graph does; then the node decides the endpoint family: {@code me},
 * a Page, a form, a lead, or an unknown object.
 */
final class SampleRouter {
    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,20}");

    private final SampleDataset dataset;
    private final SampleAuth auth;
    private final AccountEndpoints accounts;
    private final FormEndpoints forms;
    private final LeadEndpoints leads;
    private final SingleLeadEndpoint singleLead;
    private final AccessEndpoints access;

    SampleRouter(SampleDataset dataset, SampleAuth auth, AccountEndpoints accounts, FormEndpoints forms,
                 LeadEndpoints leads, SingleLeadEndpoint singleLead, AccessEndpoints access) {
        this.access = access;
        this.dataset = dataset;
        this.auth = auth;
        this.accounts = accounts;
        this.forms = forms;
        this.leads = leads;
        this.singleLead = singleLead;
    }

    /** The 200 body for the request; Graph errors are thrown as {@link GraphError}. */
    String route(SampleRequest req) {
        req.parseQuery();
        String[] segs = req.rawPath.split("/");
        // ["", "v25.0", "me", "accounts"]
        if (segs.length < 3 || segs.length > 4 || !segs[0].isEmpty() || !VERSION.matcher(segs[1]).matches()) {
            throw GraphError.unknownPath(req.rawPath);
        }
        String node = segs[2];
        String edge = segs.length == 4 ? segs[3] : null;
        String method = req.method.toLowerCase(Locale.ROOT);
        // the token exchange carries the app's credentials instead of a token; debug_token may be asked by the app
        if ("oauth".equals(node) && "access_token".equals(edge) && "get".equals(method)) {
            return access.exchange(req);
        }
        if ("debug_token".equals(node) && edge == null && "get".equals(method)) {
            return access.debugToken(req);
        }
        SampleCaller caller = auth.authenticate(req);
        if (!"get".equals(method)) {
            throw GraphError.unknownObject(node, method);
        }
        if ("me".equals(node)) {
            if (edge == null) {
                return accounts.me(caller, req);
            }
            if ("accounts".equals(edge)) {
                return accounts.accounts(caller, req);
            }
            if ("permissions".equals(edge)) {
                return access.permissions(caller, req);
            }
            throw GraphError.nonexistingField(edge, caller.isPage() ? "Page" : "User");
        }
        if (!NUMERIC_ID.matcher(node).matches()) {
            throw GraphError.unknownObject(node, "get");
        }
        SamplePage page = dataset.page(node);
        if (page != null) {
            if (edge == null) {
                return accounts.pageNode(caller, page, req);
            }
            if ("leadgen_forms".equals(edge)) {
                return forms.forms(caller, page, req);
            }
            throw GraphError.nonexistingField(edge, "Page");
        }
        SampleForm form = dataset.form(node);
        if (form != null) {
            if (edge == null) {
                return forms.formNode(caller, form, req);
            }
            if ("leads".equals(edge)) {
                return leads.leads(caller, form, req);
            }
            throw GraphError.nonexistingField(edge, "LeadgenForm");
        }
        SampleDataset.LeadRef lead = dataset.findLead(node);
        if (lead != null) {
            if (edge == null) {
                return singleLead.lead(caller, lead, req);
            }
            throw GraphError.nonexistingField(edge, "LeadgenLead");
        }
        throw GraphError.unknownObject(node, "get");
    }
}
