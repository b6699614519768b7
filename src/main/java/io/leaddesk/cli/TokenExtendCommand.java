package io.leaddesk.cli;

import io.leaddesk.access.AppCredentials;
import io.leaddesk.access.TokenExtender;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.store.CredentialVault;
import io.leaddesk.store.KeyringVault;
import io.leaddesk.store.StoreException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "extend", mixinStandardHelpOptions = true, description = {
        "Exchange LEADDESK_TOKEN, a short-lived user token, for a long-lived one (about 60 days) and print when it"
                + " expires; the token itself is never printed.",
        "Needs LEADDESK_APP_ID and LEADDESK_APP_SECRET: the secret is sent only to Meta, never logged and never"
                + " written to disk in plain text.",
        "--remember keeps the new token in this computer's credential store, where the desktop app's"
                + " 'Remember on this computer' keeps it. Page tokens taken with it do not expire."})
final class TokenExtendCommand extends BaseCommand {
    /** Where --remember keeps the token: the OS credential store (tests put an in-memory vault here). */
    static Supplier<CredentialVault> vaults = KeyringVault::new;

    @Option(names = "--remember", description = "Keep the long-lived token in the OS credential store (as 'Remember on this computer' does).")
    boolean remember;

    @Option(names = "--json", description = "Print one JSON object: {expires_at, data_access_expires_at, never_expires, remembered}.")
    boolean json;

    @Override
    public Integer call() {
        AccessToken token = env().token();
        AppCredentials app = AppKeys.required(env(), "Making a token last");
        Clock clock = Clock.systemUTC();
        TokenExtender.Extended extended;
        try (GraphClient graph = graph()) {
            extended = new TokenExtender(graph.forSignIn(), clock).extend(token, app, null);
        }
        if (remember) {
            try (CredentialVault vault = vaults.get()) {
                if (!vault.isAvailable()) {
                    throw new StoreException(vault.unavailableReason() + " The long-lived token was not kept; it is"
                            + " never printed, so run this again where a credential store is available.");
                }
                vault.save(extended.token());
            }
        }
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("expires_at", AppKeys.iso(extended.lifetime().expiresAt()));
            m.put("data_access_expires_at", AppKeys.iso(extended.lifetime().dataAccessExpiresAt()));
            m.put("never_expires", extended.lifetime().neverExpires());
            m.put("remembered", remember);
            printJson(m);
        } else {
            env().out().println(extended.lifetime().neverExpires() ? "The new token never expires."
                    : extended.lifetime().expiresAt() == null ? "Meta did not say when the new token expires."
                    : "The new token expires on " + AppKeys.expiry(extended.lifetime(), clock) + ".");
            env().out().println(remember ? "It is kept in this computer's credential store; the desktop app signs in with it."
                    : "It was not kept anywhere (a token is never printed): run 'leaddesk token extend --remember' to keep"
                    + " it in this computer's credential store.");
        }
        return ExitCode.OK;
    }
}
