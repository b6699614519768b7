package io.leaddesk.cli;

import io.leaddesk.export.Exporter;
import io.leaddesk.store.EraseIncompleteException;
import io.leaddesk.store.ForgetResult;
import io.leaddesk.store.LeadStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "forget", mixinStandardHelpOptions = true, description = {"Delete personal data from the local cache (privacy requests, retention rules).",
        "Deletes the given leads, or every lead created more than N days ago, with their reviews and export history;"
                + " no copy stays readable in the cache files. While another LeadDesk window or command is reading the"
                + " cache, forget waits for it up to 10 seconds; if it still reads, the leads are deleted but copies stay"
                + " in the files until the cache is next opened, and forget exits with 5.",
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
        Long before = olderThanDays == null ? null
                : Instant.now().minus(Duration.ofDays(olderThanDays)).getEpochSecond();
        try (LeadStore store = openStore()) {
            // Exports that held these leads are files of the user's; the erase cannot reach them, so they are named.
            Set<Path> exported = new LinkedHashSet<>();
            for (String id : leads) {
                store.exportsOf(id).forEach(e -> exported.add(Path.of(e.file())));
            }
            // waits (bounded) for other LeadDesk processes reading the cache, saying so on stderr
            ForgetResult r = store.forget(leads, before, env().err()::println);
            for (String id : new LinkedHashSet<>(leads)) {
                if (!r.deletedIds().contains(id)) {
                    env().err().println("No cached lead has the id " + id + ".");
                }
            }
            if (!r.filesErased()) {
                throw new EraseIncompleteException(r.deleted()); // exit 5: deleted, but copies remain for now
            }
            int deleted = r.deleted();
            env().out().println("Deleted " + deleted + (deleted == 1 ? " lead" : " leads") + " from the local cache.");
            tellWhereCopiesMayBe(exported);
        }
        return ExitCode.OK;
    }

    /** Exported files that held the deleted leads, and unfinished exports left in their folders (a crash mid-export). */
    private void tellWhereCopiesMayBe(Set<Path> exported) {
        List<Path> existing = exported.stream().filter(Files::exists).toList();
        Set<Path> folders = new LinkedHashSet<>();
        exported.forEach(f -> folders.add(f.toAbsolutePath().getParent()));
        List<Path> partials = Exporter.leftoverPartials(folders);
        if (existing.isEmpty() && partials.isEmpty()) {
            return;
        }
        env().err().println("Copies may remain outside the cache, in files LeadDesk exported; delete them too if the request covers them:");
        existing.forEach(f -> env().err().println("  " + f));
        partials.forEach(f -> env().err().println("  " + f + " (an export that never finished)"));
    }
}
