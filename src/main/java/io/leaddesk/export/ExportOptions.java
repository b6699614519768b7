package io.leaddesk.export;

import io.leaddesk.store.LeadQuery;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything an export can be told. Start from {@link #defaults()} or {@link #excel()} and change with the withers.
 *
 * @param query               which leads: forms, created_time range, review statuses, "only not exported before"
 *                            ({@link LeadQuery#notExportedBefore()}), and their order (default newest first)
 * @param profile             the column layout ({@link BuiltInProfile#META} by default)
 * @param charset             file encoding, UTF-8 by default; a character the charset cannot hold stops the export
 *                            with a clear message instead of being replaced by '?'
 * @param bom                 write a byte order mark first (Excel needs it to read UTF-8)
 * @param delimiter           ',' (default), ';' or tab
 * @param multiValueSeparator joins the values of a multi-valued answer (multi-choice) in one cell;
 *                            default {@value #DEFAULT_MULTI_VALUE_SEPARATOR} (space, vertical bar, space), chosen because it
 *                            neither clashes with the separators nor appears in typical answers
 * @param formulaGuard        neutralise cells a spreadsheet would run as formulas ({@link FormulaGuard}); on by default
 * @param e164                add a column with the phone number in E.164 (e.g. +380501234567)
 * @param defaultRegion       ISO 3166 alpha-2 region ("UA") for phone numbers written without a country code, used when
 *                            the lead has no usable country answer; null = only numbers with a country code are converted
 * @param timeZone            null = times in UTC as ISO 8601 with offset ({@code 2025-10-08T09:09:27Z}); otherwise times in
 *                            that zone with its offset ({@code 2025-10-08T12:09:27+03:00})
 * @param dedupe              one row per person (same normalised email or phone across forms): the newest submission's
 *                            answers plus a submissions count column
 * @param overwrite           replace an existing file (CLI {@code --force}); otherwise an existing file is an error
 * @param format              the file format, whatever the profile: {@link ExportFormat#CSV} (default; for CRM imports)
 *                            or {@link ExportFormat#XLSX} (for spreadsheets: text cells for ids, phones and answers,
 *                            date cells for times; charset, bom and delimiter do not apply)
 */
public record ExportOptions(
        LeadQuery query,
        ExportProfile profile,
        Charset charset,
        boolean bom,
        char delimiter,
        String multiValueSeparator,
        boolean formulaGuard,
        boolean e164,
        String defaultRegion,
        ZoneId timeZone,
        boolean dedupe,
        boolean overwrite,
        ExportFormat format) {

    public static final String DEFAULT_MULTI_VALUE_SEPARATOR = " | ";

    public ExportOptions {
        query = query == null ? LeadQuery.all() : query;
        profile = profile == null ? BuiltInProfile.META : profile;
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
        multiValueSeparator = multiValueSeparator == null ? DEFAULT_MULTI_VALUE_SEPARATOR : multiValueSeparator;
        format = format == null ? ExportFormat.CSV : format;
        if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
            throw new IllegalArgumentException("The separator must be a comma, a semicolon or a tab.");
        }
        if (defaultRegion != null) {
            defaultRegion = defaultRegion.isBlank() ? null : defaultRegion.strip().toUpperCase(Locale.ROOT);
        }
    }

    /** As the canonical constructor, in CSV. */
    public ExportOptions(LeadQuery query, ExportProfile profile, Charset charset, boolean bom, char delimiter,
                         String multiValueSeparator, boolean formulaGuard, boolean e164, String defaultRegion,
                         ZoneId timeZone, boolean dedupe, boolean overwrite) {
        this(query, profile, charset, bom, delimiter, multiValueSeparator, formulaGuard, e164, defaultRegion, timeZone,
                dedupe, overwrite, ExportFormat.CSV);
    }

    /** UTF-8 without BOM, comma, Meta-compatible profile, formula guard on, CSV. */
    public static ExportOptions defaults() {
        return new ExportOptions(LeadQuery.all(), BuiltInProfile.META, StandardCharsets.UTF_8, false, ',',
                DEFAULT_MULTI_VALUE_SEPARATOR, true, false, null, null, false, false, ExportFormat.CSV);
    }

    /** The "Excel" preset: UTF-8 with BOM, comma (pick ';' with {@link #withDelimiter(char)} for locales that need it). */
    public static ExportOptions excel() {
        return defaults().withBom(true);
    }

    /** Parses a delimiter as the CLI and settings spell it: ",", ";", "tab" (or a tab character). */
    public static char parseDelimiter(String s) {
        Objects.requireNonNull(s);
        if (s.equalsIgnoreCase("tab") || s.equals("\t") || s.equals("\\t")) {
            return '\t';
        }
        if (s.equals(",") || s.equalsIgnoreCase("comma")) {
            return ',';
        }
        if (s.equals(";") || s.equalsIgnoreCase("semicolon")) {
            return ';';
        }
        throw new IllegalArgumentException("Unknown separator '" + s + "': use , ; or tab.");
    }

    public ExportOptions withQuery(LeadQuery q) {
        return new ExportOptions(q, profile, charset, bom, delimiter, multiValueSeparator, formulaGuard, e164, defaultRegion, timeZone, dedupe, overwrite, format);
    }

    public ExportOptions withProfile(ExportProfile p) {
        return new ExportOptions(query, p, charset, bom, delimiter, multiValueSeparator, formulaGuard, e164, defaultRegion, timeZone, dedupe, overwrite, format);
    }

    public ExportOptions withCharset(Charset c) {
        return new ExportOptions(query, profile, c, bom, delimiter, multiValueSeparator, formulaGuard, e164, defaultRegion, timeZone, dedupe, overwrite, format);
    }

    public ExportOptions withBom(boolean b) {
        return new ExportOptions(query, profile, charset, b, delimiter, multiValueSeparator, formulaGuard, e164, defaultRegion, timeZone, dedupe, overwrite, format);
    }

    public ExportOptions withDelimiter(char d) {
        return new ExportOptions(query, profile, charset, bom, d, multiValueSeparator, formulaGuard, e164, defaultRegion, timeZone, dedupe, overwrite, format);
    }

    public ExportOptions withMultiValueSeparator(String s) {
        return new ExportOptions(query, profile, charset, bom, delimiter, s, formulaGuard, e164, defaultRegion, timeZone, dedupe, overwrite, format);
    }

    public ExportOptions withFormulaGuard(boolean g) {
        return new ExportOptions(query, profile, charset, bom, delimiter, multiValueSeparator, g, e164, defaultRegion, timeZone, dedupe, overwrite, format);
    }

    public ExportOptions withE164(boolean e, String region) {
        return new ExportOptions(query, profile, charset, bom, delimiter, multiValueSeparator, formulaGuard, e, region, timeZone, dedupe, overwrite, format);
    }

    public ExportOptions withTimeZone(ZoneId z) {
        return new ExportOptions(query, profile, charset, bom, delimiter, multiValueSeparator, formulaGuard, e164, defaultRegion, z, dedupe, overwrite, format);
    }

    public ExportOptions withDedupe(boolean d) {
        return new ExportOptions(query, profile, charset, bom, delimiter, multiValueSeparator, formulaGuard, e164, defaultRegion, timeZone, d, overwrite, format);
    }

    public ExportOptions withOverwrite(boolean o) {
        return new ExportOptions(query, profile, charset, bom, delimiter, multiValueSeparator, formulaGuard, e164, defaultRegion, timeZone, dedupe, o, format);
    }

    public ExportOptions withFormat(ExportFormat f) {
        return new ExportOptions(query, profile, charset, bom, delimiter, multiValueSeparator, formulaGuard, e164, defaultRegion, timeZone, dedupe, overwrite, f);
    }
}
