package io.leaddesk.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The logging set-ups of the command line and the app, through SLF4J as the code logs. */
class LogsTest {
    private static final Logger LOG = LoggerFactory.getLogger("io.leaddesk.sync.SomeService");
    @TempDir
    Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCommandLineShowsOnlyWarningsWithoutStackTracesUnlessDebug() {
        try (Logs logs = Logs.forCli(false)) {
            LOG.info("Signed in as user 42");
            LOG.debug("GET /v25.0/me");
            LOG.warn("Form 7: the paging cursor did not advance", new IllegalStateException("boom"));
        }
        assertThat(stderr()).doesNotContain("Signed in").doesNotContain("GET /v25.0")
                .contains("WARN").contains("Form 7: the paging cursor did not advance")
                .doesNotContain("IllegalStateException").doesNotContain("\tat ");

        err.reset();
        try (Logs logs = Logs.forCli(true)) {
            LOG.info("Signed in as user 42");
            LOG.debug("GET /v25.0/me");
            LOG.warn("Form 7 stopped", new IllegalStateException("boom"));
        }
        assertThat(stderr()).contains("INFO", "Signed in as user 42", "DEBUG", "GET /v25.0/me", "IllegalStateException: boom", "\tat ");
    }

    @Test
    void theAppWritesInfoAndStackTracesToTheFileAndOnlyWarningsToStderr() throws Exception {
        Path file;
        try (Logs logs = Logs.forApp(dir)) {
            file = logs.file().orElseThrow();
            LOG.info("Sync finished: 3 new leads");
            LOG.debug("GET /v25.0/me");
            LOG.warn("Task 'export' failed", new IllegalStateException("boom"));
        }
        assertThat(file).isEqualTo(dir.resolve("logs").resolve("leaddesk.log"));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("INFO", "Sync finished: 3 new leads", "WARN", "[" + Thread.currentThread().getName() + "]",
                "IllegalStateException: boom", "\tat ").doesNotContain("GET /v25.0/me");
        assertThat(stderr()).contains("Task 'export' failed").doesNotContain("Sync finished");
    }

    @Test
    void anUncaughtFailureIsLoggedAtErrorWithItsStackTraceAndTold() throws Exception {
        AtomicReference<Throwable> told = new AtomicReference<>();
        Path file;
        try (Logs logs = Logs.forApp(dir)) {
            file = logs.file().orElseThrow();
            logs.onUncaught(told::set);
            Thread t = new Thread(() -> {
                throw new IllegalStateException("nobody caught this");
            }, "some-worker");
            t.start();
            t.join();
        }
        assertThat(told.get()).hasMessage("nobody caught this");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("ERROR", "Uncaught failure on thread some-worker",
                "java.lang.IllegalStateException: nobody caught this", "\tat ");
    }

    @Test
    void closingPutsTheEarlierSetUpBack() {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        java.util.logging.Handler[] handlers = java.util.logging.Logger.getLogger("").getHandlers();
        try (Logs logs = Logs.forApp(dir)) {
            assertThat(Thread.getDefaultUncaughtExceptionHandler()).isNotSameAs(before);
        }
        assertThat(Thread.getDefaultUncaughtExceptionHandler()).isSameAs(before);
        assertThat(java.util.logging.Logger.getLogger("").getHandlers()).containsExactly(handlers);
    }
}
