package io.leaddesk.ui.export;

import io.leaddesk.export.BuiltInProfile;
import io.leaddesk.export.ColumnSources;
import io.leaddesk.export.CustomProfile;
import io.leaddesk.export.CustomProfiles;
import io.leaddesk.export.ExportColumn;
import io.leaddesk.export.ExportOptions;
import io.leaddesk.export.ExportProfile;
import io.leaddesk.export.FormSchema;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.store.StoredForm;
import io.leaddesk.store.StoredPage;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TaskExecutor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What goes into the export: the forms ticked, the created_time range, the review statuses, only leads not exported
 * before, one row per person (dedupe), and the column profile (built-in or custom, with the editor for custom ones).
 * Tells its owner once per change ({@link #setOnChanged}); a bulk change (loading, select all) counts as one.
 */
public final class ExportChoicesViewModel {
    private final CustomProfiles customProfiles;
    private final TaskExecutor executor;
    private final Messages m;

    private final ObservableList<FormChoice> forms = FXCollections.observableArrayList(f -> new Observable[] {f.selectedProperty()});
    private final ObservableList<StatusChoice> statuses = FXCollections.observableArrayList(s -> new Observable[] {s.selectedProperty()});
    private final ObjectProperty<LocalDate> dateFrom = new SimpleObjectProperty<>(this, "dateFrom");
    private final ObjectProperty<LocalDate> dateUntil = new SimpleObjectProperty<>(this, "dateUntil");
    private final BooleanProperty newOnly = new SimpleBooleanProperty(this, "newOnly");
    private final BooleanProperty dedupe = new SimpleBooleanProperty(this, "dedupe");
    private final ObservableList<ExportProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<ExportProfile> profile = new SimpleObjectProperty<>(this, "profile", BuiltInProfile.META);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private Runnable onChanged = () -> { };
    private boolean applying;

    ExportChoicesViewModel(CustomProfiles customProfiles, TaskExecutor executor, Messages messages) {
        this.customProfiles = customProfiles;
        this.executor = executor;
        this.m = messages;
        for (ReviewStatus s : ReviewStatus.values()) {
            statuses.add(new StatusChoice(s));
        }
        profiles.setAll(BuiltInProfile.values());
        for (Observable o : new Observable[] {forms, statuses, dateFrom, dateUntil, newOnly, dedupe, profile}) {
            o.addListener(x -> changed());
        }
    }

    void setOnChanged(Runnable r) {
        this.onChanged = r;
    }

    private void changed() {
        if (!applying) {
            onChanged.run();
        }
    }

    /**
     * Shows the cached forms, ticking those of the workspace's selection (a form, a page's forms, or every form when
     * both sets are empty), and the saved custom profiles. Tells nothing: the owner goes on once all is in place.
     */
    void load(List<StoredPage> pages, List<StoredForm> stored, List<CustomProfile> custom, Set<String> pageIds, Set<String> formIds) {
        Map<String, String> pageNames = new HashMap<>();
        pages.forEach(p -> pageNames.put(p.id(), p.name()));
        List<FormChoice> choices = new ArrayList<>();
        boolean all = pageIds.isEmpty() && formIds.isEmpty();
        for (StoredForm f : stored) {
            FormChoice c = new FormChoice(f, pageNames.getOrDefault(f.pageId(), f.pageId()));
            c.selectedProperty().set(all || formIds.contains(f.id()) || pageIds.contains(f.pageId()));
            choices.add(c);
        }
        applying = true;
        try {
            forms.setAll(choices);
            setCustomProfiles(custom, null);
        } finally {
            applying = false;
        }
        loaded.set(true);
    }

    private void setCustomProfiles(List<CustomProfile> custom, ExportProfile select) {
        ExportProfile current = select != null ? select : profile.get();
        List<ExportProfile> all = new ArrayList<>(List.of(BuiltInProfile.values()));
        all.addAll(custom);
        profiles.setAll(all);
        ExportProfile keep = BuiltInProfile.META;
        for (ExportProfile p : all) {
            if (current != null && p.name().equalsIgnoreCase(current.name())) {
                keep = p;
            }
        }
        profile.set(keep);
    }

    public void selectAllForms(boolean on) {
        applying = true;
        try {
            forms.forEach(f -> f.selectedProperty().set(on));
        } finally {
            applying = false;
        }
        changed();
    }

    List<String> selectedFormIds() {
        return forms.stream().filter(f -> f.selectedProperty().get()).map(FormChoice::id).toList();
    }

    boolean anyFormSelected() {
        return forms.stream().anyMatch(f -> f.selectedProperty().get());
    }

    /** Why these choices cannot be exported ("" when they can). */
    String problem() {
        LocalDate from = dateFrom.get();
        LocalDate until = dateUntil.get();
        return from != null && until != null && from.isAfter(until) ? m.get("export.problem.dates") : "";
    }

    /** The query these choices stand for; dates are whole days in {@code zone}. */
    LeadQuery query(ZoneId zone) {
        LeadQuery q = LeadQuery.all().withForms(selectedFormIds());
        Long from = dateFrom.get() == null ? null : dateFrom.get().atStartOfDay(zone).toEpochSecond();
        Long until = dateUntil.get() == null ? null : dateUntil.get().plusDays(1).atStartOfDay(zone).toEpochSecond();
        List<ReviewStatus> st = statuses.stream().filter(s -> s.selectedProperty().get()).map(StatusChoice::status).toList();
        return q.withCreated(from, until).withStatuses(st).withNotExportedBefore(newOnly.get());
    }

    /** {@code o} with the profile and dedupe of these choices. */
    ExportOptions applyTo(ExportOptions o) {
        return o.withProfile(profile.get()).withDedupe(dedupe.get());
    }

    /**
     * An editor for a custom profile: the current custom profile, or a new one starting from the current built-in
     * profile's columns. The column sources offered include the questions and disclaimer checkboxes of the ticked forms.
     */
    public ProfileEditorViewModel profileEditor() {
        List<LeadForm> chosen = forms.stream().filter(f -> f.selectedProperty().get()).map(FormChoice::form).toList();
        FormSchema schema = FormSchema.of(chosen.isEmpty() ? forms.stream().map(FormChoice::form).toList() : chosen);
        Set<String> sources = new LinkedHashSet<>(ColumnSources.STANDARD);
        schema.questionKeys().forEach(k -> sources.add(ColumnSources.FIELD + k));
        schema.disclaimerKeys().forEach(k -> sources.add(ColumnSources.DISCLAIMER + k));
        sources.add(ColumnSources.TYPE + "COMPANY_NAME");
        sources.add(ColumnSources.TYPE + "JOB_TITLE");
        sources.add(ColumnSources.TYPE + "CITY");
        List<CustomProfile.CustomColumn> start = new ArrayList<>();
        String name = "";
        ExportProfile p = profile.get();
        if (p instanceof CustomProfile c) {
            start.addAll(c.columns());
            name = c.name();
        } else if (p != null) {
            for (ExportColumn col : p.columns(schema, ExportOptions.defaults())) {
                if (col.source() != null && ColumnSources.isValid(col.source())) {
                    start.add(new CustomProfile.CustomColumn(col.source(), col.header()));
                }
            }
        }
        ProfileEditorViewModel editor = new ProfileEditorViewModel(customProfiles, executor, m, List.copyOf(sources), name, start);
        editor.setOnChanged((saved, all) -> setCustomProfiles(all, saved == null ? BuiltInProfile.META : saved));
        return editor;
    }

    public ObservableList<FormChoice> forms() {
        return forms;
    }

    public ObservableList<StatusChoice> statuses() {
        return statuses;
    }

    public ObjectProperty<LocalDate> dateFromProperty() {
        return dateFrom;
    }

    public ObjectProperty<LocalDate> dateUntilProperty() {
        return dateUntil;
    }

    public BooleanProperty newOnlyProperty() {
        return newOnly;
    }

    public BooleanProperty dedupeProperty() {
        return dedupe;
    }

    public ObservableList<ExportProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<ExportProfile> profileProperty() {
        return profile;
    }

    /** True once the forms and profiles were read. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }
}
