package io.leaddesk.cli;

import io.leaddesk.model.ContactFields;
import io.leaddesk.model.Question;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.ReviewStatus;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "leads", mixinStandardHelpOptions = true, description = {"List cached leads (works offline), newest first.",
        "With --json: JSON Lines, one lead per line, exactly as Meta sent it.",
        "The table marks new leads (* under NEW): stored by a sync and not yet opened in the app or marked seen."})
final class LeadsCommand extends BaseCommand {
    /** How often (in leads) a long listing checks that its output is still being written. */
    static final int OUTPUT_CHECK_EVERY = 1000;

    @Mixin
    LeadFilterOptions filter = new LeadFilterOptions();

    @Option(names = "--search", paramLabel = "TEXT", description = "Full-text search in answers, names, email, phone, campaign and ad names.")
    String search;

    @Option(names = "--json", description = "JSON Lines: one lead per line, the Graph fields exactly as received.")
    boolean json;

    @Option(names = "--new", description = "Only new leads: stored by a sync and not yet opened in the app or marked seen.")
    boolean newOnly;

    @Override
    public Integer call() {
        ZoneId zone = ZoneId.systemDefault();
        LeadQuery q = filter.query(zone).withSearch(search).withNewOnly(newOnly);
        try (LeadStore store = openStore()) {
            PrintStream out = env().out();
            long[] n = {0};
            if (json) {
                store.forEachLead(q, l -> {
                    out.println(l.lead().rawJson());
                    if (++n[0] % OUTPUT_CHECK_EVERY == 0) {
                        env().checkOutput();
                    }
                });
            } else {
                // Streamed: widths from the first rows, then one line per lead, so any number of leads fits in memory.
                Table t = new Table(out, "NEW", "CREATED", "ID", "FORM", "NAME", "EMAIL", "PHONE", "PLATFORM", "STATUS");
                Set<String> fresh = newOnly ? Set.of() : store.newLeadIds();
                DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
                // Questions of every cached form, read once (not one query per lead).
                Map<String, List<Question>> questions = new HashMap<>();
                store.forms(List.of()).forEach(f -> questions.put(f.id(), f.form().questions()));
                store.forEachLead(q, l -> {
                    var c = ContactFields.of(questions.getOrDefault(l.lead().formId(), List.of()), l.lead().fieldData());
                    t.row(newOnly || fresh.contains(l.id()) ? "*" : "", fmt.format(Instant.ofEpochSecond(l.lead().createdEpochSecond())), l.id(), l.lead().formId(),
                            c.displayName(), c.email(), c.phone(), l.lead().platform(), l.status().wireName());
                    if (t.rowCount() % OUTPUT_CHECK_EVERY == 0) {
                        env().checkOutput();
                    }
                });
                if (t.isEmpty()) {
                    env().err().println(newOnly ? "No new leads: every cached lead that matches has been seen."
                            : "No cached leads match. Run 'leaddesk sync' to fetch leads.");
                } else {
                    t.finish();
                }
            }
            out.flush();
        }
        return ExitCode.OK;
    }

    static Set<ReviewStatus> parseStatuses(List<String> names) {
        try {
            return names.stream().map(ReviewStatus::parse).collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "Unknown status in " + names + ": use new, contacted, qualified, not_interested or spam.");
        }
    }
}
