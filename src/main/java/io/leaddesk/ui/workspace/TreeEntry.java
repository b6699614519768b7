package io.leaddesk.ui.workspace;

import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One node of the pages-and-forms tree: "All leads", a page, or a form. Properties change in place during a sync
 * (progress, counts), so the tree does not have to be rebuilt.
 */
public final class TreeEntry {
    public enum Kind { ALL, PAGE, FORM }

    private final Kind kind;
    private final String id;
    private final String pageId;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty detail = new SimpleStringProperty(this, "detail", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final BooleanProperty syncing = new SimpleBooleanProperty(this, "syncing");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final ObservableList<TreeEntry> children = FXCollections.observableArrayList();
    /** Issue 14: how many of its leads are new (the tree's badge); set by io.leaddesk.ui.live.NewLeadsViewModel. */
    private final LongProperty newLeads = new SimpleLongProperty(this, "newLeads");

    // figures of a form (for the detail line and tests)
    String status = "";
    long leadsCount;
    long cachedLeads;
    long expiredCount;
    Instant lastSynced;

    public TreeEntry(Kind kind, String id, String pageId, String name) {
        this.kind = kind;
        this.id = id;
        this.pageId = pageId;
        this.name.set(name);
    }

    public Kind kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    public String pageId() {
        return pageId;
    }

    public String status() {
        return status;
    }

    public long leadsCount() {
        return leadsCount;
    }

    public long cachedLeads() {
        return cachedLeads;
    }

    public long expiredCount() {
        return expiredCount;
    }

    public Instant lastSynced() {
        return lastSynced;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public String name() {
        return name.get();
    }

    /** e.g. "Active · 4,098 on Meta · 4,098 cached · 12 expired · synced 2026-01-02 10:00". */
    public StringProperty detailProperty() {
        return detail;
    }

    /** The last sync problem of this form, "" when none. */
    public StringProperty problemProperty() {
        return problem;
    }

    public BooleanProperty syncingProperty() {
        return syncing;
    }

    /** 0..1 while syncing, -1 when unknown/not syncing. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** New leads of this form (of its forms, for a page and "All leads"): the badge beside its name. */
    public LongProperty newLeadsProperty() {
        return newLeads;
    }

    public ObservableList<TreeEntry> children() {
        return children;
    }

    @Override
    public String toString() {
        return kind + ":" + id + ":" + name.get();
    }
}
