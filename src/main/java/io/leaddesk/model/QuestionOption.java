package io.leaddesk.model;

public record QuestionOption(String key, String value) {
}
