package io.leaddesk.imports;

import io.leaddesk.store.LeadStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Imports Meta's own lead downloads (Leads Center / Ads Manager "Download leads", a form's {@code export_csv} link)
 * into the cache, so that leads Meta no longer serves (after 90 days) join the archive. Plain Java for the command
 * line and the app's ViewModels alike: {@link #preview} reads a file and says what it holds, writing nothing;
 * {@link #importFile(ImportPreview, ImportListener, BooleanSupplier)} writes it, in one transaction. Both report
 * progress and can be cancelled; both block, so the app runs them off its UI thread. See package-info for the rules.
 */
public final class ImportService {

    /** Malformed rows kept for the report (all are counted). */
    public static final int MAX_PROBLEMS = 1000;
    /** Progress is reported every this many rows. */
    static final int PROGRESS_EVERY = 1000;

    private final LeadStore store;
    private final Clock clock;

    public ImportService(LeadStore store) {
        this(store, Clock.systemUTC());
    }

    /** @param clock when an import runs (the date its leads record as their origin) */
    public ImportService(LeadStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads {@code file} through once and says what importing it would do: counts, the forms matched, the columns mapped
     * and those not recognised, the malformed rows by line. Writes nothing. When the file names no form and
     * {@code options} gives none, the preview's state is NEEDS_FORM: ask for one and preview again.
     *
     * @throws ImportException when the file cannot be read or is no Meta lead download (exit code 2)
     */
    public ImportPreview preview(Path file, ImportOptions options, ImportListener listener, BooleanSupplier cancel) {
        Objects.requireNonNull(file, "file");
        ImportOptions o = options == null ? ImportOptions.defaults() : options;
        return new PreviewPass(store, file, o, explicitForm(o), orNone(listener), orNever(cancel)).run();
    }

    /**
     * Imports the file the preview described, in ONE transaction: the leads the cache lacks become leads of the cache
     * like any other; leads it holds are left as they are; forgotten leads stay forgotten. A cancel, a malformed row
     * under strict, a full disk: nothing of the file is written. Reads the file again, so a file changed since its
     * preview imports as it is now.
     *
     * @throws ImportException when the preview is not READY, or the file cannot be read (again)
     * @throws io.leaddesk.store.StoreException when the cache cannot be written (exit code 5)
     */
    public ImportResult importFile(ImportPreview preview, ImportListener listener, BooleanSupplier cancel) {
        Objects.requireNonNull(preview, "preview");
        switch (preview.state()) {
            case READY -> { }
            case NEEDS_FORM -> throw needsForm(preview.fileName());
            case REFUSED -> throw new ImportException(preview.refusal());
            case CANCELLED -> throw new IllegalArgumentException("a cancelled preview cannot be imported");
        }
        return new WritePass(store, preview, explicitForm(preview.options()), orNone(listener), orNever(cancel),
                clock.instant()).run();
    }

    /**
     * Previews, then imports when the preview is READY (the command line's way).
     *
     * @throws ImportException when the file cannot be imported as asked (no form, strict with malformed rows, unreadable)
     */
    public ImportResult importFile(Path file, ImportOptions options, ImportListener listener, BooleanSupplier cancel) {
        ImportPreview p = preview(file, options, listener, cancel);
        if (p.state() == ImportPreview.State.CANCELLED) {
            return new ImportResult(file, p.fileName(), true, clock.instant(), 0, 0, 0, 0, 0, p.problems(), null,
                    java.util.List.of(), java.util.Map.of());
        }
        return importFile(p, listener, cancel);
    }

    static ImportException needsForm(String fileName) {
        return new ImportException("The file " + fileName + " does not say which form its leads belong to: choose the"
                + " form (on the command line --form ID; 'leaddesk forms' lists them) and import it again.");
    }

    static String strictRefusal(String fileName, long malformed, RowProblem first) {
        return (malformed == 1 ? "A row" : malformed + " rows") + " of " + fileName + " cannot be imported (" + first
                + "), and --strict refuses a file with malformed rows: nothing of it was imported; fix the file, or"
                + " import without --strict to skip such rows.";
    }

    /** The form given for the file, without Meta's f: prefix; null when none. */
    private static String explicitForm(ImportOptions o) {
        if (o.formId() == null || o.formId().isBlank()) {
            return null;
        }
        String id = MetaValues.id(o.formId(), MetaValues.FORM);
        if (id == null) {
            throw new ImportException("\"" + LeadRows.shorten(o.formId()) + "\" is not a form id: a form id is a number"
                    + " (with or without Meta's f: prefix); 'leaddesk forms' lists them.");
        }
        return id;
    }

    private static ImportListener orNone(ImportListener l) {
        return l == null ? ImportListener.NONE : l;
    }

    private static BooleanSupplier orNever(BooleanSupplier c) {
        return c == null ? () -> false : c;
    }
}
