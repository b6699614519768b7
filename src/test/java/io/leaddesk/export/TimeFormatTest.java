package io.leaddesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeFormatTest {

    @Test
    void fastFormatterWritesExactlyIsoOffsetDateTime() {
        Random r = new Random(42);
        for (ZoneId z : List.of(ZoneOffset.UTC, ZoneId.of("Europe/Kyiv"), ZoneId.of("America/St_Johns"), ZoneId.of("Asia/Kathmandu"))) {
            for (int i = 0; i < 20_000; i++) {
                long s = i < 3 ? new long[] {0, 1_760_000_000L, 1_760_000_040L}[i] : r.nextLong(4_000_000_000L);
                String expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochSecond(s).atZone(z).toOffsetDateTime());
                assertThat(LeadRowData.formatTime(s, z.getRules())).isEqualTo(expected);
            }
        }
        assertThat(LeadRowData.formatTime(1_760_000_040L, ZoneOffset.UTC.getRules())).isEqualTo("2025-10-09T08:54:00Z");
    }
}
