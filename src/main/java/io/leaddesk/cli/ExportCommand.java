package io.leaddesk.cli;

import io.leaddesk.export.CustomProfiles;
import io.leaddesk.export.ExportException;
import io.leaddesk.export.ExportFormat;
import io.leaddesk.export.ExportOptions;
import io.leaddesk.export.ExportProgress;
import io.leaddesk.export.ExportResult;
import io.leaddesk.export.Exporter;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true, description = {"Write cached leads to a CSV file for a CRM, or an .xlsx file for a spreadsheet (works offline).",
        "The file appears only when complete: a cancel (Ctrl+C), a crash or a full disk never leaves half a file under its name.",
        "FILE may also be a pipe or a device such as /dev/stdout (written directly) or a link to a file (the file it points to is written).",
        "Profiles: meta (Meta's own download columns, default), hubspot, zoho, salesforce, pipedrive, or a saved custom profile."})
final class ExportCommand extends BaseCommand {
    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write.")
    Path out;

    @Option(names = "--format", paramLabel = "csv|xlsx", description = {"csv (for CRM imports) or xlsx (for spreadsheets: ids,"
            + " phones and answers stay text, times are dates); default: xlsx when FILE ends with .xlsx, else csv."})
    String format;

    @Mixin
    LeadFilterOptions filter = new LeadFilterOptions();

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "meta", description = "Column layout (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--bom", description = "Start with a UTF-8 byte order mark (what Excel needs to read UTF-8).")
    boolean bom;

    @Option(names = "--delimiter", paramLabel = ",|;|tab", defaultValue = ",", description = "Separator (default: comma).")
    String delimiter;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8", description = "File encoding (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--new-only", description = "Only leads that never went into an export before.")
    boolean newOnly;

    @Option(names = "--dedupe", description = "One row per person (same email or phone across forms), newest answers, plus a submissions column.")
    boolean dedupe;

    @Option(names = "--no-formula-guard", description = "Do not neutralise cells spreadsheets would run as formulas (only for machine-to-machine files).")
    boolean noFormulaGuard;

    @Option(names = "--e164", description = "Add a phone column in E.164 (+380501234567).")
    boolean e164;

    @Option(names = "--region", paramLabel = "CC", description = "Default country (ISO code such as UA) for phone numbers without a country code; default: the app's setting.")
    String region;

    @Option(names = "--local-time", description = "Write times in this computer's time zone (with offset) instead of UTC.")
    boolean localTime;

    @Option(names = "--force", description = "Replace FILE if it exists (a pipe or a device is written into, never replaced).")
    boolean force;

    @Override
    public Integer call() {
        ZoneId zone = ZoneId.systemDefault();
        LeadQuery q = filter.query(zone).withNotExportedBefore(newOnly);
        ExportOptions options;
        try {
            String defaultRegion = region != null ? Regions.check(region) : env().settings().defaultRegion();
            options = ExportOptions.defaults()
                    .withQuery(q)
                    .withProfile(new CustomProfiles(env().dataFolder()).resolve(profile))
                    .withCharset(charset(encoding))
                    .withBom(bom)
                    .withDelimiter(ExportOptions.parseDelimiter(delimiter))
                    .withFormulaGuard(!noFormulaGuard)
                    .withE164(e164, defaultRegion)
                    .withTimeZone(localTime ? zone : null)
                    .withDedupe(dedupe)
                    .withOverwrite(force)
                    .withFormat(format(format, out));
        } catch (ExportException e) {
            throw new CliException(ExitCode.of(e.failureKind()), e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        for (String warning : Exporter.warnings(options)) {
            env().err().println("Warning: " + warning);
        }
        try (LeadStore store = openStore()) {
            ExportResult result;
            try (CtrlC ctrlC = new CtrlC("export")) {
                result = new Exporter().export(store, options, out.toAbsolutePath(), new Progress(), ctrlC.signal());
            } catch (ExportException e) {
                throw new CliException(ExitCode.of(e.failureKind()), e.getMessage(), e);
            }
            result.warnings().forEach(w -> env().err().println("Warning: " + w));
            env().out().println(result.summary());
            return result.cancelled() ? ExitCode.UNEXPECTED : ExitCode.OK;
        }
    }

    /** --format as given, else what FILE's extension suggests (.xlsx: xlsx), else csv. */
    static ExportFormat format(String name, Path file) {
        if (name == null) {
            return ExportFormat.forFile(file);
        }
        return ExportFormat.byName(name).orElseThrow(() -> new IllegalArgumentException(
                "Unknown format '" + name + "': use csv (for CRM imports) or xlsx (for spreadsheets)."));
    }

    private static Charset charset(String name) {
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("Unknown encoding '" + name + "': use UTF-8, windows-1251, ISO-8859-1 or another Java charset name.");
        }
    }

    /** Progress on stderr about twice a second. */
    private final class Progress implements io.leaddesk.export.ExportListener {
        private long last;

        @Override
        public void progress(ExportProgress p) {
            long now = System.nanoTime();
            if (now - last > 500_000_000L || p.done() == p.total()) {
                last = now;
                env().err().printf(Locale.ROOT, "  %s %,d of %,d leads (%,d rows written)%n",
                        p.phase() == ExportProgress.Phase.SCANNING ? "scanning" : "writing", p.done(), p.total(), p.rowsWritten());
            }
        }
    }
}
