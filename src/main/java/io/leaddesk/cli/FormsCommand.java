package io.leaddesk.cli;

import io.leaddesk.graph.GraphClient;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredForm;
import io.leaddesk.sync.FormsRefresh;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "forms", mixinStandardHelpOptions = true, description = {"List lead forms with Meta's counts and what is cached.",
        "With LEADDESK_TOKEN set the list is refreshed from Meta; without it the cached forms are shown (offline)."})
final class FormsCommand extends BaseCommand {
    @Option(names = "--page", paramLabel = "ID", description = "Only forms of this Page (repeatable).")
    List<String> pages = new ArrayList<>();

    @Option(names = "--json", description = "Print a JSON array of {id, name, status, page_id, leads_count, expired_leads_count, cached, last_synced}.")
    boolean json;

    @Override
    public Integer call() {
        try (LeadStore store = openStore()) {
            List<StoredForm> forms;
            int exit = ExitCode.OK;
            if (env().hasToken()) {
                try (GraphClient graph = graph()) {
                    SyncService sync = new SyncService(graph, store);
                    Session session = signIn(sync, env());
                    requireReachable(session, pages);
                    FormsRefresh r = sync.refreshFormsDetailed(session, pages);
                    forms = r.forms();
                    for (FormsRefresh.PageProblem problem : r.problems()) {
                        env().err().println(problem.message());
                        exit = Math.max(exit, ExitCode.of(problem.kind()));
                    }
                }
            } else {
                env().err().println("LEADDESK_TOKEN is not set: showing the forms cached on this computer.");
                forms = store.forms(pages);
            }
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (StoredForm f : forms) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", f.id());
                    m.put("name", f.form().name());
                    m.put("status", f.form().status());
                    m.put("page_id", f.pageId());
                    m.put("leads_count", f.form().leadsCount());
                    m.put("expired_leads_count", f.form().expiredLeadsCount());
                    m.put("cached", f.cachedLeads());
                    m.put("last_synced", f.lastSynced() == null ? null : f.lastSynced().toString());
                    rows.add(m);
                }
                printJson(rows);
            } else {
                Table t = new Table(env().out(), "ID", "NAME", "STATUS", "PAGE", "LEADS", "EXPIRED", "CACHED", "LAST SYNCED");
                for (StoredForm f : forms) {
                    t.row(f.id(), f.form().name(), f.form().status(), f.pageId(), f.form().leadsCount(),
                            f.form().expiredLeadsCount(), f.cachedLeads(), f.lastSynced() == null ? "never" : f.lastSynced());
                }
                t.finish();
            }
            return exit;
        }
    }
}
