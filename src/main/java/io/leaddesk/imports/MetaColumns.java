package io.leaddesk.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header of a lead download: where Meta's lead columns are, and which other columns there are (answers when they
 * are the form's question keys). Columns Meta adds that are no answer ({@code lead_status}, {@code inbox_url}, ...) are
 * never made questions of a form the import creates; a repeated column name counts once (the first).
 */
final class MetaColumns {

    /** Meta's lead columns, in the order of the download. */
    enum Field {
        ID, CREATED_TIME, AD_ID, AD_NAME, ADSET_ID, ADSET_NAME, CAMPAIGN_ID, CAMPAIGN_NAME, FORM_ID, FORM_NAME, IS_ORGANIC,
        PLATFORM, PARTNER_NAME, RETAILER_ITEM_ID;

        final String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<String, Field> FIELDS = new HashMap<>();

    static {
        for (Field f : Field.values()) {
            FIELDS.put(f.column(), f);
        }
        FIELDS.put("lead_id", Field.ID);
        FIELDS.put("leadgen_id", Field.ID);
    }

    /**
     * Columns of Meta's downloads that are not answers: the Leads Center's own state of a lead and a link into it, and
     * lead fields LeadDesk does not keep. Never made questions of a form the import creates (a synced form's question
     * of the same key still maps).
     */
    static final Set<String> NOT_ANSWERS = Set.of("lead_status", "inbox_url", "lead_stage", "home_listing", "vehicle",
            "post", "custom_disclaimer_responses");

    final List<String> names;
    private final int[] fieldIndex = new int[Field.values().length];
    /** Indexes of the columns that are not lead columns (answers when they are question keys), in header order. */
    final List<Integer> others = new ArrayList<>();
    /** Names of columns repeated in the header (only the first of a name is read). */
    final List<String> repeated = new ArrayList<>();

    MetaColumns(List<String> names) {
        this.names = List.copyOf(names);
        java.util.Arrays.fill(fieldIndex, -1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            String k = canonical(name);
            if (name.isEmpty() || !seen.add(k)) {
                if (!name.isEmpty()) {
                    repeated.add(name); // the same column twice: the first one counts
                }
                continue;
            }
            Field f = FIELDS.get(k);
            if (f != null) {
                if (fieldIndex[f.ordinal()] < 0) {
                    fieldIndex[f.ordinal()] = i;
                }
            } else {
                others.add(i);
            }
        }
    }

    /** The lead field a column name stands for, or null. */
    static Field field(String name) {
        return FIELDS.get(canonical(name));
    }

    /** The column of a lead field, or -1. */
    int index(Field f) {
        return fieldIndex[f.ordinal()];
    }

    boolean has(Field f) {
        return fieldIndex[f.ordinal()] >= 0;
    }

    /** The lead columns the file has, in header order. */
    List<String> leadColumns() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int idx : fieldIndex) {
                if (idx == i) {
                    out.add(names.get(i));
                }
            }
        }
        return out;
    }

    /** Whether column {@code i} may become a question of a form the import creates. */
    boolean mayBeQuestion(int i) {
        return !NOT_ANSWERS.contains(canonical(names.get(i)));
    }

    /** A column name as compared: NFC, trimmed, lower case (question keys are compared exactly first). */
    static String canonical(String name) {
        String n = name.replace("\uFEFF", "").strip();
        if (!Normalizer.isNormalized(n, Normalizer.Form.NFC)) {
            n = Normalizer.normalize(n, Normalizer.Form.NFC);
        }
        return n.toLowerCase(Locale.ROOT);
    }
}
