package io.leaddesk.model;

import java.util.List;

/** One entry of a lead's field_data: the question key and its values (empty when skipped, several when multi-choice). */
public record FieldAnswer(String name, List<String> values) {
    public FieldAnswer {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The first value, or "" when the question was skipped. */
    public String first() {
        return values.isEmpty() ? "" : values.get(0);
    }
}
