package io.leaddesk.cli;

import io.leaddesk.imports.FormMatch;
import io.leaddesk.imports.ImportException;
import io.leaddesk.imports.ImportListener;
import io.leaddesk.imports.ImportOptions;
import io.leaddesk.imports.ImportPreview;
import io.leaddesk.imports.ImportProgress;
import io.leaddesk.imports.ImportResult;
import io.leaddesk.imports.ImportService;
import io.leaddesk.imports.RowProblem;
import io.leaddesk.store.LeadStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true, description = {
        "Import Meta's own lead downloads (Leads Center / Ads Manager \"Download leads\", a form's export_csv link) into"
                + " the local cache, so leads Meta no longer serves (after 90 days) join it. Works offline.",
        "Reads UTF-8 (with or without BOM) and UTF-16 files, comma, semicolon or tab separated; takes Meta's prefixes off"
                + " ids (l:, ag:, as:, c:, f:) and phones (p:). Each file is previewed first (what is new, already cached,"
                + " malformed; the form matched; the columns mapped and those not recognised), then written in one"
                + " transaction: a failure part-way, or Ctrl+C, leaves the cache as it was.",
        "A lead already cached is left as it is (what Meta served through the API wins): importing a file again changes"
                + " nothing. A lead deleted with 'forget --lead' is not brought back. A form not in the cache is created"
                + " from the file's columns, its questions typed CUSTOM until 'leaddesk sync' brings Meta's.",
        "Malformed rows are reported by line and skipped (exit 0); --strict refuses such a file. Exits 2 for a file that"
                + " cannot be read or is not a Meta lead download (the other files are still imported), 5 when the cache"
                + " cannot be written."})
final class ImportCommand extends BaseCommand {
    /** Malformed rows printed per file (all are counted). */
    static final int PROBLEMS_SHOWN = 20;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Lead downloads (.csv or .tsv) to import.")
    List<Path> files;

    @Option(names = "--form", paramLabel = "ID", description = "The form the leads belong to, for a file without a"
            + " form_id column ('leaddesk forms' lists them).")
    String form;

    @Option(names = "--dry-run", description = "Only preview: print what each file holds and would import, write nothing.")
    boolean dryRun;

    @Option(names = "--strict", description = "Refuse a file with any malformed row instead of skipping such rows.")
    boolean strict;

    @Override
    public Integer call() {
        ImportOptions options = ImportOptions.defaults().withForm(form).withStrict(strict);
        PrintStream out = env().out();
        PrintStream err = env().err();
        int exit = ExitCode.OK;
        try (LeadStore store = openStore(); CtrlC ctrlC = new CtrlC("import")) {
            ImportService imports = new ImportService(store);
            for (Path file : files) {
                if (ctrlC.signal().isCancelled()) {
                    break;
                }
                String name = TerminalText.cell(String.valueOf(file.getFileName()));
                Progress progress = new Progress(err, name);
                try {
                    ImportPreview p = imports.preview(file, options, progress, ctrlC.signal());
                    if (p.state() == ImportPreview.State.CANCELLED) {
                        err.println("Stopped: nothing of " + name + " was imported.");
                        break;
                    }
                    describe(out, p);
                    problems(err, name, p.problems(), p.skipped());
                    if (p.state() == ImportPreview.State.NEEDS_FORM) {
                        err.println(TerminalText.cell("The file " + p.fileName() + " does not say which form its leads"
                                + " belong to: give the form with --form ID ('leaddesk forms' lists them) and import it again."));
                        exit = Math.max(exit, ExitCode.USAGE);
                        continue;
                    }
                    if (p.state() == ImportPreview.State.REFUSED) {
                        err.println(TerminalText.cell(p.refusal()));
                        exit = Math.max(exit, ExitCode.USAGE);
                        continue;
                    }
                    if (dryRun) {
                        out.println("Dry run, nothing written: " + name + " would give " + p.summary() + ".");
                        continue;
                    }
                    ImportResult r = imports.importFile(p, progress, ctrlC.signal());
                    if (r.cancelled()) {
                        err.println("Stopped: nothing of " + name + " was imported.");
                        break;
                    }
                    if (r.skipped() != p.skipped()) {
                        problems(err, name, r.problems(), r.skipped()); // the file changed since its preview
                    }
                    out.println("Imported " + name + ": " + r.summary() + ".");
                    env().checkOutput();
                } catch (ImportException e) {
                    err.println(TerminalText.cell(e.getMessage()));
                    exit = Math.max(exit, ExitCode.USAGE);
                }
            }
        }
        return exit;
    }

    private static void describe(PrintStream out, ImportPreview p) {
        out.println(TerminalText.cell(p.fileName()) + ": " + p.encoding() + ", " + p.separatorName() + "-separated, "
                + count(p.rows()) + (p.rows() == 1 ? " row" : " rows"));
        for (FormMatch m : p.forms()) {
            String state = !m.inCache() ? "not in the cache: created from the file's columns, questions typed CUSTOM"
                    + " until a sync brings Meta's"
                    : m.provisional() ? "in the cache, created by an earlier import" : "in the cache";
            out.println("  form " + m.formId() + (m.formName().isEmpty() ? "" : " \"" + TerminalText.cell(m.formName())
                    + "\"") + " (" + state + "): " + count(m.rows()) + (m.rows() == 1 ? " row, " : " rows, ")
                    + count(m.newLeads()) + " new");
            out.println("    columns mapped to questions: " + list(m.questionColumns()));
        }
        out.println("  lead columns: " + list(p.leadColumns()));
        if (!p.unrecognisedColumns().isEmpty()) {
            out.println("  columns not recognised (not imported): " + list(p.unrecognisedColumns()));
        }
    }

    private static void problems(PrintStream err, String name, List<RowProblem> problems, long skipped) {
        int shown = 0;
        for (RowProblem rp : problems) {
            if (shown++ == PROBLEMS_SHOWN) {
                break;
            }
            err.println(name + " line " + rp.line() + ": " + TerminalText.cell(rp.reason()) + " (row skipped).");
        }
        if (skipped > PROBLEMS_SHOWN) {
            err.println(name + ": " + count(skipped - PROBLEMS_SHOWN) + " more malformed rows skipped.");
        }
    }

    private static String list(List<String> names) {
        return names.isEmpty() ? "none" : TerminalText.cell(String.join(", ", names));
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A progress line on stderr at most every two seconds. */
    private static final class Progress implements ImportListener {
        private final PrintStream err;
        private final String name;
        private long last = System.nanoTime();

        Progress(PrintStream err, String name) {
            this.err = err;
            this.name = name;
        }

        @Override
        public void progress(ImportProgress p) {
            long now = System.nanoTime();
            if (now - last < 2_000_000_000L) {
                return;
            }
            last = now;
            err.println("  " + name + ": " + (p.phase() == ImportProgress.Phase.PREVIEW ? "reading" : "importing") + ", "
                    + count(p.rows()) + " rows (" + Math.round(p.fraction() * 100) + " %)");
        }
    }
}
