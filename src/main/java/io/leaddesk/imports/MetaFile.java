package io.leaddesk.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One lead download opened for reading, row by row (streaming: a file of any size): encoding from its first bytes
 * ({@link FileEncoding}), separator from its header line (comma, semicolon or tab: the one that splits the header into
 * Meta's {@code id} and {@code created_time} columns; Excel's {@code sep=;} first line is honoured), then RFC 4180
 * records through jackson-dataformat-csv (quoted cells with separators, doubled quotes and line breaks). Every row
 * knows the line it starts on. A file that is not text in its encoding, or not valid CSV from some line on, fails with
 * one sentence naming the line: rows after a broken quote cannot be trusted, so such a file is refused as a whole.
 */
final class MetaFile implements Closeable {

    /** One record: the line it starts on (1 = the header) and its cells. */
    record Row(long line, String[] cells) {
    }

    private static final CsvFactory CSV = new CsvFactory();
    private static final int HEAD = 4096;
    private static final int MAX_HEADER_CHARS = 1 << 20;
    private static final char[] SEPARATORS = {',', ';', '\t'};

    private final Path file;
    private final String name;
    private final long size;
    private final Counting counting;
    private final CsvParser parser;
    private final FileEncoding encoding;
    private final char separator;
    private final int lineOffset;
    private final List<String> header;

