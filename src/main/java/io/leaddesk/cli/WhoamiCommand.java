package io.leaddesk.cli;

import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.TokenInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "whoami", mixinStandardHelpOptions = true, description = "Show what LEADDESK_TOKEN is: kind (user or page), id and name.")
final class WhoamiCommand extends BaseCommand {
    @Option(names = "--json", description = "Print a JSON array with kind, id, name.")
    boolean json;

    @Override
    public Integer call() {
        try (GraphClient graph = graph()) {
            TokenInfo who = graph.whoami(env().token());
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", who.kind().wireName());
                m.put("id", who.id());
                m.put("name", who.name());
                printJson(List.of(m));
            } else {
                env().out().println("kind: " + TerminalText.cell(who.kind().wireName()));
                env().out().println("id:   " + TerminalText.cell(who.id()));
                env().out().println("name: " + TerminalText.cell(who.name()));
            }
        }
        return ExitCode.OK;
    }
}
