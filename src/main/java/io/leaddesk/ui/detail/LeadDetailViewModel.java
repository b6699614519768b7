package io.leaddesk.ui.detail;

import io.leaddesk.export.BuiltInProfile;
import io.leaddesk.model.CustomDisclaimer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
import io.leaddesk.model.ContactFields;
import io.leaddesk.store.ExportRecord;
import io.leaddesk.store.ImportOrigin;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.store.StoredForm;
import io.leaddesk.store.StoredLead;
import io.leaddesk.ui.Cancellable;
import io.leaddesk.ui.ErrorText;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.LeadCache;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One lead in full: answers in the form's question order (label and raw key, lists for multi-valued, empty shown
 * as empty), the custom disclaimer with each checkbox and whether it was ticked, attribution, created time and how
 * long Meta still serves the lead, the raw JSON as received, copy email/phone, and the agency's review (status, note).
 */
public final class LeadDetailViewModel {
    /** Meta serves leads for 90 days after submission. */
    public static final Duration META_RETENTION = Duration.ofDays(90);

    /** One answered (or skipped) question. */
    public record Answer(String label, String key, List<String> values) {
        public boolean empty() {
            return values.isEmpty() || values.stream().allMatch(String::isBlank);
        }
    }

    /** One disclaimer checkbox and what the person did with it. */
    public record Checkbox(String key, String text, boolean required, boolean checked) { }

    /** One export this lead went into: when (local time), the profile's display name, the file. */
    public record ExportEntry(String when, String profile, String file) { }

    /** A labelled value of the attribution block. */
    public record Field(String label, String value) { }

    private final LeadCache cache;
    private final TaskExecutor executor;
    private final Messages m;
    private final ErrorText errors;
    private final Formats formats;
    private final Clock clock;
    private final ClipboardPort clipboard;

    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(this, "present");
    private final ReadOnlyStringWrapper leadId = new ReadOnlyStringWrapper(this, "leadId");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper formName = new ReadOnlyStringWrapper(this, "formName", "");
    private final ReadOnlyStringWrapper createdText = new ReadOnlyStringWrapper(this, "createdText", "");
    private final ReadOnlyStringWrapper expiryText = new ReadOnlyStringWrapper(this, "expiryText", "");
    private final ReadOnlyBooleanWrapper expired = new ReadOnlyBooleanWrapper(this, "expired");
    private final ReadOnlyStringWrapper email = new ReadOnlyStringWrapper(this, "email", "");
    private final ReadOnlyStringWrapper phone = new ReadOnlyStringWrapper(this, "phone", "");
    private final ObservableList<Answer> answers = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper hasDisclaimer = new ReadOnlyBooleanWrapper(this, "hasDisclaimer");
    private final ReadOnlyStringWrapper disclaimerTitle = new ReadOnlyStringWrapper(this, "disclaimerTitle", "");
    private final ReadOnlyStringWrapper disclaimerBody = new ReadOnlyStringWrapper(this, "disclaimerBody", "");
    private final ObservableList<Checkbox> checkboxes = FXCollections.observableArrayList();
    private final ObservableList<Field> attribution = FXCollections.observableArrayList();
    private final ObservableList<ExportEntry> exports = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rawJson = new ReadOnlyStringWrapper(this, "rawJson", "");
    private final ObjectProperty<ReviewStatus> status = new SimpleObjectProperty<>(this, "status", ReviewStatus.NEW);
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ReadOnlyBooleanWrapper noteDirty = new ReadOnlyBooleanWrapper(this, "noteDirty");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper imported = new ReadOnlyStringWrapper(this, "imported", "");
    private final ReadOnlyStringWrapper reviewMessage = new ReadOnlyStringWrapper(this, "reviewMessage", "");
    private final ReadOnlyStringWrapper emailFeedback = new ReadOnlyStringWrapper(this, "emailFeedback", "");
    private final ReadOnlyStringWrapper phoneFeedback = new ReadOnlyStringWrapper(this, "phoneFeedback", "");
    private final ReadOnlyObjectWrapper<Highlight> highlight = new ReadOnlyObjectWrapper<>(this, "highlight", Highlight.NONE);
    private final LeadDetailContent content;
    private Cancellable feedbackTimer = Cancellable.NONE;

