package io.leaddesk.cli;

import io.leaddesk.store.LeadQuery;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The lead filters shared by {@code leads} and {@code export} (a picocli mixin). */
final class LeadFilterOptions {
    @Option(names = "--form", paramLabel = "ID", description = "Only leads of this form (repeatable). Default: all forms.")
    List<String> forms = new ArrayList<>();

    @Option(names = "--since", paramLabel = "DATE", description = "Created at or after: YYYY-MM-DD (local day), ISO 8601 time, or Unix seconds.")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "Created on or before (a whole day when YYYY-MM-DD).")
    String until;

    @Option(names = "--status", paramLabel = "S", description = "Only leads with this review status (repeatable): new, contacted, qualified, not_interested, spam.")
    List<String> statuses = new ArrayList<>();

    /** The query these options ask for; exit code 2 when --since is later than --until (nothing could match). */
    LeadQuery query(ZoneId zone) {
        Long from = since == null ? null : Dates.since(since, zone);
        Long to = until == null ? null : Dates.until(until, zone);
        if (from != null && to != null && from >= to) {
            throw new CliException(ExitCode.USAGE, "--since " + since + " is later than --until " + until
                    + ", so no lead could match; give the earlier date to --since.");
        }
        return LeadQuery.all()
                .withForms(forms)
                .withCreated(from, to)
                .withStatuses(LeadsCommand.parseStatuses(statuses));
    }
}
