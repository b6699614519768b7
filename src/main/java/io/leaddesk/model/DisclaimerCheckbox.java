package io.leaddesk.model;

public record DisclaimerCheckbox(String id, String key, String text, boolean required, boolean checkedByDefault) {
}
