package io.leaddesk.export;

import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoreException;
import io.leaddesk.store.StoredLead;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes leads to CSV files for CRMs and spreadsheets. Thread-safe and stateless between calls: one instance can serve
 * the dialog and the CLI.
 *
 * <p><b>Streaming.</b> Rows are written as the store streams the leads ({@code forEachLead}); nothing but the current
 * lead is held, except the ids of the exported leads, kept compactly (~18 bytes each) so the history is recorded as
 * one export. One pass over the store in the common case. Two passes when:
 * <ul>
 *   <li>dedupe is on: a first pass groups submissions into persons (memory proportional to distinct emails/phones,
 *       see {@link DedupeIndex}), the second writes the newest submission of each;</li>
 *   <li>the Meta profile meets answer keys no form question describes (its columns come from the forms' questions,
 *       and such keys must get columns before the disclaimer and review columns): the file is written optimistically
 *       with the questions' keys; if a lead had another key, that partial file is discarded and written again with
 *       the extra columns. Rare in practice (keys come from the forms), and the output is the same either way.</li>
 * </ul>
 *
 * <p><b>Two threads.</b> Reading the store and writing CSV cost about the same, so an export overlaps them: a reader
 * thread ({@value #READER_THREAD}) runs {@code forEachLeadDeferred} (the real store hands each lead over with its JSON
 * still unparsed) and hands the leads over in batches of {@value #BATCH} through a queue of {@value #QUEUE_BATCHES}
 * batches (so at most a few thousand leads are in flight, whatever the export's size); the calling thread turns them
 * into rows and writes them. Each lead's JSON is parsed once, by whichever thread claims it first: the writing side
 * from the front of its batch, the reader from the back of the batches in flight whenever the queue is full (see
 * {@link #readAhead}). A store error on the reader ends the export exactly as before; a cancel, an I/O error or any
 * other failure on the writing side stops the reader at its next lead; the reader is always joined before the export
 * returns.
 *
 * <p><b>Never a half file.</b> The file is written to {@code .<name>.partial-<random>} in the target folder, flushed
 * and fsynced, then renamed over the target (atomically where the file system allows). On cancel, a store error or an
 * I/O error (disk full, folder not writable) the partial file is deleted and the target is left as it was. The export
 * history is recorded only after the rename, so a failed export never counts as exported.
 */
public final class Exporter {

    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);
    static final int PROGRESS_EVERY = 1000;
    /** The name of the thread that reads the store during an export. */
    static final String READER_THREAD = "leaddesk-export-reader";
    static final int BATCH = 256;
    static final int QUEUE_BATCHES = 4;
    /** How long either side waits on the queue before it looks again at cancel / abort. */
    private static final long WAIT_MILLIS = 20;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Strict quoting: only values that need it are quoted (see {@link #csvWriter}). */
    private static final CsvFactory CSV = CsvFactory.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();
    /** A one-column file quotes every value: an empty one must not become a blank line (strict quoting leaves it bare). */
    private static final CsvFactory CSV_ONE_COLUMN = CSV.rebuild()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .build();

    /** Opens the stream the partial file is written through (a seam for tests that simulate a full disk). */
    @FunctionalInterface
    interface OutputOpener {
        OutputStream open(Path partialFile) throws IOException;
    }

    private final Clock clock;
    private final OutputOpener opener;

    public Exporter() {
        this(Clock.systemUTC());
    }

    public Exporter(Clock clock) {
        this(clock, p -> new FileOutputStream(Files.createFile(p).toFile()));
    }

    Exporter(Clock clock, OutputOpener opener) {
        this.clock = clock;
        this.opener = opener;
    }

    // ---- public API ------------------------------------------------------------------------------

    public ExportResult export(LeadStore store, ExportOptions options, Path out, ExportListener listener, BooleanSupplier cancelled) {
        return export(ExportSource.of(store), options, out, listener, cancelled);
    }

    public List<List<String>> preview(LeadStore store, ExportOptions options, int rows) {
        return preview(ExportSource.of(store), options, rows);
    }

    /** Warnings the user should see before exporting with {@code options} (also part of the result). */
    public static List<String> warnings(ExportOptions options) {
        List<String> w = new ArrayList<>();
        if (!options.formulaGuard()) {
            w.add("Formula guard is off: cells starting with =, +, -, @ are written as they are and a spreadsheet may run"
                    + " them as formulas; use this only for files a program reads, never for files people open.");
        }
        if (options.bom() && !isUnicode(options.charset())) {
            w.add("A byte order mark only exists for Unicode encodings; none was written for " + options.charset().name() + ".");
        }
        return w;
    }

    /**
     * The header and the first {@code rows} data rows exactly as {@link #export} would write them (same columns, same
     * formula guard). For the Meta profile or dedupe this looks at every matching lead first (columns and persons
     * depend on all of them), so a preview of a huge export takes a moment; run it off the UI thread.
     */
    public List<List<String>> preview(ExportSource source, ExportOptions options, int rows) {
        return preview(source, options, rows, () -> false);
    }

    /**
     * As {@link #preview(ExportSource, ExportOptions, int)}, stopping within a few leads once {@code cancelled} answers
     * true (the dialog cancels a preview whose options changed meanwhile: on a big cache a preview reads every lead).
     *
     * @throws CancellationException when cancelled
     */
    public List<List<String>> preview(ExportSource source, ExportOptions options, int rows, BooleanSupplier cancelled) {
        BooleanSupplier cancel = cancelled == null ? () -> false : cancelled;
        Plan plan;
        try {
            plan = plan(source, options, ExportListener.NONE, cancel, -1, true);
        } catch (RuntimeException e) {
            if (find(e, Stop.class) != null) {
                throw new CancellationException("The preview was cancelled.");
            }
            throw readFailure(e, null);
        }
        List<List<String>> out = new ArrayList<>();
        out.add(List.of(plan.header()));
        if (rows <= 0) {
            return out;
        }
        try {
            source.forEachLead(options.query(), lead -> {
                if (cancel.getAsBoolean()) {
                    throw Stop.CANCELLED;
                }
                String[] row = plan.row(lead);
                if (row != null) {
                    out.add(List.of(row));
                    if (out.size() > rows) {
                        throw Stop.ENOUGH;
                    }
                }
            });
        } catch (RuntimeException e) {
            Stop stop = find(e, Stop.class);
            if (stop == Stop.CANCELLED) {
                throw new CancellationException("The preview was cancelled.");
            }
            if (stop == null) {
                throw readFailure(e, null);
            }
        }
        return out;
    }

    /**
     * Exports the leads of {@code options.query()} to {@code out}.
     *
     * @param listener  progress, about every 1,000 leads
     * @param cancelled polled while working; when it answers true the export stops, the partial file is deleted and
     *                  the result says {@link ExportResult#cancelled()}
     * @throws ExportException with one plain sentence: target exists without overwrite, folder missing, I/O error,
     *                         store error, character the encoding cannot hold
     */
    public ExportResult export(ExportSource source, ExportOptions options, Path out, ExportListener listener, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        ExportListener progress = listener == null ? ExportListener.NONE : listener;
        BooleanSupplier cancel = cancelled == null ? () -> false : cancelled;
        Path target = out.toAbsolutePath().normalize();
        checkTarget(target, options.overwrite());
        List<String> warnings = new ArrayList<>(warnings(options));
        warnings.forEach(LOG::warn);

        long total;
        Plan plan;
        try {
            total = source.countLeads(options.query());
            // keys are collected in the scanning pass only when dedupe needs that pass anyway; otherwise the Meta
            // profile writes optimistically with the forms' question keys and rewrites once if leads had other keys
            plan = plan(source, options, progress, cancel, total, options.dedupe());
        } catch (RuntimeException e) {
            if (find(e, Stop.class) != null) {
                return cancelledResult(target, started, warnings);
            }
            throw readFailure(e, target);
        }

        Path partial = null;
        CompactIdList ids = null;
        long[] rows = {0};
        for (int attempt = 1; ; attempt++) {
            partial = target.resolveSibling("." + target.getFileName() + ".partial-" + Long.toHexString(RANDOM.nextLong() >>> 1));
            ids = new CompactIdList();
            rows[0] = 0;
            try {
                writeFile(source, options, plan, partial, progress, cancel, total, ids, rows);
            } catch (Throwable e) {
                deleteQuietly(partial);
                if (find(e, Stop.class) != null) {
                    return cancelledResult(target, started, warnings);
                }
                throw writeFailure(e, target);
            }
            if (attempt == 1 && plan.hasNewKeys()) {
                LOG.debug("Leads answered questions no form describes ({}); writing again with those columns", plan.newFieldKeys);
                deleteQuietly(partial);
                plan = plan.withNewKeys();
                continue;
            }
            break;
        }
        if (cancel.getAsBoolean()) {
            deleteQuietly(partial);
            return cancelledResult(target, started, warnings);
        }
        try {
            if (!options.overwrite() && Files.exists(target)) {
                throw new ExportException(existsMessage(target));
            }
            moveIntoPlace(partial, target, options.overwrite());
        } catch (IOException e) {
            deleteQuietly(partial);
            throw writeFailure(e, target);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
        if (plan.hasNewKeys()) {
            warnings.add("Some leads that arrived during the export answered questions with no column in this file ("
                    + String.join(", ", plan.newFieldKeys) + String.join(", ", plan.newDisclaimerKeys)
                    + "); export again to include those answers.");
        }

        long exportId = -1;
        try {
            exportId = source.recordExport(target.toString(), options.profile().name(), clock.instant(), ids);
        } catch (RuntimeException e) {
            LOG.warn("Export history could not be recorded for {}", target, e);
            warnings.add("The file was written, but the export history could not be saved (" + e.getMessage()
                    + "); these leads still count as not exported.");
        }
        return new ExportResult(target, rows[0], ids.size(), false, Duration.ofNanos(System.nanoTime() - started), warnings, exportId);
    }

    // ---- writing ---------------------------------------------------------------------------------

    private void writeFile(ExportSource source, ExportOptions options, Plan plan, Path partial, ExportListener progress,
                           BooleanSupplier cancel, long total, CompactIdList ids, long[] rows) throws IOException {
        try (OutputStream raw = opener.open(partial)) {
            JsonGenerator csv = csvWriter(raw, options, plan.columnCount());
            writeRecord(csv, plan.header());
            long[] read = {0};
            readAhead(source, options.query(), cancel, lead -> {
                if ((read[0] & 63) == 0 && cancel.getAsBoolean()) {
                    throw Stop.CANCELLED;
                }
                String[] row = plan.row(lead);
                try {
                    if (row != null) {
                        writeRecord(csv, row);
                        rows[0]++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                ids.add(lead.id());
                read[0]++;
                if (read[0] % PROGRESS_EVERY == 0) {
                    progress.progress(new ExportProgress(ExportProgress.Phase.WRITING, read[0], total, rows[0]));
                }
            });
            csv.flush();
            if (raw instanceof FileOutputStream f) {
                f.getFD().sync();
            }
            progress.progress(new ExportProgress(ExportProgress.Phase.WRITING, read[0], total, rows[0]));
        }
    }

    /**
     * RFC 4180 CSV through jackson-dataformat-csv: a value is quoted when it holds the separator, a quote (doubled
     * inside), CR or LF, or starts with '#' in the first column; records end with CRLF. A one-column file quotes every
     * value, so an empty one is {@code ""} and not a blank line, which readers skip. The text goes
     * through an encoder that REPORTs what the charset cannot hold (including a broken surrogate pair in UTF-8), so
     * such a lead fails the export with a clear message instead of writing '?'.
     */
    static JsonGenerator csvWriter(OutputStream raw, ExportOptions options, int columns) throws IOException {
        Charset cs = options.charset();
        Writer w = new OutputStreamWriter(raw, cs.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        if (options.bom() && isUnicode(cs)) {
            w.write('\uFEFF');
        }
        JsonGenerator g = (columns == 1 ? CSV_ONE_COLUMN : CSV).createGenerator(w);
        g.setSchema(CsvSchema.emptySchema().withColumnSeparator(options.delimiter()).withLineSeparator("\r\n").withComments());
        return g;
    }

    static void writeRecord(JsonGenerator csv, String[] cells) throws IOException {
        csv.writeStartArray();
        for (String c : cells) {
            // never null (ExportColumn gives ""), and it must stay so: without a schema the generator drops a null
            // cell from a record instead of writing it empty, which would shift every later column
            csv.writeString(c == null ? "" : c);
        }
        csv.writeEndArray();
    }

    // ---- the reader thread ------------------------------------------------------------------------

    /**
     * Streams the leads of {@code query} to {@code consumer} on the calling thread while a {@value #READER_THREAD}
     * thread reads them from {@code source}. Whatever {@code source} throws is thrown here (the same object); whatever
     * {@code consumer} throws stops the reader and is thrown here. {@code cancel} is also polled (on the calling thread)
     * while the reader is slow to deliver. The reader has ended when this returns or throws.
     *
     * <p>Parsing is shared: each lead is parsed once, by whichever thread claims it first. The calling thread claims
     * leads in order from the front of the batch it is writing; the reader, whenever the queue is full (the writing side
     * is behind), claims leads from the back of the batches in flight, newest first. So neither thread idles while the
     * other has parsing left, whichever side is the slower one on a given machine.
     */
    static void readAhead(ExportSource source, LeadQuery query, BooleanSupplier cancel, Consumer<StoredLead> consumer) {
        ReadAhead ahead = new ReadAhead(source, query);
        Thread reader = new Thread(ahead::run, READER_THREAD);
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Batch batch = ahead.queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    if (cancel.getAsBoolean()) {
                        throw Stop.CANCELLED;
                    }
                    if (!reader.isAlive() && ahead.queue.isEmpty()) {
                        throw new IllegalStateException("The lead reader stopped without finishing.");
                    }
                    continue;
                }
                if (batch == ReadAhead.END) {
                    ahead.throwFailure();
                    return;
                }
                for (int i = 0; i < batch.size; i++) {
                    consumer.accept(batch.take(i));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Stop.CANCELLED;
        } finally {
            ahead.aborted = true;
            ahead.queue.clear();
            joinUninterruptibly(reader);
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Up to {@value #BATCH} leads in flight, each still unparsed until a thread claims it: state 0 = unclaimed,
     * 1 = being parsed, 2 = parsed (result, or what the parse threw, in {@code results}).
     */
    static final class Batch {
        final Supplier<StoredLead>[] leads;
        final Object[] results;
        final AtomicIntegerArray state;
        int size;
        /** The reader's next candidate from the back (reader thread only). */
        int readerCursor = -1;

        @SuppressWarnings("unchecked")
        Batch(int capacity) {
            leads = (Supplier<StoredLead>[]) new Supplier<?>[capacity];
            results = new Object[capacity];
            state = new AtomicIntegerArray(capacity);
        }

        /** Parses lead {@code i} here unless another thread has claimed it; true if this call parsed it. */
        boolean tryParse(int i) {
            if (!state.compareAndSet(i, 0, 1)) {
                return false;
            }
            Object r;
            try {
                r = leads[i].get();
            } catch (Throwable t) {
                r = t;
            }
            results[i] = r;
            leads[i] = null;
            state.set(i, 2);
            return true;
        }

        /**
         * The reader's share: parses the unclaimed lead nearest the back; false when none is left (the writing side
         * claims from the front in order, so once it holds a lead it holds every lead before it too).
         */
        boolean parseFromBack() {
            if (readerCursor >= 0) {
                int i = readerCursor--;
                if (tryParse(i)) {
                    return true;
                }
                readerCursor = -1;
            }
            return false;
        }

        /** Lead {@code i}, parsed here, or by the reader (then waited for: one lead's parse, a few microseconds). */
        StoredLead take(int i) {
            if (!tryParse(i)) {
                int spins = 0;
                while (state.get(i) != 2) {
                    if (++spins < 10_000) {
                        Thread.onSpinWait();
                    } else {
                        Thread.yield();
                    }
                }
            }
            Object r = results[i];
            results[i] = null;
            if (r instanceof Throwable t) {
                Exporter.<RuntimeException>sneakyThrow(t);
            }
            return (StoredLead) r;
        }
    }

    /** The reader's side: batches leads into a bounded queue; ends with {@link #END}, after noting a failure if any. */
    private static final class ReadAhead {
        static final Batch END = new Batch(0);

        final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
        final ExportSource source;
        final LeadQuery query;
        /** Set by the writing side when it stops (done, cancelled or failed): the reader stops at its next lead. */
        volatile boolean aborted;
        private volatile Throwable failure;
        private Batch batch = new Batch(BATCH);
        /** Batches handed over lately, newest last: the reader parses from their backs while the queue is full. */
        private final ArrayDeque<Batch> handed = new ArrayDeque<>();

        ReadAhead(ExportSource source, LeadQuery query) {
            this.source = source;
            this.query = query;
        }

        void run() {
            try {
                source.forEachLeadDeferred(query, lead -> {
                    if (aborted) {
                        throw Stop.ABORTED;
                    }
                    batch.leads[batch.size++] = lead;
                    if (batch.size == BATCH) {
                        handSharingWork(batch);
                        batch = new Batch(BATCH);
                    }
                });
                if (batch.size > 0) {
                    handSharingWork(batch);
                }
            } catch (Throwable t) {
                if (!aborted) {
                    failure = t;
                }
            } finally {
                batch = null;
                handed.clear();
                try {
                    hand(END);
                } catch (Stop ignored) {
                    // the writing side has stopped and no longer reads the queue
                }
            }
        }

        /**
         * Hands a batch over; while the writing side is behind (queue full) this thread, which would otherwise wait,
         * parses leads from the back of this batch and then of the batches in flight, newest first.
         */
        private void handSharingWork(Batch b) {
            b.readerCursor = b.size - 1;
            while (!queue.offer(b)) {
                if (aborted) {
                    throw Stop.ABORTED;
                }
                if (!parseOne(b)) {
                    hand(b);
                    break;
                }
            }
            handed.addLast(b);
            if (handed.size() > QUEUE_BATCHES + 1) {
                handed.removeFirst();
            }
        }

        private boolean parseOne(Batch current) {
            if (current.parseFromBack()) {
                return true;
            }
            for (Iterator<Batch> it = handed.descendingIterator(); it.hasNext(); ) {
                if (it.next().parseFromBack()) {
                    return true;
                }
            }
            return false;
        }

        private void hand(Batch b) {
            try {
                while (!queue.offer(b, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (aborted) {
                        throw Stop.ABORTED;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Stop.ABORTED;
            }
        }

        /** Throws what the store threw, unchanged, so it is reported as if it had been read on this thread. */
        void throwFailure() {
            Throwable t = failure;
            if (t != null) {
                Exporter.<RuntimeException>sneakyThrow(t);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }

    private static void moveIntoPlace(Path partial, Path target, boolean overwrite) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            if (overwrite) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(partial, target);
            }
        }
    }

    // ---- planning --------------------------------------------------------------------------------

    private Plan plan(ExportSource source, ExportOptions options, ExportListener progress, BooleanSupplier cancel, long total,
                      boolean scan) {
        List<LeadForm> forms = source.forms(options.query());
        Map<String, LeadForm> byId = new HashMap<>();
        for (LeadForm f : forms) {
            byId.putIfAbsent(f.id(), f);
        }
        PhoneNormalizer phones = new PhoneNormalizer(options.defaultRegion());
        FormSchema base = FormSchema.of(forms);
        boolean scanKeys = scan && options.profile().needsKeyScan();
        DedupeIndex dedupe = options.dedupe() ? new DedupeIndex() : null;
        FormSchema schema = base;
        if (scanKeys || dedupe != null) {
            Set<String> knownFields = new HashSet<>(base.questionKeys());
            Set<String> knownDisclaimers = new HashSet<>(base.disclaimerKeys());
            Set<String> extraFields = new LinkedHashSet<>();
            Set<String> extraDisclaimers = new LinkedHashSet<>();
            LeadRowData data = new LeadRowData(options, phones);
            long[] read = {0};
            readAhead(source, options.query(), cancel, lead -> {
                if ((read[0] & 63) == 0 && cancel.getAsBoolean()) {
                    throw Stop.CANCELLED;
                }
                if (scanKeys) {
                    for (FieldAnswer a : lead.lead().fieldData()) {
                        if (!knownFields.contains(a.name())) {
                            extraFields.add(a.name());
                        }
                    }
                    for (DisclaimerResponse r : lead.lead().disclaimerResponses()) {
                        if (!knownDisclaimers.contains(r.checkboxKey())) {
                            extraDisclaimers.add(r.checkboxKey());
                        }
                    }
                }
                if (dedupe != null) {
                    data.reset(lead, byId.get(lead.lead().formId()), 1);
                    dedupe.add(lead.id(), lead.lead().createdEpochSecond(), personKeys(data, phones));
                }
                read[0]++;
                if (read[0] % PROGRESS_EVERY == 0) {
                    progress.progress(new ExportProgress(ExportProgress.Phase.SCANNING, read[0], total, 0));
                }
            });
            progress.progress(new ExportProgress(ExportProgress.Phase.SCANNING, read[0], total, 0));
            schema = new FormSchema(forms, new ArrayList<>(extraFields), new ArrayList<>(extraDisclaimers));
        }
        return new Plan(options, schema, byId, phones, dedupe);
    }

    /** Person keys for dedupe: "e:" + trimmed lower-case email, "p:" + E.164 phone (digits only when not parseable). */
    static List<String> personKeys(LeadRowData data, PhoneNormalizer phones) {
        String email = data.email().strip().toLowerCase(Locale.ROOT);
        String phone = phones.dedupeKey(data.phone(), data.country());
        if (email.isEmpty()) {
            return phone.isEmpty() ? List.of() : List.of("p:" + phone);
        }
        return phone.isEmpty() ? List.of("e:" + email) : List.of("e:" + email, "p:" + phone);
    }

    /**
     * The columns and the per-row state of one export. Not thread-safe: one per export call. When the profile's
     * columns depend on answer keys, it notes keys of written leads that have no column ({@link #hasNewKeys()}).
     */
    private static final class Plan {
        private final ExportOptions options;
        private final FormSchema schema;
        private final ExportColumn[] columns;
        private final Map<String, LeadForm> forms;
        private final PhoneNormalizer phones;
        private final DedupeIndex dedupe;
        private final boolean trackKeys;
        private final Set<String> fieldKeys;
        private final Set<String> disclaimerKeys;
        final Set<String> newFieldKeys = new LinkedHashSet<>();
        /** The answer key last checked at each answer position (see row). */
        private String[] seenFieldKeys = new String[0];
        final Set<String> newDisclaimerKeys = new LinkedHashSet<>();
        private final LeadRowData data;

        Plan(ExportOptions options, FormSchema schema, Map<String, LeadForm> forms, PhoneNormalizer phones, DedupeIndex dedupe) {
            this.options = options;
            this.schema = schema;
            this.columns = options.profile().columns(schema, options).toArray(new ExportColumn[0]);
            this.forms = forms;
            this.phones = phones;
            this.dedupe = dedupe;
            this.trackKeys = options.profile().needsKeyScan();
            this.fieldKeys = new HashSet<>(schema.fieldKeys());
            this.disclaimerKeys = new HashSet<>(schema.disclaimerKeys());
            this.data = new LeadRowData(options, phones);
        }

        boolean hasNewKeys() {
            return !newFieldKeys.isEmpty() || !newDisclaimerKeys.isEmpty();
        }

        /** The same export with columns for the keys found while writing. */
        Plan withNewKeys() {
            List<String> fields = new ArrayList<>(schema.extraFieldKeys());
            fields.addAll(newFieldKeys);
            List<String> boxes = new ArrayList<>(schema.extraDisclaimerKeys());
            boxes.addAll(newDisclaimerKeys);
            return new Plan(options, new FormSchema(schema.forms(), fields, boxes), forms, phones, dedupe);
        }

        int columnCount() {
            return columns.length;
        }

        String[] header() {
            String[] h = new String[columns.length];
            for (int i = 0; i < h.length; i++) {
                h[i] = guard(columns[i].header());
            }
            return h;
        }

        /** The cells of {@code lead}'s row, or null when dedupe merges it into another row. */
        String[] row(StoredLead lead) {
            data.reset(lead, forms.get(lead.lead().formId()), 1);
            if (dedupe != null) {
                List<String> keys = personKeys(data, phones);
                int person = dedupe.personOf(keys);
                if (person >= 0) {
                    if (dedupe.isNewest(person, lead.id())) {
                        data.reset(lead, data.form(), dedupe.submissions(person));
                    } else if (!dedupe.isNewerThanNewest(person, lead.id(), lead.lead().createdEpochSecond())) {
                        return null;
                    }
                }
            }
            if (trackKeys) {
                List<FieldAnswer> answers = lead.lead().fieldData();
                if (seenFieldKeys.length < answers.size()) {
                    seenFieldKeys = Arrays.copyOf(seenFieldKeys, answers.size());
                }
                for (int i = 0; i < answers.size(); i++) {
                    String k = answers.get(i).name();
                    // the parser shares key Strings across leads: the very object seen at this position before was
                    // checked then (an identity test, no hashing); any other key is looked up
                    if (k != seenFieldKeys[i]) {
                        if (!fieldKeys.contains(k)) {
                            newFieldKeys.add(k);
                        }
                        seenFieldKeys[i] = k;
                    }
                }
                for (DisclaimerResponse r : lead.lead().disclaimerResponses()) {
                    if (!disclaimerKeys.contains(r.checkboxKey())) {
                        newDisclaimerKeys.add(r.checkboxKey());
                    }
                }
            }
            String[] cells = new String[columns.length];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = guard(columns[i].valueOf(data));
            }
            return cells;
        }

        private String guard(String v) {
            return options.formulaGuard() ? FormulaGuard.neutralise(v) : v;
        }
    }

    // ---- errors ----------------------------------------------------------------------------------

    /** Stops a stream early: cancel, or enough rows for a preview. Stackless; never escapes this class. */
    private static final class Stop extends RuntimeException {
        static final Stop CANCELLED = new Stop();
        static final Stop ENOUGH = new Stop();
        /** Stops the reader thread because the writing side stopped. */
        static final Stop ABORTED = new Stop();

        private Stop() {
            super(null, null, false, false);
        }
    }

    private static void checkTarget(Path target, boolean overwrite) {
        if (Files.isDirectory(target)) {
            throw new ExportException(target + " is a folder; choose a file name.");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ExportException("The folder " + dir + " does not exist; choose an existing folder.");
        }
        if (!overwrite && Files.exists(target)) {
            throw new ExportException(existsMessage(target));
        }
    }

    private static String existsMessage(Path target) {
        return "The file " + target + " already exists; choose another name or allow replacing it (--force).";
    }

    private ExportResult cancelledResult(Path target, long started, List<String> warnings) {
        return new ExportResult(target, 0, 0, true, Duration.ofNanos(System.nanoTime() - started), warnings, -1);
    }

    private static ExportException readFailure(Throwable e, Path target) {
        String where = target == null ? "" : " Nothing was written under " + target.getFileName() + ".";
        StoreException se = find(e, StoreException.class);
        if (se != null) {
            return new ExportException("Could not read the leads: " + se.getMessage() + where, e);
        }
        if (e instanceof RuntimeException re && !(e instanceof UncheckedIOException)) {
            return re instanceof ExportException ee ? ee : new ExportException("The export failed: " + e + "." + where, e);
        }
        return new ExportException("The export failed: " + e + "." + where, e);
    }

    private static ExportException writeFailure(Throwable e, Path target) {
        if (e instanceof ExportException ee) {
            return ee;
        }
        CharacterCodingException cce = find(e, CharacterCodingException.class);
        if (cce != null) {
            return new ExportException("Some leads contain characters the chosen encoding cannot hold; nothing was written under "
                    + target.getFileName() + ". Export as UTF-8 instead.", e);
        }
        IOException io = find(e, IOException.class);
        if (io != null) {
            String reason = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
            return new ExportException("Could not write " + target + ": " + reason + ". Nothing was written under that name;"
                    + " free space or choose another folder.", e);
        }
        if (e instanceof Error err) {
            throw err;
        }
        return readFailure(e, target);
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean isUnicode(Charset cs) {
        return cs.name().toUpperCase(Locale.ROOT).startsWith("UTF");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not delete the partial export file {}", p, e);
        }
    }
}
