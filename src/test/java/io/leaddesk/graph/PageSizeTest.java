package io.leaddesk.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 15: the page size grows after full pages, up to its ceiling, and stops at the first sign it is not welcome. */
class PageSizeTest {

    @Test
    void twoFullPagesInARowDoubleTheSizeUpToTheCeiling() {
        PageSize size = PageSize.growing(500, PageSize.growthCeiling(500));
        assertThat(size.ceiling()).isEqualTo(1000);
        size.answered(500, 500, true);
        assertThat(size.get()).as("one full page is not yet enough").isEqualTo(500);
        size.answered(500, 500, true);
        assertThat(size.get()).isEqualTo(1000);
        size.answered(1000, 1000, true);
        size.answered(1000, 1000, true);
        assertThat(size.get()).as("never above the ceiling").isEqualTo(1000);
        assertThat(size.halvings()).isZero();
        assertThat(size.refusedLarger()).isFalse();
    }

    @Test
    void theLastPageOfARangeAndPagesAskedBeforeAChangeSayNothing() {
        PageSize size = PageSize.growing(200, 400);
        size.answered(200, 200, false);
        size.answered(200, 200, false);
        assertThat(size.get()).isEqualTo(200);
        size.answered(200, 200, true);
        size.answered(100, 100, true); // stale: asked at another size
        assertThat(size.get()).isEqualTo(200);
    }

    @Test
    void aRefusedLargerPageIsNeverAskedForAgainAndTheStartSizeIsNotCountedAsAHalving() {
        PageSize size = PageSize.growing(500, 1000);
        size.answered(500, 500, true);
        size.answered(500, 500, true);
        size.refused(1000);
        assertThat(size.get()).isEqualTo(500);
        assertThat(size.ceiling()).isEqualTo(500);
        assertThat(size.halvings()).as("500 is where it started").isZero();
        assertThat(size.refusedLarger()).isTrue();
        size.answered(500, 500, true);
        size.answered(500, 500, true);
        assertThat(size.get()).isEqualTo(500);

        size.refused(500);
        assertThat(size.get()).isEqualTo(250);
        assertThat(size.halvings()).isEqualTo(1);
        size.answered(250, 250, true);
        size.answered(250, 250, true);
        assertThat(size.get()).as("no growth back after a refusal").isEqualTo(250);
    }

    @Test
    void aShortPageWithMoreToFollowStopsTheGrowth() {
        PageSize size = PageSize.growing(100, 1000);
        size.answered(100, 100, true);
        size.answered(100, 100, true);
        assertThat(size.get()).isEqualTo(200);
        size.answered(200, 150, true); // a server that caps limit at 150 silently
        size.answered(200, 150, true);
        size.answered(200, 150, true);
        assertThat(size.get()).isEqualTo(200);
        assertThat(size.ceiling()).isEqualTo(200);
        assertThat(size.refusedLarger()).isTrue();
    }

    @Test
    void aPlainSizeNeverGrowsAndTheCeilingRespectsALargeConfiguredSize() {
        PageSize plain = new PageSize(300);
        plain.answered(300, 300, true);
        plain.answered(300, 300, true);
        assertThat(plain.get()).isEqualTo(300);
        assertThat(PageSize.growthCeiling(2000)).as("a large LEADDESK_PAGE_SIZE is used as it is").isEqualTo(2000);
        assertThat(PageSize.growthCeiling(700)).isEqualTo(1000);
        assertThat(PageSize.growthCeiling(100)).isEqualTo(200);
    }
}