    private String savedNote = "";
    private boolean applying;
    private Cancellable loading = Cancellable.NONE;
    private BiConsumer<String, ReviewStatus> onReviewSaved = (id, s) -> { };
    private OnDeleted onDeleted = (id, who, erased) -> { };

    /** Told once a lead was deleted from the cache. */
    @FunctionalInterface
    public interface OnDeleted {
        /**
         * @param erased false when the lead is deleted but copies of its data stay in the cache files until every
         *               LeadDesk window and command has closed the cache (another process was reading it)
         */
        void deleted(String id, String shownName, boolean erased);
    }

    public LeadDetailViewModel(LeadCache cache, TaskExecutor executor, Messages messages, Formats formats, Clock clock,
                               ClipboardPort clipboard) {
        this.cache = cache;
        this.executor = executor;
        this.m = messages;
        this.errors = new ErrorText(messages);
        this.formats = formats;
        this.clock = clock;
        this.clipboard = clipboard;
        this.content = new LeadDetailContent(messages);
        status.addListener((o, a, b) -> {
            if (!applying && b != null && present.get() && !Objects.equals(a, b)) {
                saveReview();
            }
        });
        note.addListener((o, a, b) -> noteDirty.set(!Objects.equals(b == null ? "" : b, savedNote)));
        // "Review saved." never sits next to a note edited since
        noteDirty.addListener((o, a, dirty) -> {
            if (dirty) {
                reviewMessage.set("");
            }
        });
    }

    /** What the search box holds: its words are marked in the answers, names and note shown ({@link Highlight}). */
    public void setSearch(String search) {
        highlight.set(Highlight.of(search));
    }

    public void setOnReviewSaved(BiConsumer<String, ReviewStatus> callback) {
        this.onReviewSaved = callback;
    }

    /** Called with the lead id and the name shown for it once a lead was deleted from the cache. */
    public void setOnDeleted(OnDeleted callback) {
        this.onDeleted = callback;
    }

    /** What the view asks before deleting the shown lead: who, and what deleting means. */
    public String deleteQuestion() {
        return m.format("detail.delete.question", title.get());
    }

    /** Deletes the shown lead on the person's request (asked first): erased here, never downloaded again. */
    public void deleteLead() {
        String id = leadId.get();
        if (id == null) {
            return;
        }
        String who = title.get();
        loading.cancel();
        executor.submit("delete lead", () -> cache.deleteLead(id), deleted -> deleted(id, who, true), e -> {
            if (e instanceof io.leaddesk.store.EraseIncompleteException) {
                deleted(id, who, false); // deleted; the files are wiped the next time the cache opens
            } else {
                message.set(errors.describe(e));
            }
        });
    }

    private void deleted(String id, String who, boolean erased) {
        if (id.equals(leadId.get())) {
            clear();
        }
        onDeleted.deleted(id, who, erased);
    }

    /** Shows the lead with this id (null = nothing selected). Loads from the cache in the background. */
    public void show(String id) {
        loading.cancel();
        if (noteDirty.get()) {
            saveReview();
        }
        if (id == null || id.isEmpty()) {
            clear();
            return;
        }
        loading = executor.submit("lead detail", () -> {
            Optional<StoredLead> lead = cache.lead(id);
            Optional<StoredForm> form = lead.flatMap(l -> cache.form(l.lead().formId()));
            List<ExportRecord> history = lead.isPresent() ? cache.exportsOf(id) : List.of();
            ImportOrigin origin = lead.isPresent() ? cache.importOrigin(id).orElse(null) : null;
            return new Loaded(lead.orElse(null), form.map(StoredForm::form).orElse(null), history, origin);
        }, l -> {
            if (l.lead() == null) {
                clear();
                message.set(m.get("detail.gone"));
            } else {
                apply(l.lead(), l.form());
                exports.setAll(entries(l.exports()));
                imported.set(l.origin() == null ? "" : m.format("detail.imported", l.origin().fileName(),
                        formats.date(l.origin().importedAt())));
            }
        }, e -> {
            clear();
            message.set(errors.describe(e));
        });
    }

    private record Loaded(StoredLead lead, LeadForm form, List<ExportRecord> exports, ImportOrigin origin) { }

