package io.leaddesk.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.leaddesk.model.LeadShapes.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every shape of the corpus reads as decided (LeadReader's table), through each of the reader's entry points. */
class LeadReaderTest {

    static final JsonFactory JSON = JsonFactory.builder().build();

    /** Stored columns that know nothing but the instant: whatever a lead reads as comes from its JSON alone. */
    record Columns(String id, String createdRaw, long createdEpoch, String formId, String adId, String adName,
                   String adsetId, String adsetName, String campaignId, String campaignName, Boolean organic,
                   String platform) implements LeadReader.Fallback {
        static Columns onlyEpoch(long epoch) {
            return new Columns(null, null, epoch, null, null, null, null, null, null, null, null, null);
        }

        static final Columns FULL = new Columns("col-id", "2025-01-01T00:00:00+0000", 1_735_689_600L, "col-form",
                "col-ad", "Col Ad", "col-adset", "Col Set", "col-camp", "Col Campaign", Boolean.TRUE, "col-pf");
    }

    static Lead fromGraph(String json) throws IOException {
        char[] chars = json.toCharArray();
        try (JsonParser p = JSON.createParser(chars, 0, chars.length)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            Lead lead = LeadReader.fromGraph(p, json);
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(p.nextToken()).isNull();
            return lead;
        }
    }

    static Lead withoutRaw(Lead l) {
        return LeadBuilder.from(l).raw(null).build();
    }

    @Test
    void theCorpusHoldsTheIssuesShapesAndManyMore() {
        List<String> names = LeadShapes.all().stream().map(Shape::name).toList();
        assertThat(names).contains("values with null entries", "values as a bare scalar",
                "field_data wrapped as {\"data\":[...]}", "an answer and a checkbox without a key");
        assertThat(names).hasSizeGreaterThan(30).doesNotHaveDuplicates();
        assertThat(LeadShapes.all().stream().map(s -> s.expected().id()).filter(id -> id != null))
                .doesNotHaveDuplicates();
    }

    @Test
    void everyShapeReadFromAGraphResponseIsTheDecidedLead() throws IOException {
        for (Shape s : LeadShapes.all()) {
            Lead lead = fromGraph(s.json());
            assertThat(lead).as(s.name()).isEqualTo(s.expected());
            assertThat(lead.rawJson()).as(s.name()).isEqualTo(s.json());
        }
    }

    @Test
    void everyShapeReadFromTheCacheIsTheDecidedLeadFromItsJsonAlone() {
        for (Shape s : LeadShapes.all()) {
            Columns none = Columns.onlyEpoch(s.expected().createdEpochSecond());
            byte[] utf8 = s.json().getBytes(StandardCharsets.UTF_8);
            assertThat(LeadReader.fromStored(s.json(), none)).as(s.name()).isEqualTo(s.expected());
            assertThat(LeadReader.fromStored(utf8, none, true)).as(s.name()).isEqualTo(s.expected());
            Lead noRaw = LeadReader.fromStored(utf8, none, false);
            // null whenever the byte parser read it (a text too short for the byte path keeps its decoded text)
            assertThat(noRaw.rawJson()).as(s.name()).isIn(null, s.json());
            assertThat(withoutRaw(noRaw)).as(s.name()).isEqualTo(withoutRaw(s.expected()));
        }
    }

    @Test
    void theContactColumnsOfEveryShapeAreTheDecidedOnes() {
        for (Shape s : LeadShapes.all()) {
            ContactFields who = ContactFields.of(LeadShapes.QUESTIONS, s.expected().fieldData());
            assertThat(List.of(who.displayName(), who.email(), who.phone())).as(s.name())
                    .containsExactly(s.contactName(), s.email(), s.phone());
        }
    }

    @Test
    void nullEntriesOfValuesNeverBecomeTheTextNull() throws IOException {
        String json = "{\"id\":\"n\",\"field_data\":[{\"name\":\"full_name\",\"values\":[null,\"x\"]}]}";
        Lead sync = fromGraph(json);
        Lead cached = LeadReader.fromStored(json.getBytes(StandardCharsets.UTF_8), Columns.onlyEpoch(0), false);
        assertThat(sync.fieldData()).containsExactly(new FieldAnswer("full_name", List.of("x")));
        assertThat(cached.fieldData()).isEqualTo(sync.fieldData());
        assertThat(ContactFields.of(List.of(), cached.fieldData()).fullName()).isEqualTo("x");
    }

    @Test
    void storedColumnsFillInOnlyWhatTheJsonLacks() {
        Lead sparse = LeadReader.fromStored("{\"id\":\"9\",\"platform\":null,\"ad_name\":{\"x\":1}}", Columns.FULL);
        assertThat(sparse.id()).isEqualTo("9");
        assertThat(sparse.platform()).isEqualTo("col-pf");
        assertThat(sparse.adName()).isEqualTo("Col Ad");
        assertThat(sparse.isOrganic()).isTrue();
        assertThat(sparse.createdEpochSecond()).isEqualTo(Columns.FULL.createdEpoch());
        assertThat(sparse.partnerName()).isNull();
        Lead json = LeadReader.fromStored("{\"id\":\"9\",\"platform\":\"ig\",\"is_organic\":\"0\"}", Columns.FULL);
        assertThat(json.platform()).isEqualTo("ig");
        assertThat(json.isOrganic()).isFalse();
    }

    @Test
    void damagedStoredJsonGivesTheLeadOfItsColumns() {
        for (String raw : new String[] {"[1,2]", "\"text\"", "{\"id\":\"3\",", "", "{\"id\":\"5\",\"field_data\":[{]}",
            "{\"id\":\"6\" \"x\":1}", null}) {
            Lead l = LeadReader.fromStored(raw, Columns.FULL);
            assertThat(l.id()).as(raw).isEqualTo("col-id");
            assertThat(l.platform()).as(raw).isEqualTo("col-pf");
            assertThat(l.fieldData()).as(raw).isEmpty();
            assertThat(l.rawJson()).as(raw).isEqualTo(raw);
            if (raw != null) {
                assertThat(LeadReader.fromStored(raw.getBytes(StandardCharsets.UTF_8), Columns.FULL, true)).as(raw)
                        .isEqualTo(l);
            }
        }
    }

    @Test
    void brokenGraphJsonFails() {
        assertThatThrownBy(() -> fromGraph("{\"id\":\"1\",\"field_data\":[{\"name\":}]}"))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> fromGraph("{\"id\":\"1\"")).isInstanceOf(IOException.class);
    }

    @Test
    void leadsWrittenByHandReadBackAsThemselves() {
        List<Lead> leads = new ArrayList<>();
        LeadShapes.all().forEach(s -> leads.add(s.expected()));
        leads.add(LeadBuilder.lead("h1").created(null).answer("a \"q\"", "x\ny", "😀").build());
        for (Lead l : leads) {
            String json = LeadWriter.graphJson(l);
            Lead back = LeadReader.fromStored(json, Columns.onlyEpoch(l.createdEpochSecond()));
            assertThat(withoutRaw(back)).as(json).isEqualTo(withoutRaw(l));
            assertThat(back.rawJson()).isSameAs(json);
        }
    }

    @Test
    void handWrittenJsonIsGraphShaped() {
        Lead l = LeadBuilder.lead("7").created("2025-10-08T09:09:27+0000", LeadShapes.EPOCH).form("F1").organic(true)
                .platform("fb").answer("email", "a@b.c").disclaimer("consent", true).disclaimer("news", false).build();
        assertThat(LeadWriter.graphJson(l)).isEqualTo("{\"id\":\"7\",\"created_time\":\"2025-10-08T09:09:27+0000\","
                + "\"form_id\":\"F1\",\"field_data\":[{\"name\":\"email\",\"values\":[\"a@b.c\"]}],"
                + "\"custom_disclaimer_responses\":[{\"checkbox_key\":\"consent\",\"is_checked\":\"1\"},"
                + "{\"checkbox_key\":\"news\",\"is_checked\":\"\"}],\"is_organic\":true,\"platform\":\"fb\"}");
    }

    @Test
    void truthOfMetasYesNoText() {
        assertThat(List.of("1", "true", "TRUE", " True ")).allSatisfy(s -> assertThat(LeadReader.truthOf(s)).isTrue());
        assertThat(List.of("0", "false", "", "  ", "FALSE")).allSatisfy(s -> assertThat(LeadReader.truthOf(s)).isFalse());
        assertThat(List.of("yes", "2", "maybe")).allSatisfy(s -> assertThat(LeadReader.truthOf(s)).isNull());
        assertThat(LeadReader.truthOf(null)).isNull();
    }

    @Test
    void createdTimeVariants() {
        long t = LeadShapes.EPOCH;
        assertThat(CreatedTime.epochSeconds("1970-01-01T00:00:00+0000")).isZero();
        assertThat(CreatedTime.epochSeconds("2025-10-08T09:09:27+0000")).isEqualTo(t);
        assertThat(CreatedTime.epochSeconds("2025-10-08T11:09:27+0200")).isEqualTo(t);
        assertThat(CreatedTime.epochSeconds("2025-10-08T04:09:27-05:00")).isEqualTo(t);
        assertThat(CreatedTime.epochSeconds("2025-10-08T04:09:27-05")).isEqualTo(t);
        assertThat(CreatedTime.epochSeconds("2025-10-08T09:09:27.5Z")).isEqualTo(t);
        assertThat(CreatedTime.epochSeconds("2025-10-08t09:09:27z")).isEqualTo(t);
        assertThat(CreatedTime.epochSeconds(" 2025-10-08T09:09:27+0000 ")).isEqualTo(t);
        assertThat(CreatedTime.epochSeconds("2024-02-29T12:00:00Z")).isEqualTo(1_709_208_000L);
        assertThat(CreatedTime.epochSeconds("1759914567")).isEqualTo(t);
        assertThat(CreatedTime.epochSeconds("1759914567123")).isEqualTo(t);
        assertThat(CreatedTime.epochSeconds("1969-12-31T23:59:59+0000")).isEqualTo(-1);
        for (String bad : new String[] {null, "", "x", "2025-13-01T00:00:00+0000", "2025-10-08T24:00:00+0000",
            "2025-10-08T09:09:27+2500", "2025-10-08T09:09:27+00:0", "2025-10-08T09:09:27.+0000", "2023-02-29",
            "2025-10-08X09:09:27", "2025-10-08T09", "-1759914567", "99999999999999999999", "2025-1-8"}) {
            assertThat(CreatedTime.epochSeconds(bad)).as(bad).isZero();
        }
    }
}
