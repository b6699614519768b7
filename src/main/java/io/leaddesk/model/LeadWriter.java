package io.leaddesk.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Graph-shaped JSON for a lead that came without its raw text (built by hand, e.g. by an import), written so that
 * {@link LeadReader} reads it back as the same lead: the fields in Graph's order, {@code is_checked} as Meta's
 * {@code "1"} or {@code ""}, absent fields left out (the id is always written).
 */
public final class LeadWriter {
    private LeadWriter() {
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    public static String graphJson(Lead l) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("id", l.id());
            field(g, "created_time", l.createdTime());
            field(g, "ad_id", l.adId());
            field(g, "ad_name", l.adName());
            field(g, "adset_id", l.adsetId());
            field(g, "adset_name", l.adsetName());
            field(g, "campaign_id", l.campaignId());
            field(g, "campaign_name", l.campaignName());
            field(g, "form_id", l.formId());
            g.writeArrayFieldStart("field_data");
            for (FieldAnswer a : l.fieldData()) {
                g.writeStartObject();
                g.writeStringField("name", a.name());
                g.writeArrayFieldStart("values");
                for (String v : a.values()) {
                    g.writeString(v);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (!l.disclaimerResponses().isEmpty()) {
                g.writeArrayFieldStart("custom_disclaimer_responses");
                for (DisclaimerResponse r : l.disclaimerResponses()) {
                    g.writeStartObject();
                    g.writeStringField("checkbox_key", r.checkboxKey());
                    g.writeStringField("is_checked", r.checked() ? "1" : "");
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (l.isOrganic() != null) {
                g.writeBooleanField("is_organic", l.isOrganic());
            }
            field(g, "platform", l.platform());
            field(g, "partner_name", l.partnerName());
            field(g, "retailer_item_id", l.retailerItemId());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return w.toString();
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
