package io.leaddesk.cli;

import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.store.LeadStore;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "pages", mixinStandardHelpOptions = true, description = "List every Page the token reaches (id and name).")
final class PagesCommand extends BaseCommand {
    @Option(names = "--json", description = "Print a JSON array of {id, name}.")
    boolean json;

    @Override
    public Integer call() {
        try (GraphClient graph = graph(); LeadStore store = openStore()) {
            Session session = signIn(new SyncService(graph, store), env());
            if (json) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (PageInfo p : session.pages()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", p.id());
                    m.put("name", p.name());
                    rows.add(m);
                }
                printJson(rows);
            } else {
                Table t = new Table(env().out(), "ID", "NAME");
                session.pages().forEach(p -> t.row(p.id(), p.name()));
                t.finish();
            }
        }
        return ExitCode.OK;
    }
}
