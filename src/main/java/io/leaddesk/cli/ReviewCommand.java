package io.leaddesk.cli;

import io.leaddesk.store.LeadStore;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.store.StoredLead;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "review", mixinStandardHelpOptions = true, description = "Set the review status (and optionally a note) of a cached lead; works offline.")
final class ReviewCommand extends BaseCommand {
    @Parameters(paramLabel = "LEAD_ID", description = "The lead's id.")
    String leadId;

    @Option(names = "--status", paramLabel = "S", description = "new, contacted, qualified, not_interested or spam.")
    String status;

    @Option(names = "--note", paramLabel = "TEXT", description = "Free-text note (replaces the current one).")
    String note;

    @Override
    public Integer call() {
        try (LeadStore store = openStore()) {
            StoredLead lead = store.lead(leadId).orElseThrow(() ->
                    new CliException(ExitCode.USAGE, "No cached lead has the id " + leadId + "; run 'leaddesk leads' to see the cached ones."));
            ReviewStatus s = status == null ? lead.status() : LeadsCommand.parseStatuses(List.of(status)).iterator().next();
            String n = note == null ? lead.note() : note;
            store.setReview(leadId, s, n);
            env().out().println("Lead " + leadId + ": " + s.wireName() + (n == null || n.isEmpty() ? "" : " (note saved)"));
        }
        return ExitCode.OK;
    }
}
