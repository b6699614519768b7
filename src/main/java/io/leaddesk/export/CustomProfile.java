package io.leaddesk.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A profile the user made: picked, ordered and renamed columns, saved for reuse ({@link CustomProfiles}).
 * When E.164 or dedupe is on and the profile has no {@code phone_e164} / {@code submissions} column, one is added at the end.
 *
 * @param name    unique name (not a built-in profile name), used by {@code --profile}
 * @param columns the columns in order
 */
public record CustomProfile(String name, List<CustomColumn> columns) implements ExportProfile {

    /** One column: what it shows ({@link ColumnSources}) and its header (the source itself when blank). */
    public record CustomColumn(String source, String header) {
        public CustomColumn {
            if (!ColumnSources.isValid(source)) {
                throw new IllegalArgumentException("Unknown column source '" + source + "'.");
            }
            header = header == null || header.isBlank() ? source : header;
        }
    }

    public CustomProfile {
        Objects.requireNonNull(name);
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A custom profile needs a name.");
        }
        if (BuiltInProfile.byName(name).isPresent()) {
            throw new IllegalArgumentException("'" + name + "' is the name of a built-in profile; choose another name.");
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("A custom profile needs at least one column.");
        }
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public boolean needsKeyScan() {
        return false;
    }

    @Override
    public List<ExportColumn> columns(FormSchema schema, ExportOptions options) {
        List<ExportColumn> cols = new ArrayList<>();
        boolean hasE164 = false;
        boolean hasSubmissions = false;
        for (CustomColumn c : columns) {
            cols.add(ColumnSources.column(c.source(), c.header()));
            hasE164 |= c.source().equals("phone_e164");
            hasSubmissions |= c.source().equals("submissions");
        }
        if (options.e164() && !hasE164) {
            cols.add(ColumnSources.column("phone_e164"));
        }
        if (options.dedupe() && !hasSubmissions) {
            cols.add(ColumnSources.column("submissions"));
        }
        return cols;
    }
}
