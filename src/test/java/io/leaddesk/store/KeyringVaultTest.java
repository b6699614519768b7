package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Remember on this computer" against a real credential store: GNOME Keyring's Secret Service on a private D-Bus
 * session (what a Linux desktop has), and a machine with none. Each runs {@link KeyringProbe} in a child JVM with
 * its own HOME, so the developer's own keyring is never touched.
 */
@EnabledOnOs(OS.LINUX)
class KeyringVaultTest {
    static final String TOKEN = "EAABkeyringTEST0123456789zz9";

    @TempDir
    Path home;

    @Test
    void withGnomeKeyringTheTokenIsStoredReadBackForgottenNeverInPlainTextAndTheAppCanExit() throws Exception {
        boolean tools = onPath("dbus-run-session") && onPath("gnome-keyring-daemon");
        if (!tools && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI must provide a Secret Service for this test: .ci/run installs gnome-keyring and dbus-daemon");
        }
        assumeThat(tools).as("gnome-keyring-daemon and dbus-run-session are not installed (apt-get install gnome-keyring dbus-daemon)").isTrue();

        // a private session bus with an unlocked keyring whose files live in the temp HOME
        Result r = probe(List.of("dbus-run-session", "--", "bash", "-c",
                "eval \"$(printf 'test-keyring-password' | gnome-keyring-daemon --unlock --components=secrets)\" >/dev/null; exec \"$@\"",
                "probe"), true);

        assertThat(r.exited()).as("the JVM ended by itself after the vault was closed; output:\n" + r.output()).isTrue();
        assertThat(r.output()).contains("available=true", "loaded=true", "restarted=true", "afterDelete=false", "done");
        assertThat(r.output()).doesNotContain(TOKEN);
        try (Stream<Path> files = Files.walk(home)) {
            List<Path> keyrings = new ArrayList<>();
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (f.toString().contains("keyrings")) {
                    keyrings.add(f);
                }
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(TOKEN);
            }
            assertThat(keyrings).as("the keyring wrote its (encrypted) file under HOME").isNotEmpty();
        }
    }

    @Test
    void withoutACredentialStoreNothingIsStoredAndOneSentenceSaysWhy() throws Exception {
        Result r = probe(List.of(), false);

        assertThat(r.exited()).as(r.output()).isTrue();
        assertThat(r.output()).contains("available=false",
                "reason=This computer has no credential store LeadDesk can use (Windows Credential Manager, macOS Keychain"
                        + " or a Secret Service such as GNOME Keyring), so the token will not be remembered.",
                "save=This computer has no credential store LeadDesk can use");
        assertThat(r.output()).doesNotContain(TOKEN);
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(TOKEN);
            }
        }
    }

    record Result(boolean exited, String output) { }

    private Result probe(List<String> prefix, boolean withBus) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KeyringProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("DBUS_") || k.startsWith("XDG_") || k.startsWith("GNOME_KEYRING"));
        env.put("HOME", home.toString());
        if (!withBus) {
            env.put("DBUS_SESSION_BUS_ADDRESS", "unix:path=" + home.resolve("no-bus-here"));
        }
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write((TOKEN + "\n").getBytes(StandardCharsets.UTF_8));
        }
        StringBuilder out = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                out.append(e);
            }
        });
        reader.start();
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        if (!exited) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        reader.join(10_000);
        return new Result(exited, out.toString());
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
