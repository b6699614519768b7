package io.leaddesk.export;

import java.util.List;

/** A column layout: the built-in ones ({@link BuiltInProfile}) or one the user made ({@link CustomProfile}). */
public sealed interface ExportProfile permits BuiltInProfile, CustomProfile {

    /** The name used by the CLI ({@code --profile}) and in the export history. */
    String name();

    /** Human-readable name for the dialog. */
    String displayName();

    /** True when the columns depend on the answer keys found in the leads (needs a scanning pass before writing). */
    boolean needsKeyScan();

    /** The columns, in order, for an export of {@code schema} with {@code options} (E.164 and submissions columns included). */
    List<ExportColumn> columns(FormSchema schema, ExportOptions options);
}
