package io.leaddesk.graph;

public record QuestionOption(String key, String value) {
}
