package io.leaddesk.store;

import io.leaddesk.model.LeadBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphPages;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.model.ContactFields;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.LeadShapes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache reads every lead back as the sync parsed it (one reader, {@link io.leaddesk.model.LeadReader}), from text or bytes. */
class LeadJsonTest {

    static final LeadJson.Columns COLS = new LeadJson.Columns("col-id", "2025-01-01T00:00:00+0000", 1_735_689_600L,
            "col-form", "col-ad", "Col Ad", "col-adset", "Col Set", "col-camp", "Col Campaign", Boolean.TRUE, "col-pf");

    static final List<String> SHAPES = List.of(
            // the usual Graph shape
            "{\"id\":\"1\",\"created_time\":\"2025-10-08T09:09:27+0000\",\"ad_id\":\"a\",\"ad_name\":\"Ad\","
                    + "\"adset_id\":\"s\",\"adset_name\":\"Set\",\"campaign_id\":\"c\",\"campaign_name\":\"Весна\","
                    + "\"form_id\":\"f\",\"is_organic\":false,\"platform\":\"ig\",\"partner_name\":\"P\","
                    + "\"retailer_item_id\":\"r\",\"field_data\":[{\"name\":\"full_name\",\"values\":[\"Олена 😀\"]},"
                    + "{\"name\":\"multi\",\"values\":[\"a\",\"b\",\"c\"]},{\"name\":\"skipped\",\"values\":[]}],"
                    + "\"custom_disclaimer_responses\":[{\"checkbox_key\":\"k1\",\"is_checked\":\"1\"},"
                    + "{\"checkbox_key\":\"k2\",\"is_checked\":\"\"},{\"checkbox_key\":\"k3\",\"is_checked\":true}]}",
            // exactly the order of our fields request (each name matched in place), then the same lead in reverse
            // order and with each answer's and response's keys swapped or repeated (each name looked up)
            "{\"id\":\"7\",\"created_time\":\"2025-10-08T09:09:27+0000\",\"ad_id\":\"a\",\"ad_name\":\"Ad\","
                    + "\"adset_id\":\"s\",\"adset_name\":\"Set\",\"campaign_id\":\"c\",\"campaign_name\":\"Весна\","
                    + "\"form_id\":\"f\",\"field_data\":[{\"name\":\"full_name\",\"values\":[\"Олена\"]},"
                    + "{\"name\":\"multi\",\"values\":[\"a\",\"b\"]}],\"custom_disclaimer_responses\":"
                    + "[{\"checkbox_key\":\"k1\",\"is_checked\":\"1\"}],\"is_organic\":true,\"platform\":\"fb\","
                    + "\"partner_name\":\"P\",\"retailer_item_id\":\"r\"}",
            "{\"retailer_item_id\":\"r\",\"partner_name\":\"P\",\"platform\":\"fb\",\"is_organic\":true,"
                    + "\"custom_disclaimer_responses\":[{\"is_checked\":\"1\",\"checkbox_key\":\"k1\"}],"
                    + "\"field_data\":[{\"values\":[\"Олена\"],\"name\":\"full_name\"},"
                    + "{\"name\":\"x\",\"name\":\"multi\",\"values\":[\"z\"],\"values\":[\"a\",\"b\"]}],"
                    + "\"form_id\":\"f\",\"campaign_name\":\"Весна\",\"campaign_id\":\"c\",\"adset_name\":\"Set\","
                    + "\"adset_id\":\"s\",\"ad_name\":\"Ad\",\"ad_id\":\"a\",\"created_time\":\"2025-10-08T09:09:27+0000\","
                    + "\"id\":\"7\"}",
            // fields missing: the stored columns fill in
            "{\"id\":\"2\",\"field_data\":[]}",
            "{}",
            // nulls, escapes, unknown nested fields, duplicate keys (last wins)
            "{\"id\":null,\"ad_name\":\"a\\\"b\\\\c\\u00e9\",\"x\":{\"y\":[1,{\"z\":null}]},\"platform\":\"fb\","
                    + "\"platform\":\"ig\",\"is_organic\":null,\"field_data\":null,\"custom_disclaimer_responses\":null}",
            "{\"is_organic\":\"true\",\"field_data\":[{\"values\":[\"no name\"],\"extra\":[1,2]},{\"name\":\"n\"}]}",
            "{\"is_organic\":\"1\",\"custom_disclaimer_responses\":[{\"is_checked\":\"TRUE\"},{\"checkbox_key\":\"k\"},"
                    + "{\"checkbox_key\":\"n\",\"is_checked\":null},{\"checkbox_key\":\"f\",\"is_checked\":false}]}",
            // numbers, nesting and wrappers where the usual shape has text and lists
            "{\"id\":123,\"is_organic\":1,\"field_data\":[{\"name\":\"n\",\"values\":[1,true,null,{\"a\":1}]}]}",
            "{\"ad_name\":{\"nested\":true},\"created_time\":[1,2],\"platform\":false}",
            "{\"field_data\":{\"a\":{\"name\":\"x\",\"values\":[\"v\"]}}}",
            "{\"field_data\":[\"text\",[\"x\"]],\"custom_disclaimer_responses\":\"yes\"}",
            "{\"field_data\":[{\"name\":\"n\",\"values\":\"v\"}],\"custom_disclaimer_responses\":[{\"is_checked\":1}]}",
            // not an object, broken, empty, trailing text
            "[1,2]", "\"text\"", "{\"id\":\"3\",", "", "{\"id\":\"4\"} trailing", "{\"id\":\"5\",\"field_data\":[{]}");

