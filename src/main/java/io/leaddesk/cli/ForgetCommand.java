package io.leaddesk.cli;

import io.leaddesk.store.LeadStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "forget", mixinStandardHelpOptions = true, description = {"Delete personal data from the local cache (privacy requests, retention rules).",
        "Deletes the given leads, or every lead created more than N days ago, with their reviews and export history;"
                + " no copy stays readable in the cache files.",
        "A lead deleted with --lead is remembered by its id only, so that no later sync downloads it again."
                + " Leads removed by --older-than come back with a full resync while Meta still serves them (90 days)."})
final class ForgetCommand extends BaseCommand {
    @Option(names = "--lead", paramLabel = "ID", description = "Delete this lead (repeatable).")
    List<String> leads = new ArrayList<>();

    @Option(names = "--older-than", paramLabel = "DAYS", description = "Delete every lead created more than DAYS days ago.")
    Integer olderThanDays;

    @Override
    public Integer call() {
        if (leads.isEmpty() && olderThanDays == null) {
            throw new CliException(ExitCode.USAGE, "Say what to forget: --lead ID (repeatable) or --older-than DAYS.");
        }
        if (olderThanDays != null && olderThanDays < 0) {
            throw new CliException(ExitCode.USAGE, "--older-than takes a number of days, 0 or more.");
        }
        try (LeadStore store = openStore()) {
            java.util.Set<String> gone = store.deleteLeads(leads);
            for (String id : new java.util.LinkedHashSet<>(leads)) {
                if (!gone.contains(id)) {
                    env().err().println("No cached lead has the id " + id + ".");
                }
            }
            int deleted = gone.size();
            if (olderThanDays != null) {
                deleted += store.purgeOlderThan(Instant.now().minus(Duration.ofDays(olderThanDays)).getEpochSecond());
            }
            env().out().println("Deleted " + deleted + (deleted == 1 ? " lead" : " leads") + " from the local cache.");
        }
        return ExitCode.OK;
    }
}
