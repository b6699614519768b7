package io.leaddesk.export;

import io.leaddesk.model.ContactFields;
import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
import io.leaddesk.store.StoredLead;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.zone.ZoneRules;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lead a row is being computed for, with the derived values columns need (computed lazily, once per row).
 * One instance is reused for every row of an export: not thread-safe, never kept by columns.
 */
public final class LeadRowData {

    private final String multiValueSeparator;
    private final ZoneRules zone;
    private final PhoneNormalizer phones;

    private StoredLead stored;
    private LeadForm form;
    private int submissions;
    private Map<String, FieldAnswer> answers;
    private ContactFields contact;
    private String e164;
    /** The question types of {@link #typesForm}'s keys, kept while rows of the same form follow each other. */
    private LeadForm typesForm;
    private Map<String, String> typesByKey;

    LeadRowData(ExportOptions options, PhoneNormalizer phones) {
        this.multiValueSeparator = options.multiValueSeparator();
        this.zone = (options.timeZone() == null ? ZoneOffset.UTC : options.timeZone()).getRules();
        this.phones = phones;
    }

    void reset(StoredLead stored, LeadForm form, int submissions) {
        this.stored = stored;
        this.form = form;
        this.submissions = submissions;
        this.answers = null;
        this.contact = null;
        this.e164 = null;
    }

    public StoredLead stored() {
        return stored;
    }

    public Lead lead() {
        return stored.lead();
    }

    /** The lead's form, or null when the cache does not know it. */
    public LeadForm form() {
        return form;
    }

    public String formName() {
        return form == null ? "" : nz(form.name());
    }

    /** How many submissions this row stands for (1 without dedupe). */
    public int submissions() {
        return submissions;
    }

    /** created_time as ISO 8601 with offset, in UTC or the chosen zone. */
    public String createdTime() {
        return formatTime(lead().createdEpochSecond(), zone);
    }

    /** ISO 8601 with offset, same text as {@link java.time.format.DateTimeFormatter#ISO_OFFSET_DATE_TIME}, without its overhead. */
    static String formatTime(long epochSecond, ZoneRules rules) {
        ZoneOffset offset = rules.getOffset(Instant.ofEpochSecond(epochSecond));
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.atOffset(offset));
        }
        StringBuilder sb = new StringBuilder(25);
        sb.append(year).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        sb.append(offset.getId());
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** The answer to question {@code key}, multiple values joined by the multi-value separator; "" when absent or skipped. */
    public String answer(String key) {
        List<FieldAnswer> data = lead().fieldData();
        FieldAnswer a = null;
        if (data.size() <= 16) {
            // a linear scan beats building a map for the usual handful of answers
            for (int i = 0; i < data.size(); i++) {
                FieldAnswer x = data.get(i);
                if (key.equals(x.name())) {
                    a = x;
                    break;
                }
            }
        } else {
            if (answers == null) {
                answers = new HashMap<>(data.size() * 2);
                for (FieldAnswer x : data) {
                    answers.putIfAbsent(x.name(), x);
                }
            }
            a = answers.get(key);
        }
        if (a == null) {
            return "";
        }
        List<String> v = a.values();
        return switch (v.size()) {
            case 0 -> "";
            case 1 -> nz(v.get(0));
            default -> String.join(multiValueSeparator, v);
        };
    }

    /** The answer to the form's first question of Meta type {@code type} (e.g. COMPANY_NAME, CITY), "" when none. */
    public String answerOfType(String type) {
        if (form != null) {
            for (Question q : form.questions()) {
                if (q.type() != null && q.type().equalsIgnoreCase(type) && q.key() != null) {
                    return answer(q.key());
                }
            }
        }
        return "";
    }

    /** "true" / "false" for a disclaimer checkbox the person answered, "" when no response was recorded. */
    public String disclaimer(String checkboxKey) {
        for (DisclaimerResponse r : lead().disclaimerResponses()) {
            if (checkboxKey.equals(r.checkboxKey())) {
                return r.checked() ? "true" : "false";
            }
        }
        return "";
    }

    /** Name, email, phone and country, found through the form's question types. */
    public ContactFields contact() {
        if (contact == null) {
            if (form != typesForm || typesByKey == null) {
                typesByKey = ContactFields.typesByKey(form == null ? null : form.questions());
                typesForm = form;
            }
            contact = ContactFields.of(typesByKey, lead().fieldData());
        }
        return contact;
    }

    public String fullName() {
        return contact().displayName();
    }

    /**
     * FIRST_NAME answer, else the first word of FULL_NAME (see {@link #splitName}); empty when the form asked for the
     * last name only.
     */
    public String firstName() {
        ContactFields c = contact();
        if (!c.firstName().isBlank()) {
            return c.firstName();
        }
        if (!c.lastName().isBlank()) {
            return "";
        }
        return splitName(c.fullName())[0];
    }

    /** LAST_NAME answer, else FULL_NAME without its first word (see {@link #splitName}). */
    public String lastName() {
        ContactFields c = contact();
        if (!c.lastName().isBlank()) {
            return c.lastName();
        }
        if (!c.firstName().isBlank()) {
            return "";
        }
        return splitName(c.fullName())[1];
    }

    /**
     * {first, last} of a full name, the common CRM convention (HubSpot, Zoho, Salesforce and Pipedrive split the same
     * way): the first whitespace-separated word is the first name and everything after it the last name, so particles
     * stay with the family name ("Inês de Demonstração" = "Inês" + "de Demonstração", "Jan van der Berg" = "Jan" +
     * "van der Berg"). One word is a first name only. Words are split on any Unicode whitespace, whatever the script
     * (Cyrillic, Arabic...); the text itself is kept as written.
     */
    static String[] splitName(String full) {
        String s = full == null ? "" : full.strip();
        int cut = -1;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i))) {
                cut = i;
                break;
            }
        }
        if (cut < 0) {
            return new String[] {s, ""};
        }
        return new String[] {s.substring(0, cut), s.substring(cut + 1).strip()};
    }

    public String email() {
        return contact().email();
    }

    public String phone() {
        return contact().phone();
    }

    public String country() {
        return contact().country();
    }

    /** The phone answer in E.164, "" when it cannot be converted. */
    public String phoneE164() {
        if (e164 == null) {
            e164 = phones.e164(phone(), country());
        }
        return e164;
    }

    /** Review status wire name (new, contacted, ...), "" when none. */
    public String status() {
        return stored.status() == null ? "" : stored.status().wireName();
    }

    public String note() {
        return nz(stored.note());
    }

    static String bool(Boolean b) {
        return b == null ? "" : b.toString();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String lower(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    }
}
