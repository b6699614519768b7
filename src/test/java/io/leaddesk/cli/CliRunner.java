package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How CLI tests run the command line: in-process through {@link Cli#run}, or the real launcher in a child JVM. Every
 * run is checked for what no user may see: a Java class or exception name, a stack trace (both only with --debug).
 * A test that runs a command through here gets the check for free.
 */
final class CliRunner {
    /** A Java class or exception name, a package name of ours or the JDK's, a stack frame. */
    static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b[A-Z][A-Za-z]+(Exception|Error)\\b|\\bjava\\.|\\bjavax\\.|\\bsun\\.|io\\.leaddesk\\.|^\\s+at \\S+\\(", Pattern.MULTILINE);

    record Result(int code, String out, String err) {
        /** The stderr lines that are not blank. */
        List<String> errLines() {
            return err.strip().isEmpty() ? List.of() : err.strip().lines().toList();
        }
    }

    private CliRunner() {
    }

    /** Runs {@code args} in-process with these variables. */
    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Result r = run(env, new PrintStream(out, true, StandardCharsets.UTF_8), args);
        return new Result(r.code(), out.toString(StandardCharsets.UTF_8), r.err());
    }

    /** Runs {@code args} in-process, printing stdout to {@code out}; the result's out is empty. */
    static Result run(Map<String, String> env, PrintStream out, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, env, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        Result r = new Result(code, "", err.toString(StandardCharsets.UTF_8));
        check(r, args);
        return r;
    }

    /** The check every run gets: unless asked for with --debug, stderr names no Java class and shows no stack trace. */
    static void check(Result r, String... args) {
        if (Arrays.asList(args).contains("--debug")) {
            return;
        }
        assertNoJavaNames("stderr of leaddesk " + String.join(" ", args), r.err());
    }

    static void assertNoJavaNames(String what, String text) {
        Matcher m = JAVA_NAMES.matcher(text);
        assertThat(m.find()).as(what + " shows a Java name (%s):%n%s", m.find(0) ? m.group() : "", text).isFalse();
    }

    /** A child JVM running the real launcher with exactly these variables (plus PATH) and arguments. */
    static ProcessBuilder launcher(Map<String, String> env, String... args) {
        return launcher(List.of(), env, args);
    }

    /** Same, started through {@code prefix} (e.g. a program that resets a signal first). */
    static ProcessBuilder launcher(List<String> prefix, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.leaddesk.LeadDesk"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> e = pb.environment();
        String path = e.get("PATH");
        e.clear();
        if (path != null) {
            e.put("PATH", path);
        }
        e.putAll(env);
        return pb;
    }

    /** Waits for a launched child, checks its stderr like an in-process run's. */
    static Result finish(Process p, String... args) throws IOException, InterruptedException {
        p.getOutputStream().close();
        // stdout may be redirected (to /dev/full); read stderr on this thread, stdout on another
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                p.getInputStream().transferTo(out);
            } catch (IOException ignored) {
                // the child went away
            }
        });
        reader.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as("the child ended").isTrue();
        reader.join();
        Result r = new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err);
        check(r, args);
        return r;
    }
}
