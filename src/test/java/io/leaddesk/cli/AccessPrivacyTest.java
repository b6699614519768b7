package io.leaddesk.cli;

import io.leaddesk.cli.CliRunner.Result;
import io.leaddesk.diagnostics.Logs;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.CredentialVaultInMemory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access token, the app secret, a wrong secret and the long-lived token from the exchange appear in no output,
 * no log line and no file of the data folder (the cache included), whatever doctor, token extend, whoami and sync do.
 */
class AccessPrivacyTest {
    private static final String WRONG_SECRET = "wrong-secret-never-shown-5e1f";

    @TempDir
    Path dir;

    @AfterEach
    void resetVault() {
        TokenExtendCommand.vaults = io.leaddesk.store.KeyringVault::new;
    }

    @Test
    void noTokenOrSecretReachesOutputLogsOrTheCache() throws Exception {
        Path data = dir.resolve("data");
        List<Result> results = new ArrayList<>();
        CredentialVaultInMemory vault = new CredentialVaultInMemory();
        TokenExtendCommand.vaults = () -> vault;
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(200)
                .withFaults("transient=0.1,seed=5"));
             Logs logs = Logs.forApp(data)) {
            for (String[] run : new String[][]{
                    {SampleTokens.SHORT_LIVED, SampleTokens.APP_SECRET, "token", "extend", "--remember"},
                    {SampleTokens.SHORT_LIVED, WRONG_SECRET, "token", "extend"},
                    {SampleTokens.LONG_LIVED, SampleTokens.APP_SECRET, "whoami", "--json"},
                    {SampleTokens.LONG_LIVED, SampleTokens.APP_SECRET, "doctor"},
                    {SampleTokens.LONG_LIVED, SampleTokens.APP_SECRET, "doctor", "--json"},
                    {SampleTokens.LONG_LIVED, WRONG_SECRET, "doctor", "--json"},
                    {SampleTokens.APP_SECRET_REQUIRED, SampleTokens.APP_SECRET, "doctor"},
                    {SampleTokens.APP_SECRET_REQUIRED, WRONG_SECRET, "sync"},
                    {SampleTokens.LIMITED_ROLE, SampleTokens.APP_SECRET, "sync"},
                    {SampleTokens.LONG_LIVED, SampleTokens.APP_SECRET, "sync"},
                    {SampleTokens.EXPIRED, SampleTokens.APP_SECRET, "doctor", "--debug"},
            }) {
                Map<String, String> env = new HashMap<>();
                env.put("LEADDESK_GRAPH_URL", server.baseUrl());
                env.put("LEADDESK_HOME", data.toString());
                env.put("LEADDESK_MAX_RETRY_SECONDS", "5");
                env.put("LEADDESK_TOKEN", run[0]);
                env.put("LEADDESK_APP_ID", SampleTokens.APP_ID);
                env.put("LEADDESK_APP_SECRET", run[1]);
                String[] args = java.util.Arrays.copyOfRange(run, 2, run.length);
                results.add(CliRunner.run(env, args));
            }
        }
        assertThat(vault.load()).isPresent(); // the exchange happened, and the token went only to the vault
        assertThat(results.get(0).code()).isZero();
        assertThat(results.get(1).code()).isEqualTo(ExitCode.TOKEN);
        assertThat(results.get(9).code()).as(results.get(9).err()).isIn(ExitCode.OK, ExitCode.GRAPH);

        StringBuilder files = new StringBuilder();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                files.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        String log = read(Logs.logFile(data));
        assertThat(log).contains("Token exchanged for a long-lived one").contains("Signed in as");
        assertThat(files.toString()).contains("Signed in as"); // the log file was scanned too
        String out = String.join("\n", results.stream().map(r -> r.out() + r.err()).toList());
        for (String secret : List.of(SampleTokens.APP_SECRET, WRONG_SECRET, SampleTokens.LONG_LIVED, SampleTokens.SHORT_LIVED,
                SampleTokens.APP_SECRET_REQUIRED, SampleTokens.LIMITED_ROLE, SampleTokens.EXPIRED,
                SampleTokens.PAGE_TOKEN_PREFIX, "sample-page-limited-", "sample-page-secret-")) {
            assertThat(out).as("output").doesNotContain(secret);
            assertThat(log).as("log").doesNotContain(secret);
            assertThat(files.toString()).as("files of the data folder").doesNotContain(secret);
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}
