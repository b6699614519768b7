package io.leaddesk.export;

import io.leaddesk.files.AtomicWrite;
import io.leaddesk.files.TempFiles;
import io.leaddesk.store.LeadStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes leads to CSV files for CRMs and to .xlsx workbooks for spreadsheets ({@link ExportFormat}). Thread-safe and
 * stateless between calls: one instance can serve the dialog and the CLI. The work is shared out to one class per job:
 * <ul>
 *   <li>{@link ExportPlan}: the columns and the passes over the store (one in the common case, a scanning pass first
 *       for dedupe, for a target that cannot be written twice, or a second writing pass when the Meta profile met
 *       answer keys no question describes);</li>
 *   <li>{@link ReadAhead}: the reader thread of the two-thread pipeline (one thread reads the store, the calling thread
 *       builds and writes the rows);</li>
 *   <li>{@link RowWriter}: the file format ({@link CsvRowWriter}, {@link XlsxRowWriter});</li>
 *   <li>{@link ExportTarget}: what the chosen name is (new or existing file, pipe, device, link, folder) and how it is
 *       written (through a temp file that is fsynced and renamed, {@link AtomicWrite}, or directly);</li>
 *   <li>{@link ExportFailures}: what went wrong, as one sentence with its kind.</li>
 * </ul>
 *
 * <p><b>Streaming.</b> Rows are written as the store streams the leads; nothing but the current lead is held, except
 * the ids of the exported leads, kept compactly (~18 bytes each) so the history is recorded as one export.
 *
 * <p><b>Never a half file.</b> A file is written to {@code .<name>.partial-<random>} in the target folder (owner-only,
 * locked while written), flushed and fsynced, then renamed over the target. On cancel, a store error or an I/O error
 * the partial file is deleted and the target is left as it was; one a killed export left behind is removed by the next
 * export into that folder ({@link #leftoverPartials} lists them). The export history is recorded only after the
 * rename, so a failed export never counts as exported.
 */
public final class Exporter {

    private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);
    static final int PROGRESS_EVERY = 1000;

    /** Opens the stream the partial file is written through (a seam for tests that simulate a full disk). */
    @FunctionalInterface
    interface OutputOpener {
        /** {@code partialFile} exists (empty, owner-only) when this is called. */
        OutputStream open(Path partialFile) throws IOException;
    }

    private final Clock clock;
    private final AtomicWrite.Opener opener;

    public Exporter() {
        this(Clock.systemUTC());
    }

    public Exporter(Clock clock) {
        this.clock = clock;
        this.opener = null;
    }

    Exporter(Clock clock, OutputOpener opener) {
        this.clock = clock;
        this.opener = opener::open;
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
        if (options.format() == ExportFormat.XLSX) {
            return w; // text cells never run as formulas, and encoding and byte order mark do not apply
        }
        if (!options.formulaGuard()) {
            w.add("Formula guard is off: cells starting with =, +, -, @ are written as they are and a spreadsheet may run"
                    + " them as formulas; use this only for files a program reads, never for files people open.");
        }
        if (options.bom() && !CsvRowWriter.isUnicode(options.charset())) {
            w.add("A byte order mark only exists for Unicode encodings; none was written for " + options.charset().name() + ".");
        }
        return w;
    }

    /**
     * The partial files that interrupted exports (or saves) left in {@code folders} and that no running export is
     * writing: places where copies of lead data may remain (the forget command lists them). Such a file is removed by
     * the next export into its folder; see {@link TempFiles} for when a partial file counts as left behind.
     */
    public static List<Path> leftoverPartials(Collection<Path> folders) {
        return leftoverPartials(folders, Instant.now());
    }

    static List<Path> leftoverPartials(Collection<Path> folders, Instant now) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> out = new ArrayList<>();
        for (Path f : folders) {
            if (f != null && seen.add(f.toAbsolutePath().normalize())) {
                out.addAll(TempFiles.stale(f, now));
            }
        }
        return out;
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
        ExportPlan plan;
        try {
            plan = ExportPlan.build(source, options, ExportListener.NONE, cancel, -1, true);
        } catch (RuntimeException e) {
            if (Stop.in(e)) {
                throw new CancellationException("The preview was cancelled.");
            }
            throw ExportFailures.read(e, null);
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
            Stop stop = ExportFailures.find(e, Stop.class);
            if (stop == Stop.CANCELLED) {
                throw new CancellationException("The preview was cancelled.");
            }
            if (stop == null) {
                throw ExportFailures.read(e, null);
            }
        }
        return out;
    }

    /**
     * Exports the leads of {@code options.query()} to {@code out} (see {@link ExportTarget} for what {@code out} may
     * be: a new or existing file, a pipe or character device, a link to one of those).
     *
     * @param listener  progress, about every 1,000 leads
     * @param cancelled polled while working; when it answers true the export stops, the partial file is deleted and
     *                  the result says {@link ExportResult#cancelled()}
     * @throws ExportException with one plain sentence and its kind (see {@link ExportFailures})
     */
    public ExportResult export(ExportSource source, ExportOptions options, Path out, ExportListener listener, BooleanSupplier cancelled) {
        long started = System.nanoTime();
        ExportListener progress = listener == null ? ExportListener.NONE : listener;
        BooleanSupplier cancel = cancelled == null ? () -> false : cancelled;
        ExportTarget target = ExportTarget.resolve(out, options.overwrite());
        List<String> warnings = new ArrayList<>(warnings(options));
        warnings.forEach(LOG::warn);
        target.removeStalePartials(clock.instant());

        long total;
        ExportPlan plan;
        try {
            total = source.countLeads(options.query());
            if (options.format() == ExportFormat.XLSX && !options.dedupe() && total > XlsxRowWriter.MAX_DATA_ROWS) {
                throw XlsxRowWriter.tooManyRows();
            }
            // keys are collected in the scanning pass only when dedupe needs that pass anyway, or the target cannot be
            // written twice; otherwise the Meta profile writes optimistically with the forms' question keys and
            // writes again once if leads had other keys
            plan = ExportPlan.build(source, options, progress, cancel, total, options.dedupe() || target.stream());
        } catch (RuntimeException e) {
            if (Stop.in(e)) {
                return cancelledResult(target, started, warnings);
            }
            throw ExportFailures.read(e, target.file());
        }

        CompactIdList ids;
        long[] rows = {0};
        ExportTarget.Writing written;
        for (int attempt = 1; ; attempt++) {
            ids = new CompactIdList();
            rows[0] = 0;
            ExportTarget.Writing w = null;
            try {
                w = target.begin(opener);
                writeRows(source, options, plan, w.stream(), progress, cancel, total, ids, rows);
            } catch (Throwable e) {
                if (w != null) {
                    w.close();
                }
                if (Stop.in(e)) {
                    return cancelledResult(target, started, warnings);
                }
                throw ExportFailures.write(e, target.file(), target.stream());
            }
            if (attempt == 1 && plan.hasNewKeys() && !target.stream()) {
                LOG.debug("Leads answered questions no form describes; writing again with those columns");
                w.close();
                plan = plan.withNewKeys();
                continue;
            }
            written = w;
            break;
        }
        if (cancel.getAsBoolean() && !target.stream()) {
            written.close();
            return cancelledResult(target, started, warnings);
        }
        try {
            written.commit(options.overwrite());
        } catch (IOException | RuntimeException e) {
            written.close();
            throw ExportFailures.write(e, target.file(), target.stream());
        }
        if (plan.hasNewKeys()) {
            warnings.add("Some leads that arrived during the export answered questions with no column in this file ("
                    + plan.newKeys() + "); export again to include those answers.");
        }

        long exportId = -1;
        try {
            exportId = source.recordExport(target.file().toString(), options.profile().name(), clock.instant(), ids);
        } catch (RuntimeException e) {
            LOG.warn("Export history could not be recorded for {}", target.file(), e);
            warnings.add("The file was written, but the export history could not be saved (" + e.getMessage()
                    + "); these leads still count as not exported.");
        }
        return new ExportResult(target.file(), rows[0], ids.size(), false, Duration.ofNanos(System.nanoTime() - started),
                warnings, exportId);
    }

    private static void writeRows(ExportSource source, ExportOptions options, ExportPlan plan, OutputStream out,
                                  ExportListener progress, BooleanSupplier cancel, long total, CompactIdList ids,
                                  long[] rows) throws IOException {
        RowWriter writer = RowWriter.open(out, options, plan);
        writer.header(plan.header());
        long[] read = {0};
        ReadAhead.run(source, options.query(), cancel, lead -> {
            if ((read[0] & 63) == 0 && cancel.getAsBoolean()) {
                throw Stop.CANCELLED;
            }
            String[] row = plan.row(lead);
            try {
                if (row != null) {
                    writer.row(row, lead);
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
        writer.finish();
        progress.progress(new ExportProgress(ExportProgress.Phase.WRITING, read[0], total, rows[0]));
    }

    private static ExportResult cancelledResult(ExportTarget target, long started, List<String> warnings) {
        if (target.stream()) {
            warnings.add("The export into " + target.file() + " was cancelled part-way; what was already written went into it.");
        }
        return new ExportResult(target.file(), 0, 0, true, Duration.ofNanos(System.nanoTime() - started), warnings, -1);
    }
}