    /** Every lead JSON shape both corpora hold that a Graph page can carry (the first 13 of SHAPES are objects). */
    static List<String> corpus() {
        List<String> out = new ArrayList<>();
        LeadShapes.all().forEach(s -> out.add(s.json()));
        out.addAll(SHAPES.subList(0, 13));
        return out;
    }

    /** The columns the store writes for a lead it was given (the fallback of every later read). */
    static LeadJson.Columns storedColumns(Lead l) {
        return new LeadJson.Columns(l.id(), l.createdTime(), l.createdEpochSecond(), l.formId(), l.adId(), l.adName(),
                l.adsetId(), l.adsetName(), l.campaignId(), l.campaignName(), l.isOrganic(), l.platform());
    }

    static Lead withRaw(Lead l, String raw) {
        return LeadBuilder.from(l).raw(raw).build();
    }

    static List<String> contact(List<FieldAnswer> answers) {
        ContactFields who = ContactFields.of(LeadShapes.QUESTIONS, answers);
        return List.of(who.displayName(), who.email(), who.phone());
    }

    /**
     * The property: for every shape, the lead the sync parses from a Graph page is the lead every cache read parses
     * back from the same raw JSON (text, bytes, bytes without the raw text), and the name/email/phone the store's
     * columns hold agree with both.
     */
    @Test
    void theCacheReadsEveryShapeBackAsTheSyncParsedIt() {
        for (String raw : corpus()) {
            List<Lead> page = GraphPages.leads("{\"data\":[" + raw + "],\"paging\":{\"cursors\":{\"after\":\"A\"}}}");
            assertThat(page).as(raw).hasSize(1);
            Lead sync = page.get(0);
            assertThat(sync.rawJson()).isEqualTo(raw);
            LeadJson.Columns cols = storedColumns(sync);
            byte[] utf8 = raw.getBytes(StandardCharsets.UTF_8);
            Lead fromBytes = LeadJson.parse(utf8, cols, true);
            assertThat(fromBytes).as(raw).isEqualTo(sync);
            assertThat(LeadJson.parse(raw, cols)).as(raw).isEqualTo(sync);
            assertThat(withRaw(LeadJson.parse(utf8, cols, false), raw)).as(raw).isEqualTo(sync);
            assertThat(contact(fromBytes.fieldData())).as(raw).isEqualTo(contact(sync.fieldData()));
        }
        for (LeadShapes.Shape s : LeadShapes.all()) {
            Lead cached = LeadJson.parse(s.json().getBytes(StandardCharsets.UTF_8), storedColumns(s.expected()), false);
            assertThat(contact(cached.fieldData())).as(s.name()).containsExactly(s.contactName(), s.email(), s.phone());
        }
    }

