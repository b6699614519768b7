package io.leaddesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.PageSize;
import io.leaddesk.store.SyncState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15: how pulls are cut into ranges, and how the page size that worked is remembered and probed again. */
class SlicePlanTest {
    private static final long NOW = 1_800_000_000L;

    @Test
    void rangesTouchWithoutGapsOrOverlapsAndCoverEverythingFromThePullsLowerEnd() {
        for (Long from : new Long[]{null, NOW - 86_400, NOW - 5}) {
            for (int k = 1; k <= 8; k++) {
                List<SyncState.Range> r = SlicePlan.cut(from, NOW, k);
                assertThat(r.get(0).hi()).as("the newest has no upper end").isNull();
                assertThat(r.get(r.size() - 1).lo()).as("the oldest keeps the pull's lower end").isEqualTo(from);
                for (int i = 1; i < r.size(); i++) {
                    assertThat(r.get(i).hi()).as("touching").isEqualTo(r.get(i - 1).lo());
                    assertThat(r.get(i).hi()).isGreaterThan(r.get(i).lo() == null ? Long.MIN_VALUE : r.get(i).lo());
                }
                assertThat(r).hasSizeLessThanOrEqualTo(k);
            }
        }
        assertThat(SlicePlan.cut(null, NOW, 3)).hasSize(3);
        assertThat(SlicePlan.cut(NOW - 1, NOW, 6)).as("two seconds cannot make six ranges").hasSize(2);
    }

    @Test
    void aFormGetsSlicesByItsShareOfTheWork() {
        assertThat(SlicePlan.slices(4, 400, 6)).as("a few pages: one read").isEqualTo(1);
        assertThat(SlicePlan.slices(100, 210, 6)).as("half the work of six threads").isEqualTo(3);
        assertThat(SlicePlan.slices(100, 100, 6)).as("all the work").isEqualTo(6);
        assertThat(SlicePlan.slices(10, 210, 6)).isEqualTo(1);
        assertThat(SlicePlan.slices(1000, 1000, 1)).isEqualTo(1);
        assertThat(SlicePlan.pages(0, 500)).isEqualTo(1);
        assertThat(SlicePlan.pages(1001, 500)).isEqualTo(3);
    }

    @Test
    void whatARunningSliceHasLeftIsEstimatedFromWhatItRead() {
        // 500 leads over the newest 1,000 seconds, 9,000 seconds to go: about 4,500 leads, 9 pages of 500
        assertThat(SlicePlan.remainingPages(500, 10_000, 9_001, 1, 500)).isEqualTo(9);
        assertThat(SlicePlan.remainingPages(0, 0, Long.MAX_VALUE, 0, 500)).as("nothing read yet").isZero();
        assertThat(SlicePlan.remainingPages(500, 10_000, 9_001, 9_000, 500)).as("nothing left").isZero();
        // without a lower end: 90 days back, or as far again below what was read when it is older than that
        assertThat(SlicePlan.bottom(null, NOW, NOW - 10, NOW)).isEqualTo(NOW - SlicePlan.RETENTION_SECONDS);
        long old = NOW - SlicePlan.RETENTION_SECONDS - 1000;
        assertThat(SlicePlan.bottom(null, NOW, old, old + 99)).isEqualTo(old - 100);
        assertThat(SlicePlan.bottom(42L, NOW, old, old + 99)).isEqualTo(42L);
    }

    @Test
    void theSizeThatWorkedIsUsedAndAfterThreeCleanPullsALargerOneIsTried() {
        PageSizeMemory fresh = new PageSizeMemory(500, SyncState.Form.NONE);
        assertThat(fresh.start()).isEqualTo(500);
        PageSize refused = new PageSize(500);
        refusedOnce(refused, 500);
        refusedOnce(refused, 250);
        assertThat(fresh.remember(refused)).isEqualTo(125);
        assertThat(fresh.cleanPulls(refused)).isZero();
        PageSize clean = new PageSize(500);
        assertThat(fresh.remember(clean)).as("the configured size is not stored").isNull();

        PageSizeMemory known = new PageSizeMemory(500, new SyncState.Form(125, 2, false, null));
        assertThat(known.start()).isEqualTo(125);
        assertThat(known.probing()).isFalse();
        PageSize at125 = new PageSize(known.start());
        assertThat(known.remember(at125)).isEqualTo(125);
        assertThat(known.cleanPulls(at125)).isEqualTo(3);

        PageSizeMemory probe = new PageSizeMemory(500, new SyncState.Form(125, 3, false, null));
        assertThat(probe.start()).as("half as much again").isEqualTo(187);
        assertThat(probe.probing()).isTrue();
        PageSize probeWorked = new PageSize(probe.start());
        assertThat(probe.remember(probeWorked)).isEqualTo(187);
        assertThat(probe.cleanPulls(probeWorked)).isZero();
        PageSize probeRefused = new PageSize(probe.start());
        refusedOnce(probeRefused, 187);
        assertThat(probeRefused.get()).isEqualTo(93);
        assertThat(probe.remember(probeRefused)).as("the size known to work is kept").isEqualTo(125);

        PageSizeMemory nearTop = new PageSizeMemory(500, new SyncState.Form(400, 3, false, null));
        assertThat(nearTop.start()).as("never above the configured size").isEqualTo(500);
        assertThat(nearTop.remember(new PageSize(500))).isNull();
        assertThat(new PageSizeMemory(300, new SyncState.Form(400, 0, false, null)).start())
                .as("a smaller LEADDESK_PAGE_SIZE wins").isEqualTo(300);
    }

    @Test
    void aFormWithoutRefusalsGrowsToTwiceTheConfiguredSizeAndARefusedGrownPageIsRememberedAsTheLimit() {
        PageSizeMemory fresh = new PageSizeMemory(500, SyncState.Form.NONE);
        PageSize size = fresh.newSize();
        assertThat(size.ceiling()).isEqualTo(1000);
        size.answered(500, 500, true);
        size.answered(500, 500, true);
        assertThat(size.get()).isEqualTo(1000);
        assertThat(fresh.remember(size)).as("growth that worked is not stored").isNull();
        refusedOnce(size, 1000);
        assertThat(fresh.remember(size)).as("the largest size that worked").isEqualTo(500);

        PageSizeMemory capped = new PageSizeMemory(500, new SyncState.Form(500, 0, false, null));
        assertThat(capped.start()).isEqualTo(500);
        assertThat(capped.newSize().ceiling()).as("grows no further than what worked").isEqualTo(500);
        assertThat(capped.remember(capped.newSize())).as("and keeps that in mind after a clean pull").isEqualTo(500);
        assertThat(new PageSizeMemory(500, new SyncState.Form(800, 0, false, null)).newSize().ceiling()).isEqualTo(800);
        assertThat(new PageSizeMemory(500, new SyncState.Form(125, 0, false, null)).newSize().ceiling())
                .as("a form refused below the configured size does not grow").isEqualTo(125);
    }

    private static void refusedOnce(PageSize size, int asked) {
        size.refused(asked); // what the pager does when Meta answers "reduce the amount of data"
    }
}
