package io.leaddesk.cli;

import io.leaddesk.access.AppCredentials;
import io.leaddesk.access.TokenExtender;
import io.leaddesk.access.TokenLifetime;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphException;
import io.leaddesk.graph.TokenCheck;
import io.leaddesk.graph.TokenInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "whoami", mixinStandardHelpOptions = true, description = {"Show what LEADDESK_TOKEN is: kind (user or page), id, name, and when it expires.",
        "The check ends within 15 seconds; when Meta cannot be reached or does not answer it exits 4.",
        "The expiry comes from Meta's debug_token (asked with the app token when LEADDESK_APP_ID and LEADDESK_APP_SECRET are set)."})
final class WhoamiCommand extends BaseCommand {
    /** How long the expiry lookup may take after the token check. */
    static final Duration EXPIRY_LIMIT = Duration.ofSeconds(8);

    @Option(names = "--json", description = "Print a JSON array with kind, id, name, expires_at (ISO 8601; null when unknown or never).")
    boolean json;

    @Override
    public Integer call() {
        AccessToken token = env().token();
        AppCredentials app = AppKeys.optional(env());
        Clock clock = Clock.systemUTC();
        try (GraphClient graph = graph()) {
            TokenInfo who = new TokenCheck(graph).whoami(token, null);
            TokenLifetime life = lifetime(graph, token, app, clock);
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kind", who.kind().wireName());
                m.put("id", who.id());
                m.put("name", who.name());
                m.put("expires_at", AppKeys.iso(life.expiresAt()));
                printJson(List.of(m));
            } else {
                env().out().println("kind: " + TerminalText.cell(who.kind().wireName()));
                env().out().println("id: " + TerminalText.cell(who.id()));
                env().out().println("name: " + TerminalText.cell(who.name()));
                env().out().println("expires: " + AppKeys.expiry(life, clock));
            }
        }
        return ExitCode.OK;
    }

    /** When the token expires, or unknown: a failure here never fails whoami, the token check has answered. */
    private static TokenLifetime lifetime(GraphClient graph, AccessToken token, AppCredentials app, Clock clock) {
        TokenCheck check = new TokenCheck(graph, EXPIRY_LIMIT);
        try {
            return check.within(null, stop -> new TokenExtender(check.client(), clock).lifetime(token, app, stop));
        } catch (GraphException | CancellationException e) {
            return TokenLifetime.unknown();
        }
    }
}