    /** Reads the shown lead's export history again (after an export). */
    public void refreshExports() {
        String id = leadId.get();
        if (id == null) {
            return;
        }
        executor.submit("lead exports", () -> cache.exportsOf(id), history -> {
            if (id.equals(leadId.get())) {
                exports.setAll(entries(history));
            }
        }, e -> message.set(errors.describe(e)));
    }

    private List<ExportEntry> entries(List<ExportRecord> history) {
        List<ExportEntry> out = new ArrayList<>();
        for (ExportRecord r : history) {
            String profile = r.profile() == null ? "" : BuiltInProfile.byName(r.profile())
                    .map(BuiltInProfile::displayName).orElse(r.profile());
            out.add(new ExportEntry(formats.dateTime(r.at()), profile, formats.paths().show(r.file())));
        }
        return out;
    }

    private void clear() {
        applying = true;
        try {
            present.set(false);
            leadId.set(null);
            title.set("");
            formName.set("");
            createdText.set("");
            expiryText.set("");
            expired.set(false);
            email.set("");
            phone.set("");
            answers.clear();
            hasDisclaimer.set(false);
            disclaimerTitle.set("");
            disclaimerBody.set("");
            checkboxes.clear();
            attribution.clear();
            exports.clear();
            rawJson.set("");
            status.set(ReviewStatus.NEW);
            savedNote = "";
            note.set("");
            noteDirty.set(false);
            message.set("");
            imported.set("");
            clearFeedback();
        } finally {
            applying = false;
        }
    }

    /** Feedback belongs to the lead it was about: it goes when another lead shows. */
    private void clearFeedback() {
        feedbackTimer.cancel();
        reviewMessage.set("");
        emailFeedback.set("");
        phoneFeedback.set("");
    }

    private void apply(StoredLead stored, LeadForm form) {
        Lead lead = stored.lead();
        List<Question> questions = form == null ? List.of() : form.questions();
        ContactFields contact = ContactFields.of(questions, lead.fieldData());
        if (contact.equals(ContactFields.EMPTY)) {
            // a form an import created from a file's columns has placeholder (CUSTOM) questions until a sync: by key then
            contact = ContactFields.of(List.of(), lead.fieldData());
        }
        String shownBefore = leadId.get();
        applying = true;
        try {
            present.set(true);
            leadId.set(lead.id());
            String name = contact.displayName();
            title.set(name.isBlank() ? m.format("detail.untitled", lead.id()) : name);
            formName.set(form == null ? lead.formId() : form.name());
            createdText.set(formats.dateTimeWithZone(lead.createdEpochSecond()));
            Instant until = Instant.ofEpochSecond(lead.createdEpochSecond()).plus(META_RETENTION);
            Duration left = Duration.between(clock.instant(), until);
            if (left.isNegative() || left.isZero()) {
                expired.set(true);
                expiryText.set(m.get("detail.expiry.gone"));
            } else {
                expired.set(false);
                long days = left.toDays();
                expiryText.set(days == 0 ? m.get("detail.expiry.today") : m.format("detail.expiry.days", days));
            }
            email.set(contact.email());
            phone.set(contact.phone());
            answers.setAll(LeadDetailContent.answers(questions, lead.fieldData()));
            CustomDisclaimer d = form == null ? null : form.disclaimer();
            List<Checkbox> boxes = LeadDetailContent.checkboxes(d, lead.disclaimerResponses());
            hasDisclaimer.set(d != null || !boxes.isEmpty());
            disclaimerTitle.set(d == null || d.title() == null ? "" : d.title());
            disclaimerBody.set(d == null || d.body() == null ? "" : d.body());
            checkboxes.setAll(boxes);
            attribution.setAll(content.attribution(lead, formName.get()));
            rawJson.set(lead.rawJson() == null ? "" : lead.rawJson());
            status.set(stored.status() == null ? ReviewStatus.NEW : stored.status());
            savedNote = stored.note() == null ? "" : stored.note();
            note.set(savedNote);
            noteDirty.set(false);
            message.set("");
            if (!lead.id().equals(shownBefore)) {
                clearFeedback();
            }
        } finally {
            applying = false;
        }
    }

