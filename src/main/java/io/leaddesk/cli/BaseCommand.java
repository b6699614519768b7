package io.leaddesk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.store.LeadStore;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncService;
import java.util.concurrent.Callable;

/** Shared plumbing of the commands: environment, services, JSON. Services are opened per command and closed after. */
abstract class BaseCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    CliEnvironment environment;

    CliEnvironment env() {
        return environment;
    }

    GraphClient graph() {
        return new GraphClient(environment.graphSettings());
    }

    LeadStore openStore() {
        return LeadStore.open(environment.databaseFile());
    }

    /** Signs in with LEADDESK_TOKEN; throws with exit code 3 when there is none or it cannot be a Meta token. */
    static Session signIn(SyncService sync, CliEnvironment env) {
        return sync.signIn(env.token());
    }

    /** Fails with exit code 2 when a --page id is not among the pages the session reaches. */
    static void requireReachable(Session session, java.util.List<String> pageIds) {
        for (String p : pageIds) {
            if (session.pages().stream().noneMatch(x -> x.id().equals(p))) {
                throw new CliException(ExitCode.USAGE, "Page " + p + " is not among the pages this token reaches; run 'leaddesk pages' to see them.");
            }
        }
    }

    void printJson(Object value) {
        try {
            environment.out().println(JSON.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
