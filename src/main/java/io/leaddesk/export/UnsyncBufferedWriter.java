package io.leaddesk.export;

import java.io.IOException;
import java.io.Writer;

/**
 * A BufferedWriter without locks: the CSV printer appends a few times per cell, and BufferedWriter takes its lock on
 * every call, which cost about a third of the export time in profiling. One writer per export, one thread.
 */
final class UnsyncBufferedWriter extends Writer {

    private final Writer out;
    private final char[] buf;
    private int pos;

    UnsyncBufferedWriter(Writer out, int size) {
        this.out = out;
        this.buf = new char[size];
    }

    @Override
    public void write(int c) throws IOException {
        if (pos == buf.length) {
            flushBuffer();
        }
        buf[pos++] = (char) c;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        if (len >= buf.length) {
            flushBuffer();
            out.write(cbuf, off, len);
            return;
        }
        if (len > buf.length - pos) {
            flushBuffer();
        }
        System.arraycopy(cbuf, off, buf, pos, len);
        pos += len;
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        while (len > 0) {
            if (pos == buf.length) {
                flushBuffer();
            }
            int n = Math.min(len, buf.length - pos);
            s.getChars(off, off + n, buf, pos);
            pos += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void write(String s) throws IOException {
        write(s, 0, s.length());
    }

    @Override
    public Writer append(CharSequence csq) throws IOException {
        String s = String.valueOf(csq);
        write(s, 0, s.length());
        return this;
    }

    @Override
    public Writer append(CharSequence csq, int start, int end) throws IOException {
        if (csq instanceof String s) {
            write(s, start, end - start);
        } else {
            CharSequence cs = csq == null ? "null" : csq;
            for (int i = start; i < end; i++) {
                write(cs.charAt(i));
            }
        }
        return this;
    }

    @Override
    public Writer append(char c) throws IOException {
        write(c);
        return this;
    }

    private void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}
