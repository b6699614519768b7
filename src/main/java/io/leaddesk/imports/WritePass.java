package io.leaddesk.imports;

import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.store.ImportBatch;
import io.leaddesk.store.ImportOutcome;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.SortIndexes;
import io.leaddesk.store.StoredForm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Reads the file a second time and hands its leads to the store's one transaction for the file: malformed rows skipped
 * and counted (or, strict, the whole file refused: the exception rolls everything back), repeated ids left to the first
 * row, a cancel ending the transaction with nothing written. The forms are those the preview matched; a form the
 * preview saw missing from the cache is created from the columns it chose, unless a sync brought it meanwhile.
 */
final class WritePass {

    /** Thrown through the store's transaction on cancel: it rolls back, and the import reports the cancel. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    private final LeadStore store;
    private final ImportPreview preview;
    private final String explicitForm;
    private final ImportListener listener;
    private final BooleanSupplier cancel;
    private final Instant at;

    private final List<RowProblem> problems = new ArrayList<>();
    private long skipped, duplicates;

    WritePass(LeadStore store, ImportPreview preview, String explicitForm, ImportListener listener,
              BooleanSupplier cancel, Instant at) {
        this.store = store;
        this.preview = preview;
        this.explicitForm = explicitForm;
        this.listener = listener;
        this.cancel = cancel;
        this.at = at;
    }

    ImportResult run() {
        try (MetaFile f = MetaFile.open(preview.file())) {
            MetaColumns cols = new MetaColumns(f.header());
            Map<String, FormPlan> plans = new HashMap<>();
            List<LeadForm> placeholders = new ArrayList<>();
            Set<String> provisional = store.provisionalFormIds();
            for (FormMatch m : preview.forms()) {
                Optional<StoredForm> stored = store.form(m.formId());
                if (stored.isPresent()) {
                    plans.put(m.formId(), FormPlan.cached(cols, stored.get().form(), provisional.contains(m.formId())));
                } else {
                    List<Integer> columns = new ArrayList<>();
                    for (String name : m.questionColumns()) {
                        int i = cols.names.indexOf(name);
                        if (i >= 0) {
                            columns.add(i);
                        }
                    }
                    FormPlan plan = FormPlan.created(cols, m.formId(), columns);
                    plans.put(m.formId(), plan);
                    placeholders.add(FormPlan.placeholder(m.formId(), m.formName(), List.of(plan.keys)));
                }
            }
            LeadRows reader = new LeadRows(cols, explicitForm, plans::get);
            Leads leads = new Leads(f, reader, plans);
            ImportOutcome o;
            // a file of many new leads writes them without the name and e-mail sort indexes and builds those once
            try (SortIndexes.Deferral ignored = store.sortIndexes().deferFor(preview.newLeads())) {
                o = store.importLeads(new ImportBatch(f.name(), at, placeholders, leads));
            }
            listener.progress(new ImportProgress(ImportProgress.Phase.WRITING, leads.rows, f.size(), f.size()));
            return new ImportResult(preview.file(), f.name(), false, at, o.newLeads(), o.alreadyCached(), o.forgotten(),
                    duplicates, skipped, problems, o.importId(), o.formsCreated(), o.newByForm());
        } catch (Cancelled c) {
            return new ImportResult(preview.file(), preview.fileName(), true, at, 0, 0, 0, duplicates, skipped, problems,
                    null, List.of(), Map.of());
        }
    }

    /** The file's leads, read as the store asks for them (inside its transaction). */
    private final class Leads implements Iterator<Lead> {
        private final MetaFile file;
        private final LeadRows reader;
        private final Map<String, FormPlan> plans;
        private final Set<String> seen = new HashSet<>();
        private Lead next;
        private boolean done;
        long rows;

        Leads(MetaFile file, LeadRows reader, Map<String, FormPlan> plans) {
            this.file = file;
            this.reader = reader;
            this.plans = plans;
        }

        @Override
        public boolean hasNext() {
            while (next == null && !done) {
                MetaFile.Row row = file.next();
                if (row == null) {
                    done = true;
                    break;
                }
                rows++;
                if ((rows & 255) == 0 && cancel.getAsBoolean()) {
                    throw new Cancelled();
                }
                if (rows % ImportService.PROGRESS_EVERY == 0) {
                    listener.progress(new ImportProgress(ImportProgress.Phase.WRITING, rows, file.bytesRead(), file.size()));
                }
                LeadRows.Parsed p = reader.parse(row);
                RowProblem problem = p.problem();
                if (problem == null && !plans.containsKey(p.formId())) {
                    problem = new RowProblem(row.line(), "belongs to form " + p.formId() + ", which the file did not name"
                            + " when it was previewed (preview it again)");
                }
                if (problem != null) {
                    malformed(problem);
                    continue;
                }
                if (!seen.add(p.lead().id())) {
                    duplicates++;
                    continue;
                }
                next = p.lead();
            }
            if (next == null && cancel.getAsBoolean()) {
                throw new Cancelled(); // cancelled at the very end: still nothing written
            }
            return next != null;
        }

        @Override
        public Lead next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Lead l = next;
            next = null;
            return l;
        }

        private void malformed(RowProblem problem) {
            if (preview.options().strict()) {
                throw new ImportException(ImportService.strictRefusal(file.name(), 1, problem));
            }
            skipped++;
            if (problems.size() < ImportService.MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
    }
}
