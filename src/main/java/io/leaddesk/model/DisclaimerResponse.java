package io.leaddesk.model;

/** One entry of custom_disclaimer_responses ({@code is_checked} arrives as "1" or ""). */
public record DisclaimerResponse(String checkboxKey, boolean checked) {
}
