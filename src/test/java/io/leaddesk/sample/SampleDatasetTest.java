package io.leaddesk.sample;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleDatasetTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void sameSeedSameBytesOtherSeedOtherPeople() {
        SampleDataset a = SampleDataset.generate(42, 5000, NOW);
        SampleDataset b = SampleDataset.generate(42, 5000, NOW);
        SampleDataset c = SampleDataset.generate(43, 5000, NOW);
        String formId = a.pages().get(0).forms().get(0).id();
        int differing = 0;
        for (int i = 0; i < 50; i++) {
            assertThat(a.leadJson(formId, i)).isEqualTo(b.leadJson(formId, i));
            differing += a.leadJson(formId, i).equals(c.leadJson(formId, i)) ? 0 : 1;
        }
        assertThat(differing).isGreaterThan(40);
        assertThat(a.leadId(formId, 3)).isEqualTo(c.leadId(formId, 3)); // ids and structure are stable
    }

    @Test
    void leadsLieWithinEightyDaysAndAreOrderedByIndex() {
        SampleDataset d = SampleDataset.generate(42, 20_000, NOW);
        for (SampleForm f : d.allForms()) {
            long previous = Long.MIN_VALUE;
            for (int i = 0; i < f.leadCount(); i++) {
                long t = d.leadCreatedEpochSecond(f.id(), i);
                assertThat(t).isGreaterThanOrEqualTo(previous)
                        .isBetween(NOW.getEpochSecond() - 80 * 86_400L, NOW.getEpochSecond() - 1);
                previous = t;
            }
        }
        assertThat(d.totalLeadCount()).isEqualTo(20_000);
    }

    @Test
    void leadJsonIsValidAndHonoursFields() throws Exception {
        SampleDataset d = SampleDataset.generate(7, 2000, NOW);
        for (SampleForm f : d.allForms()) {
            for (int i = 0; i < f.leadCount(); i++) {
                JsonNode lead = Http.JSON.readTree(d.leadJson(f.id(), i));
                assertThat(lead.path("id").asText()).isEqualTo(d.leadId(f.id(), i));
                assertThat(lead.path("form_id").asText()).isEqualTo(f.id());
                assertThat(lead.path("field_data").size()).isEqualTo(f.questionKeys().size());
                assertThat(lead.has("custom_disclaimer_responses")).isEqualTo(f.hasDisclaimer());
                assertThat(lead.has("ad_id")).isEqualTo(!lead.path("is_organic").asBoolean());
            }
        }
        String formId = d.pages().get(2).forms().get(0).id();
        assertThat(d.leadJson(formId, 0, "id")).isEqualTo("{\"id\":\"" + d.leadId(formId, 0) + "\"}");
        assertThatThrownBy(() -> d.leadJson(formId, 0, "id,shoe_size")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> d.leadJson(formId, (int) d.leadCount(formId), null))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void formCountsAddUp() {
        SampleDataset d = SampleDataset.generate(42, 10_000, NOW);
        for (SampleForm f : d.allForms()) {
            long organic = 0;
            for (int i = 0; i < f.leadCount(); i++) {
                organic += d.leadJson(f.id(), i, "is_organic").contains("true") ? 1 : 0;
            }
            assertThat(f.organicLeadsCount()).as(f.name()).isEqualTo(organic);
        }
        assertThat(d.allForms()).anyMatch(f -> f.status().equals("ACTIVE") && f.leadCount() == 0);
        assertThat(d.allForms()).anyMatch(f -> f.status().equals("DRAFT") && f.leadCount() == 0);
        assertThat(d.allForms()).anyMatch(f -> f.expiredLeadsCount() > 0);
    }

    @Test
    void aMillionLeadsAreMadeOnDemandNotUpFront() {
        // the time it takes is a benchmark's figure (SampleServerBenchmarkTest), not asserted here
        SampleDataset d = SampleDataset.generate(42, 1_000_000, NOW);
        assertThat(d.totalLeadCount()).isEqualTo(1_000_000);
        SampleForm f = d.pages().get(0).forms().get(0);
        assertThat(d.leadJson(f.id(), (int) f.leadCount() - 1)).startsWith("{\"id\":\"");
    }
}
