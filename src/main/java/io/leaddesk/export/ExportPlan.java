package io.leaddesk.export;

import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.StoredLead;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The plan of one export: its columns (from the profile, the forms' questions and, when a scanning pass ran, the
 * answer keys found in the leads) and the per-row state that turns a lead into its cells. One pass over the store in
 * the common case; {@link #build} makes a first, scanning pass when:
 * <ul>
 *   <li>dedupe is on: it groups submissions into persons (memory proportional to distinct emails/phones, see
 *       {@link DedupeIndex}), so the writing pass writes the newest submission of each;</li>
 *   <li>the caller asks for the answer keys up front (a target that cannot be written twice, such as a pipe). Otherwise
 *       the Meta profile writes optimistically with the forms' question keys and notes keys no question describes
 *       ({@link #hasNewKeys()}); the exporter then writes again with {@link #withNewKeys()}.</li>
 * </ul>
 * Not thread-safe: one per export call.
 */
final class ExportPlan {

    private final ExportOptions options;
    private final FormSchema schema;
    private final ExportColumn[] columns;
    private final Map<String, LeadForm> forms;
    private final PhoneNormalizer phones;
    private final DedupeIndex dedupe;
    private final boolean trackKeys;
    private final Set<String> fieldKeys;
    private final Set<String> disclaimerKeys;
    private final Set<String> newFieldKeys = new LinkedHashSet<>();
    /** The answer key last checked at each answer position (see row). */
    private String[] seenFieldKeys = new String[0];
    private final Set<String> newDisclaimerKeys = new LinkedHashSet<>();
    private final LeadRowData data;

    private ExportPlan(ExportOptions options, FormSchema schema, Map<String, LeadForm> forms, PhoneNormalizer phones, DedupeIndex dedupe) {
        this.options = options;
        this.schema = schema;
        this.columns = options.profile().columns(schema, options).toArray(new ExportColumn[0]);
        this.forms = forms;
        this.phones = phones;
        this.dedupe = dedupe;
        this.trackKeys = options.profile().needsKeyScan();
        this.fieldKeys = new HashSet<>(schema.fieldKeys());
        this.disclaimerKeys = new HashSet<>(schema.disclaimerKeys());
        this.data = new LeadRowData(options, phones);
    }

    boolean hasNewKeys() {
        return !newFieldKeys.isEmpty() || !newDisclaimerKeys.isEmpty();
    }

    /** The same export with columns for the keys found while writing. */
    ExportPlan withNewKeys() {
        List<String> fields = new ArrayList<>(schema.extraFieldKeys());
        fields.addAll(newFieldKeys);
        List<String> boxes = new ArrayList<>(schema.extraDisclaimerKeys());
        boxes.addAll(newDisclaimerKeys);
        return new ExportPlan(options, new FormSchema(schema.forms(), fields, boxes), forms, phones, dedupe);
    }

    int columnCount() {
        return columns.length;
    }

    /** The column source of column {@code i} (see {@link ColumnSources}); row writers type their cells by it. */
    String source(int i) {
        return columns[i].source();
    }

    /** The answer and checkbox keys met while writing that have no column, comma-separated. */
    String newKeys() {
        List<String> all = new ArrayList<>(newFieldKeys);
        all.addAll(newDisclaimerKeys);
        return String.join(", ", all);
    }

    String[] header() {
        String[] h = new String[columns.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = guard(columns[i].header());
        }
        return h;
    }

    /** The cells of {@code lead}'s row, or null when dedupe merges it into another row. */
    String[] row(StoredLead lead) {
        data.reset(lead, forms.get(lead.lead().formId()), 1);
        if (dedupe != null) {
            List<String> keys = personKeys(data, phones);
            int person = dedupe.personOf(keys);
            if (person >= 0) {
                if (dedupe.isNewest(person, lead.id())) {
                    data.reset(lead, data.form(), dedupe.submissions(person));
                } else if (!dedupe.isNewerThanNewest(person, lead.id(), lead.lead().createdEpochSecond())) {
                    return null;
                }
            }
        }
        if (trackKeys) {
            List<FieldAnswer> answers = lead.lead().fieldData();
            if (seenFieldKeys.length < answers.size()) {
                seenFieldKeys = Arrays.copyOf(seenFieldKeys, answers.size());
            }
            for (int i = 0; i < answers.size(); i++) {
                String k = answers.get(i).name();
                // the parser shares key Strings across leads: the very object seen at this position before was
                // checked then (an identity test, no hashing); any other key is looked up
                if (k != seenFieldKeys[i]) {
                    if (!fieldKeys.contains(k)) {
                        newFieldKeys.add(k);
                    }
                    seenFieldKeys[i] = k;
                }
            }
            for (DisclaimerResponse r : lead.lead().disclaimerResponses()) {
                if (!disclaimerKeys.contains(r.checkboxKey())) {
                    newDisclaimerKeys.add(r.checkboxKey());
                }
            }
        }
        String[] cells = new String[columns.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = guard(columns[i].valueOf(data));
        }
        return cells;
    }

    private String guard(String v) {
        return options.formulaGuard() ? FormulaGuard.neutralise(v) : v;
    }

    static ExportPlan build(ExportSource source, ExportOptions options, ExportListener progress, BooleanSupplier cancel, long total,
                            boolean scan) {
        List<LeadForm> forms = source.forms(options.query());
        Map<String, LeadForm> byId = new HashMap<>();
        for (LeadForm f : forms) {
            byId.putIfAbsent(f.id(), f);
        }
        PhoneNormalizer phones = new PhoneNormalizer(options.defaultRegion());
        FormSchema base = FormSchema.of(forms);
        boolean scanKeys = scan && options.profile().needsKeyScan();
        DedupeIndex dedupe = options.dedupe() ? new DedupeIndex() : null;
        FormSchema schema = base;
        if (scanKeys || dedupe != null) {
            Set<String> knownFields = new HashSet<>(base.questionKeys());
            Set<String> knownDisclaimers = new HashSet<>(base.disclaimerKeys());
            Set<String> extraFields = new LinkedHashSet<>();
            Set<String> extraDisclaimers = new LinkedHashSet<>();
            LeadRowData data = new LeadRowData(options, phones);
            long[] read = {0};
            ReadAhead.run(source, options.query(), cancel, lead -> {
                if ((read[0] & 63) == 0 && cancel.getAsBoolean()) {
                    throw Stop.CANCELLED;
                }
                if (scanKeys) {
                    for (FieldAnswer a : lead.lead().fieldData()) {
                        if (!knownFields.contains(a.name())) {
                            extraFields.add(a.name());
                        }
                    }
                    for (DisclaimerResponse r : lead.lead().disclaimerResponses()) {
                        if (!knownDisclaimers.contains(r.checkboxKey())) {
                            extraDisclaimers.add(r.checkboxKey());
                        }
                    }
                }
                if (dedupe != null) {
                    data.reset(lead, byId.get(lead.lead().formId()), 1);
                    dedupe.add(lead.id(), lead.lead().createdEpochSecond(), personKeys(data, phones));
                }
                read[0]++;
                if (read[0] % Exporter.PROGRESS_EVERY == 0) {
                    progress.progress(new ExportProgress(ExportProgress.Phase.SCANNING, read[0], total, 0));
                }
            });
            progress.progress(new ExportProgress(ExportProgress.Phase.SCANNING, read[0], total, 0));
            schema = new FormSchema(forms, new ArrayList<>(extraFields), new ArrayList<>(extraDisclaimers));
        }
        return new ExportPlan(options, schema, byId, phones, dedupe);
    }

    /** Person keys for dedupe: "e:" + trimmed lower-case email, "p:" + E.164 phone (digits only when not parseable). */
    static List<String> personKeys(LeadRowData data, PhoneNormalizer phones) {
        String email = data.email().strip().toLowerCase(Locale.ROOT);
        String phone = phones.dedupeKey(data.phone(), data.country());
        if (email.isEmpty()) {
            return phone.isEmpty() ? List.of() : List.of("p:" + phone);
        }
        return phone.isEmpty() ? List.of("e:" + email) : List.of("e:" + email, "p:" + phone);
    }
}
