package io.leaddesk.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The command line's stdout, and how a failure to write it is told. A {@link PrintStream} swallows write errors;
 * the stream made here also remembers the first one, so the run can end with exit code 5 and a sentence that says why
 * ("no space left on device", "broken pipe") instead of exiting 0 with the output cut short.
 */
final class Output {
    private Output() {
    }

    /** A buffered UTF-8 stdout over {@code raw} that remembers its first write failure. */
    static PrintStream standard(OutputStream raw) {
        return new Watched(raw);
    }

    /** True when writing {@code out} failed; for a stream not made here this flushes it ({@link PrintStream#checkError()}). */
    static boolean failed(PrintStream out) {
        if (out instanceof Watched w && w.watch.failure != null) {
            return true;
        }
        return out.checkError();
    }

    /** The sentence for a failed output, with the reason when it is known. */
    static String sentence(PrintStream out) {
        IOException failure = out instanceof Watched w ? w.watch.failure : null;
        String reason = failure == null ? null : reason(failure);
        return "The output could not be written" + (reason == null ? "" : " (" + reason + ")")
                + "; make sure where it goes has room and stays open (a full disk, a closed pipe), and run the command again.";
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return null;
        }
        m = TerminalText.cell(m.strip());
        if (m.endsWith(".")) {
            m = m.substring(0, m.length() - 1);
        }
        // "No space left on device" reads better inside a sentence as "no space left on device"
        if (m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1))) {
            m = m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
        }
        return m;
    }

    private static final class Watched extends PrintStream {
        private final Watch watch;

        Watched(OutputStream raw) {
            this(new Watch(raw));
        }

        private Watched(Watch watch) {
            super(new BufferedOutputStream(watch, 1 << 16), false, StandardCharsets.UTF_8);
            this.watch = watch;
        }
    }

    /** Passes bytes on and keeps the first failure. */
    private static final class Watch extends FilterOutputStream {
        private volatile IOException failure;

        Watch(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                remember(e);
                throw e;
            }
        }

        private void remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }
}