    /**
     * The same through a real cache: every shape synced into a LeadStore reads back (detail read, the export's raw
     * stream with and without the raw text) as the sync parsed it, and the name/email/phone columns of the leads
     * table are those the read-back lead gives. The store's one addition: a lead without form_id is filed under the
     * form it was fetched for.
     */
    @Test
    void everyShapeSyncedIntoAStoreReadsBackAsSynced(@TempDir Path dir) {
        LeadForm form = new LeadForm("F1", "p-1", "Corpus", "ACTIVE", "en_US", LeadShapes.T, 0, 0, 0,
                LeadShapes.QUESTIONS, null, null, "{\"id\":\"F1\"}");
        List<LeadShapes.Shape> shapes = LeadShapes.all().stream().filter(s -> s.expected().id() != null).toList();
        StringBuilder body = new StringBuilder("{\"data\":[");
        for (int i = 0; i < shapes.size(); i++) {
            body.append(i == 0 ? "" : ",").append(shapes.get(i).json());
        }
        List<Lead> synced = GraphPages.leads(body.append("]}").toString());
        try (LeadStore store = LeadStore.open(dir.resolve("leaddesk.db"))) {
            store.upsertPage(new PageInfo("p-1", "Page", new AccessToken("EAAGsecretPAGEtoken123456"), List.of()));
            store.upsertForms("p-1", List.of(form));
            store.upsertLeads("p-1", form, synced, Instant.parse("2025-10-09T00:00:00Z"));

            Map<String, Lead> read = new HashMap<>();
            for (Lead l : synced) {
                Lead back = store.lead(l.id()).orElseThrow().lead();
                Lead expected = l.formId() != null ? l : LeadBuilder.from(l).form(form.id()).build();
                assertThat(back).as(l.rawJson()).isEqualTo(expected);
                read.put(l.id(), back);
            }
            List<Lead> streamed = new ArrayList<>();
            List<Lead> streamedNoRaw = new ArrayList<>();
            store.forEachRawLead(LeadQuery.all(), r -> {
                streamed.add(r.parse().lead());
                streamedNoRaw.add(r.parseWithoutRawJson().lead());
            });
            assertThat(streamed).hasSize(shapes.size());
            for (int i = 0; i < streamed.size(); i++) {
                Lead l = streamed.get(i);
                assertThat(l).isEqualTo(read.get(l.id()));
                assertThat(withRaw(streamedNoRaw.get(i), l.rawJson())).isEqualTo(l);
            }
            List<LeadRow> rows = store.rows(LeadQuery.all(), 0, 1_000);
            assertThat(rows).hasSize(shapes.size());
            Map<String, LeadShapes.Shape> byId = new HashMap<>();
            shapes.forEach(s -> byId.put(s.expected().id(), s));
            for (LeadRow row : rows) {
                LeadShapes.Shape s = byId.get(row.id());
                assertThat(List.of(row.name(), row.email(), row.phone())).as(s.name())
                        .isEqualTo(contact(read.get(row.id()).fieldData()))
                        .containsExactly(s.contactName(), s.email(), s.phone());
            }
        }
    }

