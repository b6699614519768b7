package io.leaddesk.model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds who a lead is (name, email, phone, country) through the form's question types, so that
 * {@code эл._адрес} on a Russian form is recognised as the email because its question is of type EMAIL.
 * Well-known English keys are used only when the form's questions are not known (or do not cover the key).
 */
public record ContactFields(String fullName, String firstName, String lastName, String email, String phone, String country) {

    public static final ContactFields EMPTY = new ContactFields("", "", "", "", "", "");

    /** Display name: the full name, or first and last name joined. */
    public String displayName() {
        if (!fullName.isBlank()) {
            return fullName;
        }
        return (firstName + " " + lastName).strip();
    }

    public static ContactFields of(List<Question> questions, List<FieldAnswer> answers) {
        return of(typesByKey(questions), answers);
    }

    /** The upper-case question type of each question key; computed once per form, it serves every lead of the form. */
    public static Map<String, String> typesByKey(List<Question> questions) {
        Map<String, String> typeByKey = new HashMap<>();
        if (questions != null) {
            for (Question q : questions) {
                if (q.key() != null && q.type() != null) {
                    typeByKey.put(q.key(), q.type().toUpperCase(Locale.ROOT));
                }
            }
        }
        return typeByKey;
    }

    /** {@link #of(List, List)} with the form's {@link #typesByKey(List)} already at hand. */
    public static ContactFields of(Map<String, String> typeByKey, List<FieldAnswer> answers) {
        String full = "", first = "", last = "", email = "", phone = "", country = "";
        for (FieldAnswer a : answers) {
            String type = typeByKey.get(a.name());
            if (type == null) {
                type = FALLBACK_TYPES.get(a.name().toLowerCase(Locale.ROOT));
            }
            if (type == null || !CONTACT_TYPES.contains(type)) {
                continue;
            }
            String v = String.join(", ", a.values()).strip();
            switch (type) {
                case "FULL_NAME" -> full = full.isEmpty() ? v : full;
                case "FIRST_NAME" -> first = first.isEmpty() ? v : first;
                case "LAST_NAME" -> last = last.isEmpty() ? v : last;
                case "EMAIL", "WORK_EMAIL" -> email = email.isEmpty() ? v : email;
                case "PHONE", "WORK_PHONE_NUMBER" -> phone = phone.isEmpty() ? v : phone;
                case "COUNTRY" -> country = country.isEmpty() ? v : country;
                default -> { }
            }
        }
        return new ContactFields(full, first, last, email, phone, country);
    }

    private static final java.util.Set<String> CONTACT_TYPES = java.util.Set.of("FULL_NAME", "FIRST_NAME", "LAST_NAME",
            "EMAIL", "WORK_EMAIL", "PHONE", "WORK_PHONE_NUMBER", "COUNTRY");

    /** Only for answers whose key the form's questions do not describe (forms synced without questions). */
    private static final Map<String, String> FALLBACK_TYPES = Map.ofEntries(
            Map.entry("full_name", "FULL_NAME"),
            Map.entry("first_name", "FIRST_NAME"),
            Map.entry("last_name", "LAST_NAME"),
            Map.entry("email", "EMAIL"),
            Map.entry("work_email", "EMAIL"),
            Map.entry("phone_number", "PHONE"),
            Map.entry("phone", "PHONE"),
            Map.entry("country", "COUNTRY"));
}
