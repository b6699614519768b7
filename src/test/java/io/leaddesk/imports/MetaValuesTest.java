package io.leaddesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The values of Meta's download as Graph writes them. */
class MetaValuesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-10-08T09:09:27+0000     | 2025-10-08T09:09:27+0000",
            "2025-10-08T09:09:27+00:00    | 2025-10-08T09:09:27+0000",
            "2025-10-08T09:09:27Z         | 2025-10-08T09:09:27+0000",
            "2025-10-08T09:09:27.123Z     | 2025-10-08T09:09:27+0000",
            "2025-10-08T12:09:27+03:00    | 2025-10-08T09:09:27+0000",
            "2025-10-08T02:09:27-0700     | 2025-10-08T09:09:27+0000",
            "2025-10-08T12:09:27+03       | 2025-10-08T09:09:27+0000",
            "2025-10-08 12:09:27 +03:00   | 2025-10-08T09:09:27+0000",
            "2025-10-08T14:39:27+05:30    | 2025-10-08T09:09:27+0000",
            "2025-10-08T09:09+0000        | 2025-10-08T09:09:00+0000",
            "2025-10-08T09:09:27 UTC      | 2025-10-08T09:09:27+0000",
            "1759914567                   | 2025-10-08T09:09:27+0000",
    })
    void createdTimeVariantsBecomeGraphsForm(String cell, String graph) {
        Instant t = MetaValues.created(cell);
        assertThat(t).isNotNull();
        assertThat(MetaValues.graphTime(t)).isEqualTo(graph);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2025-10-08", "2025-10-08T09:09:27", "08/10/2025 09:09", "2025-02-30T10:00:00Z",
            "2025-10-08T09:09:27+25:00"})
    void aTimeWithoutADateTimeAndOffsetIsRefused(String cell) {
        assertThat(MetaValues.created(cell)).isNull();
    }

    @Test
    void prefixesComeOffIdsAndPhones() {
        assertThat(MetaValues.id("l:2490000000000101", MetaValues.LEAD)).isEqualTo("2490000000000101");
        assertThat(MetaValues.id("2490000000000101", MetaValues.LEAD)).isEqualTo("2490000000000101");
        assertThat(MetaValues.id(" f:900 ", MetaValues.FORM)).isEqualTo("900");
        assertThat(MetaValues.id("l:abc", MetaValues.LEAD)).isNull();
        assertThat(MetaValues.id("f:123", MetaValues.LEAD)).as("another type's prefix").isNull();
        assertThat(MetaValues.strip("ag:120200000000101", MetaValues.AD)).isEqualTo("120200000000101");
        assertThat(MetaValues.strip("as:1", MetaValues.ADSET)).isEqualTo("1");
        assertThat(MetaValues.strip("c:1", MetaValues.CAMPAIGN)).isEqualTo("1");
        assertThat(MetaValues.strip("", MetaValues.AD)).isNull();
        assertThat(MetaValues.phone("p:+380631045546")).isEqualTo("+380631045546");
        assertThat(MetaValues.phone("+380631045546")).isEqualTo("+380631045546");
        assertThat(MetaValues.isPrefixedPhone("p:+380631045546")).isTrue();
        assertThat(MetaValues.isPrefixedPhone("p:(202) 555-0123")).isTrue();
        assertThat(MetaValues.isPrefixedPhone("p: nothing")).isFalse();
    }

    @Test
    void isOrganicReadsTrueFalseAndOneZero() {
        assertThat(MetaValues.organic("true")).isEqualTo(Boolean.TRUE);
        assertThat(MetaValues.organic("TRUE")).isEqualTo(Boolean.TRUE);
        assertThat(MetaValues.organic("1")).isEqualTo(Boolean.TRUE);
        assertThat(MetaValues.organic("false")).isEqualTo(Boolean.FALSE);
        assertThat(MetaValues.organic("0")).isEqualTo(Boolean.FALSE);
        assertThat(MetaValues.organic("")).isNull();
        assertThat(MetaValues.organic("maybe")).isSameAs(MetaValues.INVALID);
    }

    @Test
    void platformsKeepGraphsShortNames() {
        assertThat(MetaValues.platform("fb")).isEqualTo("fb");
        assertThat(MetaValues.platform("IG")).isEqualTo("ig");
        assertThat(MetaValues.platform("Instagram")).isEqualTo("ig");
        assertThat(MetaValues.platform(" ")).isNull();
    }
}
