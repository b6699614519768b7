package io.leaddesk.imports;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values of Meta's lead download as Graph writes them: ids without their type prefixes ({@code l:} lead,
 * {@code ag:} ad, {@code as:} ad set, {@code c:} campaign, {@code f:} form), phones without {@code p:},
 * {@code is_organic} from {@code true}/{@code false} or {@code 1}/{@code 0}, and {@code created_time} from the ISO 8601
 * variants the files have had, written as Graph does ({@code 2026-09-01T17:25:00+0000}, UTC).
 */
final class MetaValues {
    private MetaValues() {
    }

    static final String LEAD = "l:";
    static final String AD = "ag:";
    static final String ADSET = "as:";
    static final String CAMPAIGN = "c:";
    static final String FORM = "f:";
    static final String PHONE = "p:";

    /** Graph's created_time: UTC with a four-digit offset. */
    static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,30}");
    /** A phone as Meta prefixes it: p: then digits, spaces and the usual punctuation. */
    private static final Pattern PREFIXED_PHONE = Pattern.compile("[pP]:\\s*\\+?[0-9(][0-9 ()./\\-]*");
    /**
     * Date, 'T' or a space, time with or without seconds and fraction, then an offset: Z, UTC/GMT, +HH, +HHMM, +HH:MM.
     */
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*"
                    + "(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)");
    private static final Pattern UNIX_SECONDS = Pattern.compile("\\d{9,11}");

    /** The text without the prefix (when it has it) and surrounding spaces; null when nothing is left. */
    static String strip(String cell, String prefix) {
        if (cell == null) {
            return null;
        }
        String v = cell.strip();
        if (v.regionMatches(true, 0, prefix, 0, prefix.length())) {
            v = v.substring(prefix.length()).strip();
        }
        return v.isEmpty() ? null : v;
    }

    /** A Graph id (digits) from a cell with or without its prefix; null when the cell holds something else. */
    static String id(String cell, String prefix) {
        String v = strip(cell, prefix);
        return v != null && DIGITS.matcher(v).matches() ? v : null;
    }

    /** An optional text cell: null when empty. */
    static String text(String cell) {
        return cell == null || cell.isBlank() ? null : cell.strip();
    }

    /** A phone answer without Meta's {@code p:}; any other text as it is. */
    static String phone(String cell) {
        if (cell.length() > 2 && (cell.charAt(0) == 'p' || cell.charAt(0) == 'P') && cell.charAt(1) == ':') {
            return cell.substring(2).strip();
        }
        return cell;
    }

    /** Whether a cell looks like a phone as Meta writes it ({@code p:+380631045546}). */
    static boolean isPrefixedPhone(String cell) {
        String v = cell.strip();
        return v.length() > 3 && v.charAt(1) == ':' && (v.charAt(0) == 'p' || v.charAt(0) == 'P')
                && PREFIXED_PHONE.matcher(v).matches();
    }

    /** The outcome of reading a value that may be invalid. */
    static final Object INVALID = new Object();

    /** {@code is_organic}: TRUE, FALSE, null when empty, or {@link #INVALID}. */
    static Object organic(String cell) {
        if (cell == null) {
            return null;
        }
        String v = cell.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "" -> null;
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> INVALID;
        };
    }

    /** Graph's short platform names: fb, ig (also from Facebook / Instagram); others lower-cased; null when empty. */
    static String platform(String cell) {
        String v = text(cell);
        if (v == null) {
            return null;
        }
        v = v.toLowerCase(Locale.ROOT);
        return switch (v) {
            case "facebook" -> "fb";
            case "instagram" -> "ig";
            default -> v;
        };
    }

    /** When a lead was created: the instant, or null when the cell is not a date and time with an offset. */
    static Instant created(String cell) {
        if (cell == null) {
            return null;
        }
        String v = cell.strip();
        if (UNIX_SECONDS.matcher(v).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(v));
        }
        Matcher m = TIME.matcher(v);
        if (!m.matches()) {
            return null;
        }
        try {
            int nanos = 0;
            if (m.group(7) != null) {
                String f = (m.group(7) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(f);
            }
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            return OffsetDateTime.of(local, offset(m.group(8))).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            return null; // 2025-02-30, an offset beyond 18 hours
        }
    }

    private static ZoneOffset offset(String o) {
        if (o.equalsIgnoreCase("Z") || o.equals("UTC") || o.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = o.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        int sign = o.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** created_time as Graph writes it: seconds, UTC, {@code +0000}. */
    static String graphTime(Instant t) {
        return GRAPH_TIME.format(t);
    }
}
