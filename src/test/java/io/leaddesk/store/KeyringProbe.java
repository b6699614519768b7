package io.leaddesk.store;

import io.leaddesk.graph.AccessToken;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Run in a child JVM by {@link KeyringVaultTest}: remembers the token read from stdin through {@link KeyringVault}
 * the way the app does, reads it back (also as a freshly started app would), forgets it, and reports each step.
 * It returns from main without System.exit, so the process only ends if the vault let go of its connection.
 */
public final class KeyringProbe {
    private KeyringProbe() {
    }

    public static void main(String[] args) throws Exception {
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        KeyringVault vault = new KeyringVault();
        System.out.println("available=" + vault.isAvailable());
        if (!vault.isAvailable()) {
            System.out.println("reason=" + vault.unavailableReason());
            try {
                vault.save(new AccessToken(token));
                System.out.println("save=stored");
            } catch (StoreException e) {
                System.out.println("save=" + e.getMessage());
            }
            vault.close();
            return;
        }
        vault.save(new AccessToken(token));
        System.out.println("loaded=" + vault.load().map(AccessToken::reveal).filter(token::equals).isPresent());
        KeyringVault restarted = new KeyringVault();
        System.out.println("restarted=" + restarted.load().map(AccessToken::reveal).filter(token::equals).isPresent());
        restarted.close();
        vault.delete();
        System.out.println("afterDelete=" + vault.load().isPresent());
        vault.close();
        System.out.println("done");
    }
}