    /** UTF-8 bytes that are not well-formed, inside the usual shape, each as its own lead. */
    static List<byte[]> illFormed() {
        int[][] seqs = {{0xC0, 0x80}, {0xC1, 0x81}, {0xE0, 0x80, 0x80}, {0xED, 0xA0, 0x80}, {0xED, 0xBF, 0xBF},
            {0xF0, 0x80, 0x80, 0x80}, {0xF4, 0x90, 0x80, 0x80}, {0xF5, 0x80, 0x80, 0x80}, {0xF8, 0x88, 0x80, 0x80},
            {0x80}, {0xBF}, {0xD0}, {0xD0, 0x41}, {0xE2, 0x82}, {0xFF}, {0xFE}};
        List<byte[]> out = new java.util.ArrayList<>();
        for (int[] seq : seqs) {
            // at every offset within an 8-byte word (the check reads words), in a value, a key and between tokens
            for (String where : List.of("value", "value1", "value2", "value3", "value4", "value5", "value6", "value7",
                    "name", "outside")) {
                java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
                byte[] bad = new byte[seq.length];
                for (int i = 0; i < seq.length; i++) {
                    bad[i] = (byte) seq[i];
                }
                String before = switch (where) {
                    case "name" -> "{\"id\":\"1\",\"field_data\":[{\"name\":\"n";
                    case "outside" -> "{\"id\":\"1\",";
                    default -> "{\"id\":\"1\",\"field_data\":[{\"name\":\"n\",\"values\":[\"a"
                            + "x".repeat(where.length() - 5);
                };
                String after = switch (where) {
                    case "name" -> "\",\"values\":[\"v\"]}]}";
                    case "outside" -> "\"x\":1}";
                    default -> "b\"]}]}";
                };
                b.writeBytes(before.getBytes(StandardCharsets.UTF_8));
                b.writeBytes(bad);
                b.writeBytes(after.getBytes(StandardCharsets.UTF_8));
                out.add(b.toByteArray());
            }
        }
        // a byte order mark, zero bytes that would look like UTF-16/32, a string that is not an object
        out.add(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        out.add(new byte[] {'{', 0, '}', 0});
        out.add(new byte[] {0, '{', 0, '}'});
        out.add("[\"x\"]".getBytes(StandardCharsets.UTF_8));
        out.add(new byte[0]);
        return out;
    }

    @Test
    void parsingTheStoredBytesGivesWhatParsingTheDecodedTextGives() {
        List<byte[]> all = new java.util.ArrayList<>(illFormed());
        SHAPES.forEach(s -> all.add(s.getBytes(StandardCharsets.UTF_8)));
        for (byte[] raw : all) {
            String text = new String(raw, StandardCharsets.UTF_8);
            Lead expected = LeadJson.parse(text, COLS);
            assertThat(LeadJson.parse(raw, COLS, true)).as(text).isEqualTo(expected);
            Lead withoutRaw = LeadJson.parse(raw, COLS, false);
            assertThat(withoutRaw.rawJson()).as(text).isIn(null, text);
            assertThat(LeadBuilder.from(withoutRaw).raw(text).build())
                    .as(text).isEqualTo(expected);
        }
    }

    @Test
    void usualLeadIsParsedFieldByField() {
        Lead l = LeadJson.parse(SHAPES.get(0), COLS);
        assertThat(l.id()).isEqualTo("1");
        assertThat(l.createdEpochSecond()).isEqualTo(COLS.createdEpoch());
        assertThat(l.campaignName()).isEqualTo("Весна");
        assertThat(l.isOrganic()).isFalse();
        assertThat(l.partnerName()).isEqualTo("P");
        assertThat(l.fieldData()).extracting(a -> a.name() + "=" + a.values())
                .containsExactly("full_name=[Олена 😀]", "multi=[a, b, c]", "skipped=[]");
        assertThat(l.disclaimerResponses()).extracting(d -> d.checkboxKey() + "=" + d.checked())
                .containsExactly("k1=true", "k2=false", "k3=true");
        // the same lead with its names in the usual order and in reverse (swapped, repeated) order
        Lead usual = LeadJson.parse(SHAPES.get(1).getBytes(StandardCharsets.UTF_8), COLS, false);
        Lead reversed = LeadJson.parse(SHAPES.get(2).getBytes(StandardCharsets.UTF_8), COLS, false);
        assertThat(reversed).isEqualTo(usual);
        assertThat(usual.fieldData()).extracting(a -> a.name() + "=" + a.values())
                .containsExactly("full_name=[Олена]", "multi=[a, b]");
        assertThat(usual.platform()).isEqualTo("fb");
        assertThat(usual.retailerItemId()).isEqualTo("r");
        Lead sparse = LeadJson.parse("{}", COLS);
        assertThat(sparse.id()).isEqualTo("col-id");
        assertThat(sparse.isOrganic()).isTrue();
        assertThat(sparse.platform()).isEqualTo("col-pf");
        assertThat(sparse.partnerName()).isNull();
    }
}
