package io.leaddesk.cli;

import io.leaddesk.access.AccessDoctor;
import io.leaddesk.access.AccessReport;
import io.leaddesk.access.AppCredentials;
import io.leaddesk.access.Finding;
import io.leaddesk.access.PageReport;
import io.leaddesk.access.TokenReport;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true, description = {
        "Check what LEADDESK_TOKEN may do and why a Page's leads cannot be read, and say what to do and where in Meta.",
        "For the token: kind, app, when it and its data access expire (with LEADDESK_APP_ID and LEADDESK_APP_SECRET"
                + " from debug_token's app token), permissions granted and declined.",
        "For every Page: the tasks of your role, Lead Access Manager, the Lead Ads terms, the forms, and a trial read"
                + " of one lead per form (the only proof leads are readable).",
        "Exit codes: 0 every Page's leads are readable, 3 some are not (or the token cannot be used),"
                + " 4 Meta could not be reached."})
final class DoctorCommand extends BaseCommand {
    @Option(names = "--json", description = "Print one JSON object: {token: {kind, app_id, expires_at, data_access_expires_at, granted, declined},"
            + " pages: [{id, name, tasks, forms, can_read_leads, problems: [{code, message, fix}]}], problems: [...]}.")
    boolean json;

    @Override
    public Integer call() {
        AccessToken token = env().token();
        AppCredentials app = AppKeys.optional(env());
        Clock clock = Clock.systemUTC();
        AccessReport report;
        try (GraphClient graph = graph()) {
            report = new AccessDoctor(graph.forSignIn(), clock).examine(token, app, null);
        }
        if (json) {
            printJson(json(report));
        } else {
            print(report, env().out(), clock);
        }
        return switch (report.outcome()) {
            case READABLE -> ExitCode.OK;
            case BLOCKED -> ExitCode.TOKEN;
            case UNREACHABLE -> ExitCode.GRAPH;
        };
    }

    static Map<String, Object> json(AccessReport r) {
        TokenReport t = r.token();
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("kind", t.kind().wire());
        token.put("id", t.id());
        token.put("name", t.name());
        token.put("app_id", t.appId());
        token.put("app_name", t.appName());
        token.put("expires_at", AppKeys.iso(t.lifetime().expiresAt()));
        token.put("never_expires", t.lifetime().neverExpires());
        token.put("data_access_expires_at", AppKeys.iso(t.lifetime().dataAccessExpiresAt()));
        token.put("granted", t.granted());
        token.put("declined", t.declined());
        List<Map<String, Object>> pages = new ArrayList<>();
        for (PageReport p : r.pages()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("name", p.name());
            m.put("tasks", p.tasks());
            m.put("forms", p.forms());
            m.put("forms_read", p.formsRead());
            m.put("can_read_leads", p.canReadLeads());
            m.put("problems", problems(p.problems()));
            pages.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", token);
        out.put("pages", pages);
        out.put("problems", problems(r.problems()));
        return out;
    }

    private static List<Map<String, Object>> problems(List<Finding> findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", f.code().wire());
            m.put("message", f.message());
            m.put("fix", f.fix());
            out.add(m);
        }
        return out;
    }

    static void print(AccessReport r, PrintStream out, Clock clock) {
        TokenReport t = r.token();
        if (t.id() != null) {
            out.println("Token:   " + t.kind().wire().replace('_', ' ') + " token of " + TerminalText.cell(t.name())
                    + " (" + TerminalText.cell(t.id()) + ")");
            out.println("App:     " + (t.appId() == null ? "unknown" : TerminalText.cell(t.appId())
                    + (t.appName() == null ? "" : " (" + TerminalText.cell(t.appName()) + ")")));
            out.println("Expires: " + AppKeys.expiry(t.lifetime(), clock));
            out.println("Data access expires: " + (t.lifetime().dataAccessExpiresAt() == null ? "unknown"
                    : AppKeys.iso(t.lifetime().dataAccessExpiresAt())));
            out.println("Permissions granted:  " + list(t.granted()));
            out.println("Permissions declined: " + list(t.declined()));
        }
        long readable = r.pages().stream().filter(PageReport::canReadLeads).count();
        for (PageReport p : r.pages()) {
            out.println();
            out.println("Page " + TerminalText.cell(p.name()) + " (" + TerminalText.cell(p.id()) + "): "
                    + (p.canReadLeads() ? "leads can be read" : "leads CANNOT be read"));
            if (!p.tasks().isEmpty()) {
                out.println("  tasks: " + list(p.tasks()));
            }
            out.println("  forms: " + (p.forms() == null ? "could not be listed"
                    : p.forms() + ", one lead read from " + p.formsRead() + " of them"));
            problems(p.problems(), out);
        }
        if (!r.problems().isEmpty()) {
            out.println();
            out.println("The token:");
            problems(r.problems(), out);
        }
        out.println();
        switch (r.outcome()) {
            case READABLE -> out.println("The leads of every Page can be read (" + readable + " of " + r.pages().size() + ").");
            case BLOCKED -> out.println(r.pages().isEmpty() ? "No Page's leads can be read with this token."
                    : "The leads of " + (r.pages().size() - readable) + " of " + r.pages().size()
                    + " Pages cannot be read: see the problems above.");
            case UNREACHABLE -> out.println("Meta could not be reached, so the check is not complete.");
        }
    }

    private static void problems(List<Finding> findings, PrintStream out) {
        for (Finding f : findings) {
            out.println("  ! " + f.code().wire() + ": " + TerminalText.cell(f.message()));
            out.println("    what to do: " + TerminalText.cell(f.fix()));
        }
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "none" : TerminalText.cell(String.join(", ", items));
    }
}
