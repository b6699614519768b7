package io.leaddesk.export;

/**
 * Guards spreadsheet users against formula injection (CSV injection): a cell a spreadsheet would run as a formula
 * gets a leading apostrophe, which spreadsheets show as text.
 *
 * <p>The rule, exactly:
 * <ul>
 *   <li>a value starting with {@code =}, {@code @}, tab, carriage return or line feed is neutralised;</li>
 *   <li>a value starting with {@code +} or {@code -} is neutralised <em>unless</em> everything after that sign is made
 *       only of digits, spaces, dots, commas, parentheses and dashes, with at least one digit. So phone numbers
 *       ({@code +380501234567}, {@code +380 (50) 123-45-67}) and numbers ({@code -12.5}, {@code -3,75}) stay untouched
 *       and CRMs import them as they are, while {@code +cmd|' /C calc'!A0}, {@code -2+3}, {@code -SUM(A1)} or a lone
 *       {@code -} get the apostrophe. (Such untouched values contain no letters, no {@code =}, {@code +}, {@code *},
 *       {@code /}, {@code !} or {@code |}, so no function or DDE call can hide in them.)</li>
 *   <li>anything else is untouched; the empty string stays empty.</li>
 * </ul>
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    /** The value as it must be written when the guard is on. */
    public static String neutralise(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return isDangerous(value) ? "'" + value : value;
    }

    /** Whether {@link #neutralise(String)} would change {@code value}. */
    public static boolean isDangerous(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        switch (c) {
            case '=', '@', '\t', '\r', '\n':
                return true;
            case '+', '-':
                return !isPlainNumberTail(value);
            default:
                return false;
        }
    }

    /** Per ASCII char: 2 = digit, 1 = allowed separator (space . , ( ) -), 0 = anything else. */
    private static final byte[] NUMBER_TAIL = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            NUMBER_TAIL[c] = 2;
        }
        for (char c : " .,()-".toCharArray()) {
            NUMBER_TAIL[c] = 1;
        }
    }

    private static boolean isPlainNumberTail(String value) {
        // every phone number cell comes here: one table lookup per char
        int seen = 0;
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            int kind = c < 128 ? NUMBER_TAIL[c] : 0;
            if (kind == 0) {
                return false;
            }
            seen |= kind;
        }
        return (seen & 2) != 0;
    }
}
