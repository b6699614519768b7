package io.leaddesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PhoneNormalizerTest {

    @Test
    void internationalNumbersNeedNoRegion() {
        PhoneNormalizer p = new PhoneNormalizer(null);
        assertThat(p.e164("+380 (50) 123-45-67", "")).isEqualTo("+380501234567");
        assertThat(p.e164("050 123 45 67", "")).isEmpty();
    }

    @Test
    void countryAnswerBeatsTheDefaultRegion() {
        PhoneNormalizer p = new PhoneNormalizer("DE");
        assertThat(p.e164("050 123 45 67", "UA")).isEqualTo("+380501234567");
        assertThat(p.e164("050 123 45 67", "ua")).isEqualTo("+380501234567");
        assertThat(p.e164("050 123 45 67", "Україна")).isEqualTo("+380501234567");
        assertThat(p.e164("050 123 45 67", "Украина")).isEqualTo("+380501234567");
        assertThat(p.e164("050 123 45 67", "Ukraine")).isEqualTo("+380501234567");
        assertThat(p.e164("030 901820", "Atlantis")).isEqualTo("+4930901820");
        assertThat(p.e164("030 901820", "")).isEqualTo("+4930901820");
    }

    @Test
    void garbageGivesAnEmptyCellNotAGuess() {
        PhoneNormalizer p = new PhoneNormalizer("UA");
        assertThat(p.e164("call me", "")).isEmpty();
        assertThat(p.e164("123", "")).isEmpty();
        assertThat(p.e164("", "")).isEmpty();
        assertThat(p.e164(null, null)).isEmpty();
        assertThat(p.dedupeKey("(123) 45", "")).isEqualTo("12345");
        assertThat(p.dedupeKey("050 123 45 67", "")).isEqualTo("+380501234567");
    }

    @Test
    void unknownDefaultRegionIsRefused() {
        assertThatThrownBy(() -> new PhoneNormalizer("XX")).hasMessageContaining("Unknown default region 'XX'");
    }
}
