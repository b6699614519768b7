package io.leaddesk.ui;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the window remembers for its user between runs (kept in {@code ui-state.json} in the data folder by
 * {@link UiStateStore}): the leads table's columns and sort, the side panes' widths and whether they are collapsed,
 * and the Export dialog's last choices per workspace. Immutable; every field has a sensible default.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UiState(Table table, Panes panes, Map<String, ExportChoices> exports) {

    public UiState {
        table = table == null ? Table.DEFAULT : table;
        panes = panes == null ? Panes.DEFAULT : panes;
        exports = exports == null ? Map.of() : Map.copyOf(exports);
    }

    public static final UiState DEFAULT = new UiState(null, null, null);

    /**
     * The leads table: column ids in the user's order (null = the default order), the ids of hidden columns (null =
     * the default choice), and the sort ({@link io.leaddesk.store.LeadSort} name, null = newest first).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Table(List<String> order, List<String> hidden, String sort, boolean descending) {
        public static final Table DEFAULT = new Table(null, null, null, true);

        public Table {
            order = order == null ? null : List.copyOf(order);
            hidden = hidden == null ? null : List.copyOf(hidden);
        }

        public Table withColumns(List<String> o, List<String> h) {
            return new Table(o, h, sort, descending);
        }

        public Table withSort(String s, boolean desc) {
            return new Table(order, hidden, s, desc);
        }
    }

    /** The pages tree and the lead detail beside the table: widths in pixels (0 = default) and collapsed or not. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Panes(double treeWidth, double detailWidth, boolean treeCollapsed, boolean detailCollapsed) {
        public static final Panes DEFAULT = new Panes(0, 0, false, false);
    }

    /**
     * The Export dialog's last choices in one workspace: profile name, separator and encoding (enum names of the
     * dialog), the folder written to, and the file name with the day it was written replaced by {@code {date}}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExportChoices(String profile, String separator, String encoding, String folder, String fileName) {
    }

    public UiState withTable(Table t) {
        return new UiState(t, panes, exports);
    }

    public UiState withPanes(Panes p) {
        return new UiState(table, p, exports);
    }

    public UiState withExport(String workspace, ExportChoices c) {
        Map<String, ExportChoices> m = new LinkedHashMap<>(exports);
        m.put(workspace, c);
        return new UiState(table, panes, m);
    }

    /** The export choices remembered for this workspace, or null. */
    public ExportChoices export(String workspace) {
        return exports.get(workspace);
    }
}