    private MetaFile(Path file, long size, Counting counting, CsvParser parser, FileEncoding encoding, char separator,
                     int lineOffset) throws IOException {
        this.file = file;
        this.name = fileName(file);
        this.size = size;
        this.counting = counting;
        this.parser = parser;
        this.encoding = encoding;
        this.separator = separator;
        this.lineOffset = lineOffset;
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw notMeta(name);
        }
        Row h = nextRow();
        if (h == null) {
            throw notMeta(name);
        }
        List<String> names = new ArrayList<>(h.cells().length);
        for (String c : h.cells()) {
            names.add(c.replace("\uFEFF", "").strip());
        }
        this.header = List.copyOf(names);
    }

    /** Opens {@code file}; fails with a sentence (exit code 2) when it cannot be read or is not a Meta lead download. */
    static MetaFile open(Path file) {
        String name = fileName(file);
        if (Files.isDirectory(file)) {
            throw new ImportException(file + " is a folder, not a lead download: give the CSV or TSV file itself.");
        }
        InputStream raw = null;
        try {
            long size = Files.size(file);
            raw = Files.newInputStream(file);
            Counting counting = new Counting(raw);
            BufferedInputStream in = new BufferedInputStream(counting, 1 << 16);
            in.mark(HEAD);
            byte[] head = in.readNBytes(HEAD);
            in.reset();
            FileEncoding enc = FileEncoding.detect(head, head.length);
            in.skipNBytes(enc.bomLength());
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, enc.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            int lineOffset = 0;
            String first = peekLine(reader);
            char sep;
            if (first.length() == 5 && first.regionMatches(true, 0, "sep=", 0, 4)) {
                sep = first.charAt(4); // Excel's separator hint: a line of its own
                readLine(reader, true);
                lineOffset = 1;
            } else {
                sep = separator(first);
            }
            if (sep == 0) {
                throw notMeta(name);
            }
            CsvParser p = (CsvParser) CSV.createParser(reader);
            p.setSchema(CsvSchema.emptySchema().withColumnSeparator(sep));
            p.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            MetaFile f = new MetaFile(file, size, counting, p, enc, sep, lineOffset);
            raw = null;
            return f;
        } catch (CharacterCodingException e) {
            throw notText(name);
        } catch (NoSuchFileException e) {
            throw new ImportException("The file " + file + " does not exist: check the name and import again.");
        } catch (AccessDeniedException e) {
            throw new ImportException("The file " + file + " cannot be read (permission denied): allow your user to"
                    + " read it and import again.", e);
        } catch (JsonProcessingException e) {
            throw notCsv(name, e.getLocation() == null ? 1 : e.getLocation().getLineNr(), e);
        } catch (IOException e) {
            throw unreadable(file, e);
        } finally {
            if (raw != null) {
                try {
                    raw.close();
                } catch (IOException ignored) {
                    // already failing
                }
            }
        }
    }

    /** The next record, or null at the end. Skips blank lines. */
    Row next() {
        try {
            while (true) {
                Row r = nextRow();
                if (r == null) {
                    return null;
                }
                if (r.cells().length == 1 && r.cells()[0].isBlank() && header.size() > 1) {
                    continue; // a blank line
                }
                return r;
            }
        } catch (CharacterCodingException e) {
            throw notText(name);
        } catch (StreamConstraintsException e) {
            throw new ImportException("Line " + currentLine + " of " + name + " holds a cell of more than twenty million"
                    + " characters, which is not a lead (a quote that is never closed, perhaps): fix the line or download"
                    + " the file again.", e);
        } catch (JsonProcessingException e) {
            throw notCsv(name, currentLine > 0 ? currentLine : lineOf(e), e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** Start line of the record being read (for failures inside it). */
    private long currentLine;

    private Row nextRow() throws IOException {
        currentLine = -1;
        JsonToken t = parser.nextToken();
        if (t == null || t == JsonToken.END_ARRAY) {
            return null;
        }
        List<String> cells = new ArrayList<>(header == null ? 16 : header.size());
        long line = -1;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                break;
            }
            if (line < 0) {
                line = parser.currentTokenLocation().getLineNr() + lineOffset;
                currentLine = line;
            }
            cells.add(parser.getText());
        }
        return new Row(line < 0 ? parser.currentLocation().getLineNr() + lineOffset : line, cells.toArray(new String[0]));
    }

    private long lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr() + lineOffset;
    }

    List<String> header() {
        return header;
    }

    FileEncoding encoding() {
        return encoding;
    }

    char separator() {
        return separator;
    }

    String name() {
        return name;
    }

    long size() {
        return size;
    }

    /** Bytes read from the file so far (ahead of the rows handed out by at most the buffers). */
    long bytesRead() {
        return counting.count;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // read only: nothing to lose
        }
    }

    // ---- the header line --------------------------------------------------------------------------

    /** The first line, without consuming it (a header has no line breaks inside quotes; up to 1 M characters). */
    private static String peekLine(BufferedReader r) throws IOException {
        r.mark(MAX_HEADER_CHARS + 1);
        String line = readLine(r, false);
        r.reset();
        return line;
    }

    /** Reads one line; {@code consume}: also the LF of a CRLF (marks the reader, so never while peeking). */
    private static String readLine(BufferedReader r, boolean consume) throws IOException {
        StringBuilder sb = new StringBuilder(256);
        boolean quoted = false;
        int c;
        while ((c = r.read()) >= 0 && sb.length() < MAX_HEADER_CHARS) {
            if (c == '"') {
                quoted = !quoted;
            } else if ((c == '\n' || c == '\r') && !quoted) {
                if (c == '\r' && consume) {
                    r.mark(1);
                    if (r.read() != '\n') {
                        r.reset();
                    }
                }
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    /**
     * The separator that splits {@code header} into Meta's id and created_time columns (the one giving most columns
     * when several do); 0 when none does.
     */
    static char separator(String header) {
        char best = 0;
        int bestCount = 0;
        for (char sep : SEPARATORS) {
            List<String> names = split(header, sep);
            boolean hasId = false, hasTime = false;
            for (String n : names) {
                MetaColumns.Field f = MetaColumns.field(n);
                hasId |= f == MetaColumns.Field.ID;
                hasTime |= f == MetaColumns.Field.CREATED_TIME;
            }
            if (hasId && hasTime && names.size() > bestCount) {
                best = sep;
                bestCount = names.size();
            }
        }
        return best;
    }

    private static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == sep && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    // ---- failures ---------------------------------------------------------------------------------

    static String fileName(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }

    private static ImportException notMeta(String name) {
        return new ImportException("The file " + name + " is not a Meta lead download: its first line has no id and"
                + " created_time columns separated by commas, semicolons or tabs.");
    }

    /** No line number: the decoder reads ahead of the rows, so the line it stumbled on is not known. */
    private static ImportException notText(String name) {
        return new ImportException("The file " + name + " is not UTF-8 or UTF-16 text: save it as \"CSV UTF-8\" (or"
                + " download it from Meta again) and import it again.");
    }

    private static ImportException notCsv(String name, long line, Throwable cause) {
        return new ImportException("Line " + line + " of " + name + " is not valid CSV (a quoted cell is never closed, or"
                + " text follows a closing quote), so the rows from there on cannot be read: fix the line or download the"
                + " file again; nothing of it was imported.", cause);
    }

    private static ImportException unreadable(Path file, IOException e) {
        String reason = e instanceof java.nio.file.FileSystemException fs ? fs.getReason() : e.getMessage();
        String why = reason == null || reason.isBlank() || reason.matches("(?s).*\\b(java|javax|sun|com|io)\\..*")
                ? "" : " (" + reason.strip() + ")";
        return new ImportException("The file " + file + " could not be read" + why
                + ": check that it is there and readable, and import it again.", e);
    }

    /** Counts the bytes read from the file, for progress. */
    private static final class Counting extends FilterInputStream {
        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
