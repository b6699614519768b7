package io.leaddesk.imports;

/**
 * A malformed row: the line it starts on (1 = the header; a row with line breaks inside a quoted cell spans several)
 * and why it cannot be imported, as a sentence fragment ("created_time \"yesterday\" is not a date and time with an
 * offset"). By default such a row is skipped and counted; {@link ImportOptions#strict()} refuses the file.
 */
public record RowProblem(long line, String reason) {
    /** "line 17: reason". */
    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
