package io.leaddesk.export;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What a column can show, by name; custom profiles are made of these. Standard sources:
 * <ul>
 *   <li>lead fields: {@code id, created_time, ad_id, ad_name, adset_id, adset_name, campaign_id, campaign_name,
 *       form_id, form_name, page_id, is_organic, platform, partner_name}; {@code platform_name} is the platform as the
 *       app shows it ("Facebook", "Instagram"; Meta's {@code fb} / {@code ig} are what {@code platform} writes)</li>
 *   <li>review: {@code lead_status, note}</li>
 *   <li>contact, found through the form's question types: {@code full_name, first_name, last_name, email, phone,
 *       phone_e164, country}</li>
 *   <li>{@code submissions}: submissions merged into the row by dedupe (1 without dedupe)</li>
 * </ul>
 * Parameterised sources: {@code field:<question key>} (the answer to that question),
 * {@code type:<QUESTION_TYPE>} (the answer to the form's first question of that Meta type, e.g. {@code type:COMPANY_NAME}),
 * {@code disclaimer:<checkbox key>} ({@code true}/{@code false}, empty when no response was recorded).
 */
public final class ColumnSources {

    public static final String FIELD = "field:";
    public static final String TYPE = "type:";
    public static final String DISCLAIMER = "disclaimer:";

    /** The standard (non-parameterised) sources, in a sensible order for a picker. */
    public static final List<String> STANDARD = List.of(
            "id", "created_time", "ad_id", "ad_name", "adset_id", "adset_name", "campaign_id", "campaign_name",
            "form_id", "form_name", "page_id", "is_organic", "platform", "platform_name", "partner_name",
            "full_name", "first_name", "last_name", "email", "phone", "phone_e164", "country",
            "lead_status", "note", "submissions");

    private ColumnSources() {
    }

    /** Whether {@code source} names something a column can show. */
    public static boolean isValid(String source) {
        if (source == null) {
            return false;
        }
        if (STANDARD.contains(source)) {
            return true;
        }
        for (String p : List.of(FIELD, TYPE, DISCLAIMER)) {
            if (source.startsWith(p) && source.length() > p.length()) {
                return true;
            }
        }
        return false;
    }

    /** A column showing {@code source} under {@code header}. */
    public static ExportColumn column(String source, String header) {
        return new ExportColumn(source, header, valueOf(source));
    }

    /** A column showing {@code source} under its own name as header. */
    public static ExportColumn column(String source) {
        return column(source, source);
    }

    /** Meta's platform code as people read it: "fb" = Facebook, "ig" = Instagram; anything else as Meta sent it. */
    public static String platformName(String platform) {
        if (platform == null) {
            return "";
        }
        return switch (platform.strip().toLowerCase(Locale.ROOT)) {
            case "fb", "facebook" -> "Facebook";
            case "ig", "instagram" -> "Instagram";
            default -> platform;
        };
    }

    static Function<LeadRowData, String> valueOf(String source) {
        if (source.startsWith(FIELD) && source.length() > FIELD.length()) {
            String key = source.substring(FIELD.length());
            return r -> r.answer(key);
        }
        if (source.startsWith(TYPE) && source.length() > TYPE.length()) {
            String type = source.substring(TYPE.length()).toUpperCase(Locale.ROOT);
            return r -> r.answerOfType(type);
        }
        if (source.startsWith(DISCLAIMER) && source.length() > DISCLAIMER.length()) {
            String key = source.substring(DISCLAIMER.length());
            return r -> r.disclaimer(key);
        }
        return switch (source) {
            case "id" -> r -> r.lead().id();
            case "created_time" -> LeadRowData::createdTime;
            case "ad_id" -> r -> r.lead().adId();
            case "ad_name" -> r -> r.lead().adName();
            case "adset_id" -> r -> r.lead().adsetId();
            case "adset_name" -> r -> r.lead().adsetName();
            case "campaign_id" -> r -> r.lead().campaignId();
            case "campaign_name" -> r -> r.lead().campaignName();
            case "form_id" -> r -> r.lead().formId();
            case "form_name" -> LeadRowData::formName;
            case "page_id" -> r -> r.stored().pageId();
            case "is_organic" -> r -> LeadRowData.bool(r.lead().isOrganic());
            case "platform" -> r -> r.lead().platform();
            case "platform_name" -> r -> platformName(r.lead().platform());
            case "partner_name" -> r -> r.lead().partnerName();
            case "full_name" -> LeadRowData::fullName;
            case "first_name" -> LeadRowData::firstName;
            case "last_name" -> LeadRowData::lastName;
            case "email" -> LeadRowData::email;
            case "phone" -> LeadRowData::phone;
            case "phone_e164" -> LeadRowData::phoneE164;
            case "country" -> LeadRowData::country;
            case "lead_status" -> LeadRowData::status;
            case "note" -> LeadRowData::note;
            case "submissions" -> r -> Integer.toString(r.submissions());
            default -> throw new IllegalArgumentException("Unknown column source '" + source + "'.");
        };
    }
}
