package io.leaddesk.graph;

public record DisclaimerCheckbox(String id, String key, String text, boolean required, boolean checkedByDefault) {
}
