package io.leaddesk.imports;

import io.leaddesk.imports.ImportPreview.State;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.ImportCheck;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredForm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Reads a whole file once, writing nothing: counts new, cached, forgotten, repeated and malformed rows, matches the
 * forms, and decides which columns become the questions of a form the import will create (every other column when the
 * file holds one form; with several forms, the columns a form's rows answer).
 */
final class PreviewPass {

    /** Lead ids looked up in the cache together. */
    private static final int CHECK_CHUNK = 2000;

    private final LeadStore store;
    private final Path file;
    private final ImportOptions options;
    private final String explicitForm;
    private final ImportListener listener;
    private final BooleanSupplier cancel;

    private final Map<String, Stats> forms = new LinkedHashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, String> pending = new LinkedHashMap<>();
    private final List<RowProblem> problems = new ArrayList<>();
    private final List<RowProblem> withoutForm = new ArrayList<>();
    /** Ids of the rows that only lack their form: counted when no row names a form (the caller must give one). */
    private final List<String> withoutFormIds = new ArrayList<>();
    private long rows, fresh, cached, forgotten, duplicates, skipped, noForm;
    private Set<String> provisional;
    private final Map<String, FormPlan> plans = new HashMap<>();
    private MetaColumns cols;

    /** What the preview learns about one form. */
    private static final class Stats {
        final String formId;
        final FormPlan plan;
        final long[] used;
        String name;
        long rows, fresh;

        Stats(String formId, FormPlan plan) {
            this.formId = formId;
            this.plan = plan;
            this.used = new long[plan.columns.length];
        }
    }

    PreviewPass(LeadStore store, Path file, ImportOptions options, String explicitForm, ImportListener listener,
                BooleanSupplier cancel) {
        this.store = store;
        this.file = file;
        this.options = options;
        this.explicitForm = explicitForm;
        this.listener = listener;
        this.cancel = cancel;
    }

    ImportPreview run() {
        try (MetaFile f = MetaFile.open(file)) {
            cols = new MetaColumns(f.header());
            if (explicitForm != null && !cols.has(MetaColumns.Field.FORM_ID) && store.form(explicitForm).isEmpty()) {
                throw notCached(f.name());
            }
            LeadRows reader = new LeadRows(cols, explicitForm, this::planOf);
            boolean cancelled = false;
            MetaFile.Row row;
            while ((row = f.next()) != null) {
                rows++;
                if ((rows & 255) == 0 && cancel.getAsBoolean()) {
                    cancelled = true;
                    break;
                }
                if (rows % ImportService.PROGRESS_EVERY == 0) {
                    listener.progress(new ImportProgress(ImportProgress.Phase.PREVIEW, rows, f.bytesRead(), f.size()));
                }
                count(reader.parse(row));
            }
            flush();
            Stats given = explicitForm == null ? null : forms.get(explicitForm);
            if (given != null && given.plan.cached == null && reader.namedByFile == 0) {
                throw notCached(f.name());
            }
            if (!cancelled) {
                listener.progress(new ImportProgress(ImportProgress.Phase.PREVIEW, rows, f.size(), f.size()));
            }
            return result(f, cancelled);
        }
    }

    /** A form given for a file that does not name it must be one the cache holds (its questions are known). */
    private ImportException notCached(String fileName) {
        return new ImportException("Form " + explicitForm + " is not in the lead cache and " + fileName
                + " does not name it: run 'leaddesk sync' (or 'leaddesk forms') to bring your forms, or check the id.");
    }

    private FormPlan plan(String formId) {
        Optional<StoredForm> stored = store.form(formId);
        if (stored.isPresent()) {
            if (provisional == null) {
                provisional = store.provisionalFormIds();
            }
            return FormPlan.cached(cols, stored.get().form(), provisional.contains(formId));
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i : cols.others) {
            if (cols.mayBeQuestion(i)) {
                candidates.add(i);
            }
        }
        return FormPlan.created(cols, formId, candidates);
    }

    private void count(LeadRows.Parsed p) {
        Stats s = null;
        if (p.formId() != null) {
            s = forms.get(p.formId());
            if (s == null) {
                s = new Stats(p.formId(), planOf(p.formId()));
                forms.put(p.formId(), s);
            }
            s.rows++;
            if (s.name == null && p.formName() != null) {
                s.name = p.formName();
            }
        }
        if (!p.ok()) {
            if (p.problem().reason().equals(LeadRows.NO_FORM)) {
                noForm++;
                if (withoutForm.size() < ImportService.MAX_PROBLEMS) {
                    withoutForm.add(p.problem());
                }
                if (seen.add(p.lead().id())) {
                    withoutFormIds.add(p.lead().id());
                } else {
                    duplicates++;
                }
                return;
            }
            skipped++;
            if (problems.size() < ImportService.MAX_PROBLEMS) {
                problems.add(p.problem());
            }
            return;
        }
        List<FieldAnswer> answers = p.lead().fieldData();
        for (int k = 0; k < answers.size() && k < s.used.length; k++) {
            if (!answers.get(k).values().isEmpty()) {
                s.used[k]++;
            }
        }
        countIds(p.lead().id(), p.formId());
    }

    private FormPlan planOf(String formId) {
        return plans.computeIfAbsent(formId, this::plan);
    }

    private void countIds(String id, String formId) {
        if (id == null) {
            return;
        }
        if (!seen.add(id)) {
            duplicates++;
            return;
        }
        pending.put(id, formId == null ? "" : formId);
        if (pending.size() >= CHECK_CHUNK) {
            flush();
        }
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        ImportCheck check = store.importCheck(pending.keySet());
        for (Map.Entry<String, String> e : pending.entrySet()) {
            if (check.forgotten().contains(e.getKey())) {
                forgotten++;
            } else if (check.cached().contains(e.getKey())) {
                cached++;
            } else {
                fresh++;
                Stats s = forms.get(e.getValue());
                if (s != null) {
                    s.fresh++;
                }
            }
        }
        pending.clear();
    }

    private ImportPreview result(MetaFile f, boolean cancelled) {
        State state = cancelled ? State.CANCELLED : State.READY;
        List<RowProblem> all = new ArrayList<>(problems);
        long bad = skipped;
        if (forms.isEmpty() && explicitForm == null && noForm > 0) {
            if (!cancelled) {
                state = State.NEEDS_FORM;
            }
            for (String id : withoutFormIds) {
                pending.put(id, "");
                if (pending.size() >= CHECK_CHUNK) {
                    flush();
                }
            }
            flush();
        } else {
            all.addAll(withoutForm);
            bad += noForm;
        }
        all.sort(Comparator.comparingLong(RowProblem::line));
        if (all.size() > ImportService.MAX_PROBLEMS) {
            all = all.subList(0, ImportService.MAX_PROBLEMS);
        }
        List<FormMatch> matches = new ArrayList<>();
        Set<Integer> mapped = new LinkedHashSet<>();
        for (Stats s : forms.values()) {
            List<String> columns = new ArrayList<>();
            for (int k = 0; k < s.plan.columns.length; k++) {
                if (s.plan.cached != null || forms.size() == 1 || s.used[k] > 0) {
                    columns.add(cols.names.get(s.plan.columns[k]));
                    mapped.add(s.plan.columns[k]);
                }
            }
            LeadForm cachedForm = s.plan.cached;
            String name = cachedForm != null && cachedForm.name() != null && !cachedForm.name().isEmpty()
                    ? cachedForm.name() : s.name == null ? "" : s.name;
            matches.add(new FormMatch(s.formId, name, cachedForm != null, s.plan.provisional, s.rows, s.fresh, columns));
        }
        List<String> unrecognised = new ArrayList<>();
        for (int i : cols.others) {
            // without a form nothing is mapped yet: only the columns that are never answers are known not to be
            if (!mapped.contains(i) && (state != State.NEEDS_FORM || !cols.mayBeQuestion(i))) {
                unrecognised.add(cols.names.get(i));
            }
        }
        unrecognised.addAll(cols.repeated);
        String refusal = null;
        if (state == State.READY && options.strict() && bad > 0) {
            state = State.REFUSED;
            refusal = ImportService.strictRefusal(f.name(), bad, all.get(0));
        }
        return new ImportPreview(file, f.name(), f.encoding().label(), f.separator(), state, refusal, rows, fresh, cached,
                forgotten, duplicates, bad, all, matches, cols.leadColumns(), unrecognised, options);
    }
}