    /** Saves status and note to the cache (also when the status changes, or another lead is selected with an edited note). */
    public void saveReview() {
        String id = leadId.get();
        if (id == null) {
            return;
        }
        ReviewStatus s = status.get();
        String n = note.get() == null ? "" : note.get();
        savedNote = n;
        noteDirty.set(false);
        executor.submit("save review", () -> {
            cache.setReview(id, s, n);
            return s;
        }, saved -> {
            // said next to the review only while that lead shows and its note is as saved
            if (id.equals(leadId.get()) && !noteDirty.get()) {
                reviewMessage.set(m.get("detail.review.saved"));
            }
            onReviewSaved.accept(id, saved);
        }, e -> {
            if (id.equals(leadId.get())) {
                noteDirty.set(true);
                reviewMessage.set(errors.describe(e));
            } else {
                message.set(errors.describe(e));
            }
        });
    }

    /** How long "Email copied." / "Phone copied." stay by their button. */
    static final Duration FEEDBACK_TIME = Duration.ofSeconds(4);

    public void copyEmail() {
        if (!email.get().isBlank()) {
            clipboard.copy(email.get());
            feedback(emailFeedback, m.get("detail.copied.email"));
        }
    }

    public void copyPhone() {
        if (!phone.get().isBlank()) {
            clipboard.copy(phone.get());
            feedback(phoneFeedback, m.get("detail.copied.phone"));
        }
    }

    private void feedback(ReadOnlyStringWrapper where, String text) {
        feedbackTimer.cancel();
        emailFeedback.set("");
        phoneFeedback.set("");
        where.set(text);
        feedbackTimer = executor.schedule(FEEDBACK_TIME, () -> where.set(""));
    }

    public ReadOnlyBooleanProperty presentProperty() {
        return present.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty leadIdProperty() {
        return leadId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty formNameProperty() {
        return formName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty createdTextProperty() {
        return createdText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty expiryTextProperty() {
        return expiryText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty expiredProperty() {
        return expired.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emailProperty() {
        return email.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phoneProperty() {
        return phone.getReadOnlyProperty();
    }

    public ObservableList<Answer> answers() {
        return answers;
    }

    public ReadOnlyBooleanProperty hasDisclaimerProperty() {
        return hasDisclaimer.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty disclaimerTitleProperty() {
        return disclaimerTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty disclaimerBodyProperty() {
        return disclaimerBody.getReadOnlyProperty();
    }

    public ObservableList<Checkbox> checkboxes() {
        return checkboxes;
    }

    public ObservableList<Field> attribution() {
        return attribution;
    }

    /** The exports the shown lead went into, newest first. */
    public ObservableList<ExportEntry> exports() {
        return exports;
    }

    public ReadOnlyStringProperty rawJsonProperty() {
        return rawJson.getReadOnlyProperty();
    }

    public ObjectProperty<ReviewStatus> statusProperty() {
        return status;
    }

    public StringProperty noteProperty() {
        return note;
    }

    public ReadOnlyBooleanProperty noteDirtyProperty() {
        return noteDirty.getReadOnlyProperty();
    }

    /** "Imported from leads-2025-03.csv on 2026-12-01" for a lead an import brought; "" for a lead synced from Meta. */
    public ReadOnlyStringProperty importedProperty() {
        return imported.getReadOnlyProperty();
    }

    /** A failure to read, delete or save (one sentence); "" when none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Said next to the review controls: "Review saved.", or why it was not; "" when nothing applies. */
    public ReadOnlyStringProperty reviewMessageProperty() {
        return reviewMessage.getReadOnlyProperty();
    }

    /** "Email copied." next to Copy email, for a few seconds. */
    public ReadOnlyStringProperty emailFeedbackProperty() {
        return emailFeedback.getReadOnlyProperty();
    }

    /** "Phone copied." next to Copy phone, for a few seconds. */
    public ReadOnlyStringProperty phoneFeedbackProperty() {
        return phoneFeedback.getReadOnlyProperty();
    }

    /** The search box's words to mark in what the detail shows. */
    public ReadOnlyObjectProperty<Highlight> highlightProperty() {
        return highlight.getReadOnlyProperty();
    }
}
