package io.leaddesk.ui.export;

import io.leaddesk.model.LeadForm;
import io.leaddesk.store.StoredForm;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A form to tick in the Export dialog. */
public final class FormChoice {
    private final StoredForm form;
    private final String pageName;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

    FormChoice(StoredForm form, String pageName) {
        this.form = form;
        this.pageName = pageName;
    }

    public String id() {
        return form.id();
    }

    public String pageId() {
        return form.pageId();
    }

    public String name() {
        return form.form().name();
    }

    public String pageName() {
        return pageName;
    }

    public long cachedLeads() {
        return form.cachedLeads();
    }

    /**
     * The count shown after the name, "(196)". The list shows it in a label of its own, so a right-to-left name
     * (Arabic, Hebrew) never pulls the count into its own direction ("(استفسار عن الرحلات196)"), and no invisible
     * direction mark is needed (fonts without one draw it as a box).
     */
    public String countText(io.leaddesk.ui.Messages m) {
        return m.format("export.form.count", cachedLeads());
    }

    LeadForm form() {
        return form.form();
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }
}
