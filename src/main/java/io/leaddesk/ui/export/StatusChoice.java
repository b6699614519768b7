package io.leaddesk.ui.export;

import io.leaddesk.store.ReviewStatus;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A review status to tick in the Export dialog (none ticked = any status). */
public final class StatusChoice {
    private final ReviewStatus status;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

    StatusChoice(ReviewStatus status) {
        this.status = status;
    }

    public ReviewStatus status() {
        return status;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }
}
