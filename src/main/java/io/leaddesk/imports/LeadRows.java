package io.leaddesk.imports;

import io.leaddesk.imports.MetaColumns.Field;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns the rows of a lead download into leads in Graph's shape, or says why a row is malformed. A row is malformed
 * when its number of cells differs from the header's, when it has no lead id or one that is not a Meta id (digits,
 * with or without {@code l:}), when its created_time is not a date and time with an offset, when is_organic is neither
 * true/false nor 1/0, or when its form id is not a Meta id, is missing while other rows have one, or differs from the
 * form given for the file.
 */
final class LeadRows {

    /**
     * A row read: a lead, or the reason it is malformed; formId is known even for some malformed rows. A row that is
     * only missing its form has its lead (without answers) and the problem {@link #NO_FORM}.
     */
    record Parsed(Lead lead, String formId, String formName, RowProblem problem) {
        boolean ok() {
            return problem == null;
        }
    }

    /** Said of a row without a form id when the file names no form at all (the caller must choose one). */
    static final String NO_FORM = "has no form_id";

    private final MetaColumns cols;
    private final String explicitForm;
    private final Function<String, FormPlan> plans;
    /** Rows whose own form_id cell names a form (a form given for the file must then be that one). */
    long namedByFile;

    /**
     * @param explicitForm the form given for the file (without prefix), or null
     * @param plans        the answers' plan of a form id; null for a form whose rows cannot be imported
     */
    LeadRows(MetaColumns cols, String explicitForm, Function<String, FormPlan> plans) {
        this.cols = cols;
        this.explicitForm = explicitForm;
        this.plans = plans;
    }

    Parsed parse(MetaFile.Row row) {
        String[] c = row.cells();
        long line = row.line();
        if (c.length != cols.names.size()) {
            return bad(line, null, null, "has " + c.length + (c.length == 1 ? " cell" : " cells") + " where the header has "
                    + cols.names.size());
        }
        String formName = MetaValues.text(cell(c, Field.FORM_NAME));
        String fileForm = null;
        String formCell = cell(c, Field.FORM_ID);
        if (formCell != null && !formCell.isBlank()) {
            fileForm = MetaValues.id(formCell, MetaValues.FORM);
            if (fileForm == null) {
                return bad(line, null, formName, "form_id \"" + shorten(formCell) + "\" is not a Meta form id");
            }
            namedByFile++;
        }
        String formId = fileForm;
        if (explicitForm != null) {
            if (fileForm != null && !fileForm.equals(explicitForm)) {
                return bad(line, fileForm, formName, "belongs to form " + fileForm + ", not to the form given ("
                        + explicitForm + ")");
            }
            formId = explicitForm;
        }
        String idCell = cell(c, Field.ID);
        if (idCell == null || idCell.isBlank()) {
            return bad(line, formId, formName, "has no lead id");
        }
        String id = MetaValues.id(idCell, MetaValues.LEAD);
        if (id == null) {
            return bad(line, formId, formName, "the lead id \"" + shorten(idCell) + "\" is not a Meta lead id");
        }
        String timeCell = cell(c, Field.CREATED_TIME);
        Instant created = MetaValues.created(timeCell);
        if (created == null) {
            return bad(line, formId, formName, timeCell == null || timeCell.isBlank() ? "has no created_time"
                    : "created_time \"" + shorten(timeCell) + "\" is not a date and time with an offset");
        }
        Object organic = MetaValues.organic(cell(c, Field.IS_ORGANIC));
        if (organic == MetaValues.INVALID) {
            return bad(line, formId, formName, "is_organic \"" + shorten(cell(c, Field.IS_ORGANIC))
                    + "\" is neither true/false nor 1/0");
        }
        FormPlan plan = formId == null ? null : plans.apply(formId);
        List<FieldAnswer> answers = new ArrayList<>(plan == null ? 0 : plan.columns.length);
        if (plan != null) {
            for (int k = 0; k < plan.columns.length; k++) {
                String v = c[plan.columns[k]];
                answers.add(new FieldAnswer(plan.keys[k], v.isEmpty() ? List.of() : List.of(plan.value(k, v))));
            }
        }
        Lead lead = new Lead(id, MetaValues.graphTime(created), created.getEpochSecond(), formId,
                MetaValues.strip(cell(c, Field.AD_ID), MetaValues.AD),
                MetaValues.text(cell(c, Field.AD_NAME)),
                MetaValues.strip(cell(c, Field.ADSET_ID), MetaValues.ADSET),
                MetaValues.text(cell(c, Field.ADSET_NAME)),
                MetaValues.strip(cell(c, Field.CAMPAIGN_ID), MetaValues.CAMPAIGN),
                MetaValues.text(cell(c, Field.CAMPAIGN_NAME)),
                (Boolean) organic,
                MetaValues.platform(cell(c, Field.PLATFORM)),
                MetaValues.text(cell(c, Field.PARTNER_NAME)),
                MetaValues.text(cell(c, Field.RETAILER_ITEM_ID)),
                answers, List.of(), null);
        // without a form the lead is known but cannot be imported: the caller asks for the form, or skips the row
        return new Parsed(lead, formId, formName, formId == null ? new RowProblem(line, NO_FORM) : null);
    }

    private String cell(String[] c, Field f) {
        int i = cols.index(f);
        return i < 0 ? null : c[i];
    }

    private static Parsed bad(long line, String formId, String formName, String reason) {
        return new Parsed(null, formId, formName, new RowProblem(line, reason));
    }

    /** A cell quoted in a problem: at most 40 characters, on one line. */
    static String shorten(String s) {
        String v = s.strip().replaceAll("\\s+", " ");
        return v.length() <= 40 ? v : v.substring(0, 39) + "…";
    }
}
