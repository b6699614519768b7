package io.leaddesk.imports;

import io.leaddesk.model.DisclaimerCheckbox;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which columns of a file are the answers of one form, and under which key they go into the lead's field_data. A form
 * of the cache maps by its question keys (exactly, else compared in NFC and lower case) and its disclaimer checkbox
 * keys; a column it has no question for is not imported. A form the import creates takes the file's other columns as
 * its questions, keyed by the column name.
 */
final class FormPlan {

    final String formId;
    /** The form as the cache holds it; null when the import creates it. */
    final LeadForm cached;
    /** The questions are placeholders: phones are recognised by Meta's p: prefix instead of the question type. */
    final boolean provisional;
    final int[] columns;
    final String[] keys;
    private final boolean[] phone;

    private FormPlan(String formId, LeadForm cached, boolean provisional, List<Integer> columns, List<String> keys,
                     List<Boolean> phone) {
        this.formId = formId;
        this.cached = cached;
        this.provisional = provisional;
        this.columns = columns.stream().mapToInt(Integer::intValue).toArray();
        this.keys = keys.toArray(new String[0]);
        this.phone = new boolean[phone.size()];
        for (int i = 0; i < this.phone.length; i++) {
            this.phone[i] = phone.get(i);
        }
    }

    /** A form of the cache: its questions and checkboxes found among the file's columns. */
    static FormPlan cached(MetaColumns cols, LeadForm form, boolean provisional) {
        Map<String, Question> exact = new HashMap<>();
        Map<String, Question> loose = new HashMap<>();
        for (Question q : form.questions()) {
            if (q.key() != null) {
                exact.putIfAbsent(q.key(), q);
                loose.putIfAbsent(MetaColumns.canonical(q.key()), q);
            }
        }
        Map<String, String> boxes = new HashMap<>();
        if (form.disclaimer() != null) {
            for (DisclaimerCheckbox cb : form.disclaimer().checkboxes()) {
                if (cb.key() != null) {
                    boxes.putIfAbsent(cb.key(), cb.key());
                    boxes.putIfAbsent(MetaColumns.canonical(cb.key()), cb.key());
                }
            }
        }
        List<Integer> columns = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Boolean> phone = new ArrayList<>();
        for (int i : cols.others) {
            String name = cols.names.get(i);
            Question q = exact.get(name);
            if (q == null) {
                q = loose.get(MetaColumns.canonical(name));
            }
            if (q != null) {
                columns.add(i);
                keys.add(q.key());
                String type = q.type() == null ? "" : q.type().toUpperCase(Locale.ROOT);
                phone.add(type.equals("PHONE") || type.equals("WORK_PHONE_NUMBER"));
                continue;
            }
            String box = boxes.containsKey(name) ? boxes.get(name) : boxes.get(MetaColumns.canonical(name));
            if (box != null) {
                columns.add(i);
                keys.add(box);
                phone.add(false);
            }
        }
        return new FormPlan(form.id(), form, provisional, columns, keys, phone);
    }

    /** A form the import creates: these columns become its questions. */
    static FormPlan created(MetaColumns cols, String formId, List<Integer> questionColumns) {
        List<String> keys = new ArrayList<>();
        List<Boolean> phone = new ArrayList<>();
        for (int i : questionColumns) {
            keys.add(cols.names.get(i));
            phone.add(false);
        }
        return new FormPlan(formId, null, true, questionColumns, keys, phone);
    }

    /** The answer of column slot {@code k} as it goes into field_data (Meta's p: taken off phones). */
    String value(int k, String cell) {
        if (phone[k] || (provisional && MetaValues.isPrefixedPhone(cell))) {
            return MetaValues.phone(cell);
        }
        return cell;
    }

    /** The placeholder form the import creates: a CUSTOM question per column, labelled with its key; page unknown. */
    static LeadForm placeholder(String formId, String name, List<String> keys) {
        List<Question> questions = new ArrayList<>(keys.size());
        for (String k : keys) {
            questions.add(new Question(null, k, k, "CUSTOM", List.of()));
        }
        return new LeadForm(formId, "", name == null ? "" : name, null, null, null, 0, 0, 0, questions, null, null, null);
    }
}
