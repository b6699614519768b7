package io.leaddesk.export;

import static io.leaddesk.export.ColumnSources.column;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in profiles.
 *
 * <p><b>META</b> mirrors Meta's own lead download: {@code id, created_time, ad_id, ad_name, adset_id, adset_name,
 * campaign_id, campaign_name, form_id, form_name, is_organic, platform}, one column per question key (the form's
 * question order; across forms each key once, first-seen; keys found in answers but in no question after them), one
 * {@code disclaimer:<checkbox_key>} column per disclaimer checkbox, then {@code lead_status} and {@code note}. Ids are
 * plain (Meta's download prefixes them with {@code l:}, {@code ag:}...; CRMs match plain ids better).
 *
 * <p>The CRM profiles use the column names each CRM's import maps automatically (from their import documentation and
 * templates as of 2025; all four let the user re-map columns anyway). Contact fields are found through the form's
 * question types, never by key spelling. Every CRM profile ends with the same source columns: Lead ID, Form Name,
 * Campaign Name, Ad Name, Created Time, Platform ("Facebook" / "Instagram", as the app shows it; the Meta-compatible
 * profile keeps Meta's {@code fb} / {@code ig}), Review Status, Note.
 *
 * <p>Phone numbers: with {@link ExportOptions#e164()} (on by default for CRM profiles in the app, see
 * {@link #e164ByDefault()}) a CRM profile writes its phone column in E.164 ({@code +380501234567}), reading numbers
 * without a country code with the lead's country answer or else the default region; a number that cannot be converted
 * is written as the person typed it, so an import never loses it. The Meta-compatible profile keeps the phone answer
 * as typed and adds a {@code phone_e164} column instead.
 *
 * <p>Names: FIRST_NAME / LAST_NAME answers when the form asked for them, else the full name split the common CRM way
 * (first word = first name, the rest = last name; see {@link LeadRowData#firstName()}).
 * <ul>
 *   <li><b>HUBSPOT</b> (contacts import): First Name, Last Name, Email, Phone Number, Country/Region.</li>
 *   <li><b>ZOHO</b> (Zoho CRM Leads import): First Name, Last Name, Email, Phone, Country, Lead Source ("Facebook",
 *       a value of Zoho's default Lead Source picklist; Instagram leads come through Meta's Lead Ads too).</li>
 *   <li><b>SALESFORCE</b> (Leads, Data Import Wizard): First Name, Last Name, Email, Phone, Company, Country, Lead Source
 *       ("Facebook Lead Ads" / "Instagram Lead Ads"). Salesforce requires Last Name and Company on a lead: Company comes
 *       from a COMPANY_NAME answer, and both are "[not provided]" when the person did not give one.</li>
 *   <li><b>PIPEDRIVE</b> (people/leads import): Person - Name, Person - First name, Person - Last name, Person - Email,
 *       Person - Phone, Lead - Title ("&lt;name&gt; - &lt;form name&gt;").</li>
 * </ul>
 * All profiles add a submissions count column when deduplicating ({@code submissions} / "Submissions").
 */
public enum BuiltInProfile implements ExportProfile {
    META("meta", "Meta-compatible"),
    HUBSPOT("hubspot", "HubSpot"),
    ZOHO("zoho", "Zoho CRM"),
    SALESFORCE("salesforce", "Salesforce (Leads)"),
    PIPEDRIVE("pipedrive", "Pipedrive");

    /** Salesforce's required fields get this when the lead has no value. */
    public static final String NOT_PROVIDED = "[not provided]";

    static final List<String> META_LEAD_COLUMNS = List.of("id", "created_time", "ad_id", "ad_name", "adset_id",
            "adset_name", "campaign_id", "campaign_name", "form_id", "form_name", "is_organic", "platform");

    private final String cliName;
    private final String displayName;

    BuiltInProfile(String cliName, String displayName) {
        this.cliName = cliName;
        this.displayName = displayName;
    }

    /** The CLI name: meta, hubspot, zoho, salesforce, pipedrive. */
    public String cliName() {
        return cliName;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    /**
     * Whether the app ticks "phone numbers in E.164" for this profile unless the user unticks it: yes for the CRM
     * profiles (CRMs match and dial E.164), no for the Meta-compatible one (it mirrors Meta's own download).
     */
    public boolean e164ByDefault() {
        return this != META;
    }

    @Override
    public boolean needsKeyScan() {
        return this == META;
    }

    public static Optional<BuiltInProfile> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (BuiltInProfile p : values()) {
            if (p.cliName.equals(n) || p.name().toLowerCase(Locale.ROOT).equals(n)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    @Override
    public List<ExportColumn> columns(FormSchema schema, ExportOptions options) {
        List<ExportColumn> cols = new ArrayList<>();
        if (this == META) {
            for (String s : META_LEAD_COLUMNS) {
                cols.add(column(s));
            }
            for (String key : schema.fieldKeys()) {
                cols.add(column(ColumnSources.FIELD + key, key));
            }
            for (String key : schema.disclaimerKeys()) {
                cols.add(column(ColumnSources.DISCLAIMER + key, ColumnSources.DISCLAIMER + key));
            }
            cols.add(column("lead_status"));
            cols.add(column("note"));
            if (options.e164()) {
                cols.add(column("phone_e164"));
            }
            if (options.dedupe()) {
                cols.add(column("submissions"));
            }
            return cols;
        }
        switch (this) {
            case HUBSPOT -> {
                cols.add(column("first_name", "First Name"));
                cols.add(column("last_name", "Last Name"));
                cols.add(column("email", "Email"));
                cols.add(phone("Phone Number", options));
                cols.add(column("country", "Country/Region"));
            }
            case ZOHO -> {
                cols.add(column("first_name", "First Name"));
                cols.add(column("last_name", "Last Name"));
                cols.add(column("email", "Email"));
                cols.add(phone("Phone", options));
                cols.add(column("country", "Country"));
                cols.add(new ExportColumn("lead_source", "Lead Source", r -> "Facebook"));
            }
            case SALESFORCE -> {
                cols.add(column("first_name", "First Name"));
                cols.add(new ExportColumn("last_name", "Last Name", r -> orNotProvided(r.lastName())));
                cols.add(column("email", "Email"));
                cols.add(phone("Phone", options));
                cols.add(new ExportColumn("type:COMPANY_NAME", "Company", r -> orNotProvided(r.answerOfType("COMPANY_NAME"))));
                cols.add(column("country", "Country"));
                cols.add(new ExportColumn("lead_source", "Lead Source",
                        r -> "ig".equalsIgnoreCase(r.lead().platform()) ? "Instagram Lead Ads" : "Facebook Lead Ads"));
            }
            case PIPEDRIVE -> {
                cols.add(column("full_name", "Person - Name"));
                cols.add(column("first_name", "Person - First name"));
                cols.add(column("last_name", "Person - Last name"));
                cols.add(column("email", "Person - Email"));
                cols.add(phone("Person - Phone", options));
                cols.add(new ExportColumn("lead_title", "Lead - Title", BuiltInProfile::pipedriveTitle));
            }
            default -> throw new AssertionError(this);
        }
        cols.add(column("id", "Lead ID"));
        cols.add(column("form_name", "Form Name"));
        cols.add(column("campaign_name", "Campaign Name"));
        cols.add(column("ad_name", "Ad Name"));
        cols.add(column("created_time", "Created Time"));
        cols.add(column("platform_name", "Platform"));
        cols.add(column("lead_status", "Review Status"));
        cols.add(column("note", "Note"));
        if (options.dedupe()) {
            cols.add(column("submissions", "Submissions"));
        }
        return cols;
    }

    /** A CRM phone column: E.164 when asked and the number converts, else the number as typed. */
    private static ExportColumn phone(String header, ExportOptions options) {
        if (!options.e164()) {
            return column("phone", header);
        }
        return new ExportColumn("phone", header, r -> {
            String e = r.phoneE164();
            return e.isEmpty() ? r.phone() : e;
        });
    }

    private static String orNotProvided(String s) {
        return s == null || s.isBlank() ? NOT_PROVIDED : s;
    }

    private static String pipedriveTitle(LeadRowData r) {
        String name = r.fullName();
        String form = r.formName();
        if (name.isBlank()) {
            return form.isBlank() ? "Lead " + r.lead().id() : form;
        }
        return form.isBlank() ? name : name + " - " + form;
    }
}
