package io.leaddesk.export;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of an export: its header and how its raw cell value (before the formula guard) is computed from a lead.
 *
 * @param source the column source it was built from (see {@link ColumnSources}), for display and custom profiles
 */
public record ExportColumn(String source, String header, Function<LeadRowData, String> value) {
    public ExportColumn {
        Objects.requireNonNull(header);
        Objects.requireNonNull(value);
    }

    public String valueOf(LeadRowData row) {
        String v = value.apply(row);
        return v == null ? "" : v;
    }
}
