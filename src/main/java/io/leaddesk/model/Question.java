package io.leaddesk.model;

import java.util.List;

/**
 * A form question. {@code key} is what appears as {@code name} in a lead's field_data; {@code type} is
 * Meta's question type (FULL_NAME, EMAIL, PHONE, CUSTOM, ...). Map answers to meaning through the type,
 * never through the key's spelling.
 */
public record Question(String id, String key, String label, String type, List<QuestionOption> options) {
    public Question {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
