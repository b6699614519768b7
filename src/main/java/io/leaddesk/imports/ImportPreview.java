package io.leaddesk.imports;

import java.nio.file.Path;
import java.util.List;

/**
 * What a lead download holds, read before anything is written: the preview step of the app (Import / Cancel) and the
 * command line's {@code --dry-run}. {@link ImportService#importFile(ImportPreview, ImportListener,
 * java.util.function.BooleanSupplier)} then writes what it describes.
 *
 * @param file                the file
 * @param fileName            its name, as the imported leads will record it
 * @param encoding            "UTF-8 with BOM", "UTF-8", "UTF-16LE with BOM", ...
 * @param separator           ',' ';' or '\t'
 * @param state               READY to import; NEEDS_FORM when the file names no form (ask for one, preview again with
 *                            {@link ImportOptions#withForm}); REFUSED with {@link #refusal()} (strict mode and malformed
 *                            rows); CANCELLED when the reading was cancelled (the counts are partial)
 * @param refusal             why the file cannot be imported as asked (one sentence), null unless REFUSED
 * @param rows                data rows read (blank lines not counted)
 * @param newLeads            leads the cache lacks: what an import would add
 * @param alreadyCached       leads the cache holds already (synced from Meta, or imported before): left as they are
 * @param forgotten           leads forgotten on a person's request: not brought back
 * @param duplicates          rows repeating a lead id of an earlier row of the file (the first one counts)
 * @param skipped             malformed rows, skipped (refused under strict)
 * @param problems            the malformed rows, by line (the first {@link ImportService#MAX_PROBLEMS})
 * @param forms               the forms the rows belong to
 * @param leadColumns         Meta's lead columns found (id, created_time, ad_id, ...)
 * @param unrecognisedColumns columns imported into no form (e.g. lead_status, inbox_url, a column no question matches)
 * @param options             the options the file was read with
 */
public record ImportPreview(Path file, String fileName, String encoding, char separator, State state, String refusal,
                            long rows, long newLeads, long alreadyCached, long forgotten, long duplicates, long skipped,
                            List<RowProblem> problems, List<FormMatch> forms, List<String> leadColumns,
                            List<String> unrecognisedColumns, ImportOptions options) {

    public enum State { READY, NEEDS_FORM, REFUSED, CANCELLED }

    public ImportPreview {
        problems = List.copyOf(problems);
        forms = List.copyOf(forms);
        leadColumns = List.copyOf(leadColumns);
        unrecognisedColumns = List.copyOf(unrecognisedColumns);
    }

    public boolean canImport() {
        return state == State.READY;
    }

    /** "comma", "semicolon" or "tab". */
    public String separatorName() {
        return separatorName(separator);
    }

    static String separatorName(char c) {
        return switch (c) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "'" + c + "'";
        };
    }

    /** "12 new, 4,086 already cached" and whatever else there was (forgotten, duplicates, skipped rows). */
    public String summary() {
        return ImportResult.summary(newLeads, alreadyCached, forgotten, duplicates, skipped);
    }
}
