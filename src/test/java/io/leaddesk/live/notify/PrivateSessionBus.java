package io.leaddesk.live.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A private D-Bus session bus for a test (what a Linux desktop has), started with {@code dbus-run-session} as the
 * keyring test does; it lives until {@link #close()}. Never the developer's own session bus.
 */
final class PrivateSessionBus implements AutoCloseable {
    private final Process process;
    private final String address;

    private PrivateSessionBus(Process process, String address) {
        this.process = process;
        this.address = address;
    }

    /** Fails (never skips) when dbus-run-session is missing: CI installs dbus-daemon (.ci/run). */
    static PrivateSessionBus start() throws IOException {
        if (!onPath("dbus-run-session")) {
            throw new AssertionError("The D-Bus notification test needs dbus-run-session: apt-get install dbus-daemon"
                    + " (.ci/run installs it)");
        }
        ProcessBuilder pb = new ProcessBuilder("dbus-run-session", "--", "sh", "-c",
                "echo \"$DBUS_SESSION_BUS_ADDRESS\"; exec cat >/dev/null");
        pb.environment().keySet().removeIf(k -> k.startsWith("DBUS_"));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD); // the daemon warns about fd limits it may not raise
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String address = out.readLine();
        if (address == null || !address.startsWith("unix:")) {
            p.destroyForcibly();
            throw new AssertionError("dbus-run-session gave no bus address: " + address);
        }
        return new PrivateSessionBus(p, address.strip());
    }

    String address() {
        return address;
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close(); // cat ends, and dbus-run-session stops its bus
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
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
