package io.leaddesk.model;

/**
 * A lead's {@code created_time} as Unix seconds. Graph sends {@code 2025-10-08T09:09:27+0000}; this also reads the
 * variants seen in the wild and in exports: {@code +00:00}, {@code +00}, {@code Z} or no offset (UTC), a space
 * instead of {@code T}, fractional seconds (dropped), no seconds, a date alone (midnight UTC), and Unix seconds or
 * milliseconds written as a number. Anything else is 0 (unknown), never an exception.
 */
public final class CreatedTime {
    private CreatedTime() {
    }

    /** Beyond this a plain number is taken as milliseconds (10^11 seconds is the year 5138). */
    private static final long MILLIS_FROM = 100_000_000_000L;

    public static long epochSeconds(String s) {
        if (s == null) {
            return 0;
        }
        int n = s.length();
        if (n == 24 && s.charAt(19) == '+' && s.charAt(20) == '0' && s.charAt(21) == '0' && s.charAt(22) == '0'
                && s.charAt(23) == '0') {
            // the usual Graph form, UTC
            long v = dateTime(s, 19);
            if (v != Long.MIN_VALUE) {
                return v;
            }
        }
        return lenient(s.strip());
    }

    private static long lenient(String s) {
        int n = s.length();
        if (n == 0) {
            return 0;
        }
        if (allDigits(s)) {
            if (n > 15) {
                return 0;
            }
            long v = Long.parseLong(s);
            return v >= MILLIS_FROM ? v / 1000 : v;
        }
        // date [T|space time] [offset]
        int end = n;
        int offset = 0;
        char last = s.charAt(n - 1);
        if (last == 'Z' || last == 'z') {
            end = n - 1;
        } else if (n > 10) {
            int sign = Math.max(s.lastIndexOf('+'), s.lastIndexOf('-'));
            if (sign > 10) {
                offset = offsetSeconds(s, sign);
                if (offset == Integer.MIN_VALUE) {
                    return 0;
                }
                end = sign;
            }
        }
        long v = dateTime(s, end);
        return v == Long.MIN_VALUE ? 0 : v - offset;
    }

    /** {@code ±HH}, {@code ±HHMM} or {@code ±HH:MM} starting at {@code at}; MIN_VALUE when it is none of these. */
    private static int offsetSeconds(String s, int at) {
        int len = s.length() - at - 1;
        int h, m;
        if (len == 2) {
            h = digits(s, at + 1, 2);
            m = 0;
        } else if (len == 4) {
            h = digits(s, at + 1, 2);
            m = digits(s, at + 3, 2);
        } else if (len == 5 && s.charAt(at + 3) == ':') {
            h = digits(s, at + 1, 2);
            m = digits(s, at + 4, 2);
        } else {
            return Integer.MIN_VALUE;
        }
        if (h < 0 || h > 18 || m < 0 || m > 59) {
            return Integer.MIN_VALUE;
        }
        int v = h * 3600 + m * 60;
        return s.charAt(at) == '-' ? -v : v;
    }

    /**
     * {@code yyyy-MM-dd}, optionally followed by {@code T} or a space and {@code HH:mm[:ss[.fraction]]}, in
     * {@code s[0, end)}, as UTC seconds; MIN_VALUE when it is not that.
     */
    private static long dateTime(String s, int end) {
        if (end < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        int y = digits(s, 0, 4), mo = digits(s, 5, 2), d = digits(s, 8, 2);
        if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
            return Long.MIN_VALUE;
        }
        int h = 0, mi = 0, se = 0;
        if (end > 10) {
            char sep = s.charAt(10);
            if ((sep != 'T' && sep != 't' && sep != ' ') || end < 16 || s.charAt(13) != ':') {
                return Long.MIN_VALUE;
            }
            h = digits(s, 11, 2);
            mi = digits(s, 14, 2);
            if (end > 16) {
                if (end < 19 || s.charAt(16) != ':') {
                    return Long.MIN_VALUE;
                }
                se = digits(s, 17, 2);
                if (end > 19) {
                    if ((s.charAt(19) != '.' && s.charAt(19) != ',') || end == 20 || digits(s, 20, end - 20) < 0) {
                        return Long.MIN_VALUE;
                    }
                }
            }
            if (h < 0 || h > 23 || mi < 0 || mi > 59 || se < 0 || se > 60) {
                return Long.MIN_VALUE;
            }
        }
        return daysFromCivil(y, mo, d) * 86400L + h * 3600L + mi * 60L + se;
    }

    private static int daysInMonth(int y, int m) {
        return switch (m) {
            case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The non-negative number in {@code s[from, from+len)}; -1 when a char there is not a digit (or len is over 9). */
    private static int digits(String s, int from, int len) {
        if (len > 9) {
            // a long fraction: only whether it is all digits matters
            for (int i = from; i < from + len; i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return -1;
                }
            }
            return 0;
        }
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 (Howard Hinnant's civil algorithm). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }
}
