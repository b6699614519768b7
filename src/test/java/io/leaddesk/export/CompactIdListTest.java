package io.leaddesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactIdListTest {

    @Test
    void keepsEveryIdInOrderAcrossChunksAndCanBeIteratedTwice() {
        CompactIdList ids = new CompactIdList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 150_000; i++) {
            String id = (i % 1000 == 0 ? "лід-" : "") + (1_000_000_000_000_000L + i);
            ids.add(id);
            expected.add(id);
        }
        assertThat(ids).hasSize(150_000);
        assertThat(new ArrayList<>(ids)).isEqualTo(expected);
        assertThat(new ArrayList<>(ids)).isEqualTo(expected);
        assertThat(new CompactIdList()).isEmpty();
    }
}
