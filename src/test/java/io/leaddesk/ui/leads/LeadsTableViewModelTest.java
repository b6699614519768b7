package io.leaddesk.ui.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadSort;
import io.leaddesk.store.ReviewStatus;
import io.leaddesk.ui.FakeLeadCache;
import io.leaddesk.ui.ManualTaskExecutor;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import io.leaddesk.ui.TestData;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadsTableViewModelTest {
    private final Messages m = Messages.load(Locale.ENGLISH);

    private LeadsTableViewModel vm(FakeLeadCache cache, io.leaddesk.ui.TaskExecutor ex) {
        return new LeadsTableViewModel(cache, ex, m, Duration.ofMillis(150), ZoneOffset.UTC);
    }

    @Test
    void showsAllCachedLeadsNewestFirstWithCount() {
        FakeLeadCache cache = TestData.cache(1234);
        LeadsTableViewModel vm = vm(cache, new SyncTaskExecutor());
        vm.refresh();
        assertThat(vm.rowsProperty().get()).hasSize(1234);
        assertThat(vm.countTextProperty().get()).isEqualTo("1,234 of 1,234");
        assertThat(vm.rowsProperty().get().get(0).id()).isEqualTo("L1234");
        assertThat(vm.rowsProperty().get().get(0).email()).isEqualTo("p1234@example.org");
    }

    @Test
    void searchNarrowsRowsAndCountShowsMatchesOfTotal() {
        FakeLeadCache cache = TestData.cache(300);
        SyncTaskExecutor ex = new SyncTaskExecutor();
        LeadsTableViewModel vm = vm(cache, ex);
        vm.refresh();
        vm.searchProperty().set("p42@example");
        assertThat(vm.rowsProperty().get()).extracting(LeadRow::id).containsExactly("L42");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 of 300");
        assertThat(ex.scheduled).contains(Duration.ofMillis(150));
        vm.searchProperty().set("");
        assertThat(vm.rowsProperty().get()).hasSize(300);
    }

    @Test
    void filtersByPlatformOrganicStatusAndDate() {
        FakeLeadCache cache = TestData.cache(30);
        LeadsTableViewModel vm = vm(cache, new SyncTaskExecutor());
        vm.refresh();
        vm.platformProperty().set(LeadsTableViewModel.Platform.INSTAGRAM);
        assertThat(vm.rowsProperty().get()).hasSize(10).allMatch(r -> r.platform().equals("ig"));
        vm.organicProperty().set(LeadsTableViewModel.Organic.PAID);
        assertThat(vm.rowsProperty().get()).hasSize(5).allMatch(r -> !r.organic());
        vm.clearFilters();
        cache.setReview("L7", ReviewStatus.QUALIFIED, "");
        vm.statusProperty().set(ReviewStatus.QUALIFIED);
        assertThat(vm.rowsProperty().get()).extracting(LeadRow::id).containsExactly("L7");
        vm.clearFilters();
        LocalDate day = LocalDate.ofEpochDay((1_760_000_000L + 60) / 86_400);
        vm.dateFromProperty().set(day.plusDays(1));
        assertThat(vm.rowsProperty().get()).isEmpty();
        assertThat(vm.countTextProperty().get()).isEqualTo("0 of 30");
        vm.dateFromProperty().set(day);
        vm.dateToProperty().set(day);
        assertThat(vm.rowsProperty().get()).hasSize(30);
    }

    @Test
    void scopeLimitsToAForm() {
        FakeLeadCache cache = TestData.cache(5);
        LeadsTableViewModel vm = vm(cache, new SyncTaskExecutor());
        vm.setScope(Set.of(), Set.of("other-form"));
        assertThat(vm.rowsProperty().get()).isEmpty();
        vm.setScope(Set.of(), Set.of(TestData.FORM));
        assertThat(vm.rowsProperty().get()).hasSize(5);
        assertThat(cache.queries.get(cache.queries.size() - 1).formIds()).containsExactly(TestData.FORM);
    }

    @Test
    void rowsAreReadInBlocksOnlyWhenAskedFor() {
        FakeLeadCache cache = TestData.cache(1000);
        LeadsTableViewModel vm = vm(cache, new SyncTaskExecutor());
        vm.refresh();
        assertThat(cache.rowReads.get()).isZero();
        vm.rowsProperty().get().get(0);
        vm.rowsProperty().get().get(199);
        assertThat(cache.rowReads.get()).isEqualTo(1);
        vm.rowsProperty().get().get(999);
        assertThat(cache.rowReads.get()).isEqualTo(2);
        assertThat(((LeadRowList) vm.rowsProperty().get()).blocksInMemory()).isEqualTo(2);
    }

    @Test
    void placeholderUntilTheBlockArrivesThenTableIsToldToRedraw() {
        FakeLeadCache cache = TestData.cache(10);
        ManualTaskExecutor ex = new ManualTaskExecutor();
        LeadsTableViewModel vm = vm(cache, ex);
        vm.refresh();
        ex.runAll();
        LeadRow first = vm.rowsProperty().get().get(0);
        assertThat(LeadRowList.isLoaded(first)).isFalse();
        int version = vm.rowsVersionProperty().get();
        ex.runAll();
        assertThat(vm.rowsVersionProperty().get()).isGreaterThan(version);
        assertThat(vm.rowsProperty().get().get(0).id()).isEqualTo("L10");
    }

    @Test
    void aStaleSearchResultNeverReplacesANewerOne() {
        FakeLeadCache cache = TestData.cache(50);
        ManualTaskExecutor ex = new ManualTaskExecutor();
        LeadsTableViewModel vm = vm(cache, ex);
        vm.searchProperty().set("p1");
        ex.fireTimers();
        vm.searchProperty().set("p2@");
        ex.fireTimers();
        assertThat(ex.pending()).isEqualTo(2);
        ex.runLast();   // the newer query answers first
        ex.runNext();   // then the stale one
        assertThat(vm.rowsProperty().get()).hasSize(1);
        assertThat(vm.countTextProperty().get()).isEqualTo("1 of 50");
    }

    @Test
    void typingIsDebouncedIntoOneQuery() {
        FakeLeadCache cache = TestData.cache(20);
        ManualTaskExecutor ex = new ManualTaskExecutor();
        LeadsTableViewModel vm = vm(cache, ex);
        for (String s : new String[] {"p", "p1", "p17"}) {
            vm.searchProperty().set(s);
        }
        ex.runAll();
        assertThat(cache.queries).filteredOn(q -> q.search() != null).extracting(q -> q.search()).containsExactly("p17");
        assertThat(vm.matchCountProperty().get()).isEqualTo(1);
        vm.rowsProperty().get().get(0);
        ex.runAll();
        assertThat(vm.rowsProperty().get()).extracting(LeadRow::id).containsExactly("L17");
    }

    @Test
    void selectingARowSelectsItsLeadAndArrowMovesFollow() {
        FakeLeadCache cache = TestData.cache(500);
        ManualTaskExecutor ex = new ManualTaskExecutor();
        LeadsTableViewModel vm = vm(cache, ex);
        vm.refresh();
        ex.runAll();
        vm.select(450);                 // block not loaded yet
        assertThat(vm.selectedLeadIdProperty().get()).isNull();
        ex.runAll();
        assertThat(vm.selectedLeadIdProperty().get()).isEqualTo("L50");
        vm.select(451);
        assertThat(vm.selectedLeadIdProperty().get()).isEqualTo("L49");
    }

    @Test
    void selectionSurvivesARefreshThatAddsRows() {
        FakeLeadCache cache = TestData.cache(10);
        LeadsTableViewModel vm = vm(cache, new SyncTaskExecutor());
        vm.refresh();
        vm.select(2);
        assertThat(vm.selectedLeadIdProperty().get()).isEqualTo("L8");
        cache.addLead(TestData.PAGE, TestData.lead("L11", 1_770_000_000L, "New", "n@x.org", "fb", true));
        vm.refresh();
        assertThat(vm.selectIndexRequestProperty().get()).isEqualTo(3);
        assertThat(vm.selectedLeadIdProperty().get()).isEqualTo("L8");
    }

    @Test
    void sortingAsksTheStoreForTheNewOrder() {
        FakeLeadCache cache = TestData.cache(3);
        LeadsTableViewModel vm = vm(cache, new SyncTaskExecutor());
        vm.sortBy(LeadSort.CREATED, false);
        assertThat(vm.rowsProperty().get().get(0).id()).isEqualTo("L1");
        vm.sortBy(LeadSort.NAME, true);
        assertThat(cache.queries.get(cache.queries.size() - 1).sort()).isEqualTo(LeadSort.NAME);
    }

    @Test
    void reviewChangeShowsInTheRowAtOnce() {
        FakeLeadCache cache = TestData.cache(3);
        LeadsTableViewModel vm = vm(cache, new SyncTaskExecutor());
        vm.refresh();
        vm.rowsProperty().get().get(0);
        vm.reviewChanged("L3", ReviewStatus.SPAM);
        assertThat(vm.rowsProperty().get().get(0).status()).isEqualTo(ReviewStatus.SPAM);
    }

    @Test
    void aFailingQueryShowsAPlainMessage() {
        FakeLeadCache cache = TestData.cache(3);
        cache.failQueries = new io.leaddesk.store.StoreException("The database is locked.");
        LeadsTableViewModel vm = vm(cache, new SyncTaskExecutor());
        vm.refresh();
        assertThat(vm.errorProperty().get()).contains("The database is locked.");
    }

    @Test
    void everyQueryHandsTheTableANewListEvenWithTheSameRowsWithoutReadingThem() {
        FakeLeadCache cache = TestData.cache(1000);
        LeadsTableViewModel vm = vm(cache, new SyncTaskExecutor());
        vm.refresh();
        int[] changes = {0};
        vm.rowsProperty().addListener((o, a, b) -> changes[0]++);
        vm.refresh();
        vm.refresh();
        assertThat(changes[0]).isEqualTo(2);
        assertThat(cache.rowReads.get()).isZero();
    }

    @Test
    void theTotalIsCountedOncePerScopeWhileTypingAndAgainAfterRefresh() {
        FakeLeadCache cache = TestData.cache(30);
        LeadsTableViewModel vm = vm(cache, new SyncTaskExecutor());
        vm.refresh();
        int before = cache.queries.size();
        vm.searchProperty().set("p1");
        vm.searchProperty().set("p2");
        assertThat(cache.queries.size() - before).isEqualTo(2);   // two searches, no extra counts
        cache.addLead(TestData.PAGE, TestData.lead("L31", 1_770_000_000L, "Late", "late@x.org", "fb", true));
        vm.searchProperty().set("");
        vm.refresh();
        assertThat(vm.countTextProperty().get()).isEqualTo("31 of 31");
        vm.searchProperty().set("late@");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 of 31");
    }

    @Test
    void aRefreshShowsTheRowsItHadWhileReadingTheNewBlocks() {
        FakeLeadCache cache = TestData.cache(10);
        ManualTaskExecutor ex = new ManualTaskExecutor();
        LeadsTableViewModel vm = vm(cache, ex);
        vm.refresh();
        ex.runAll();
        vm.rowsProperty().get().get(0);
        ex.runAll();
        vm.refresh();
        ex.fireTimers();
        ex.runNext();                       // the query answers; the new list has read no block yet
        LeadRow shown = vm.rowsProperty().get().get(0);
        assertThat(LeadRowList.isLoaded(shown)).isTrue();
        assertThat(shown.id()).isEqualTo("L10");
    }

    @Test
    void sortAndColumnsAreRememberedAcrossRestartsInTheDataFolder(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        FakeLeadCache cache = TestData.cache(20);
        SyncTaskExecutor ex = new SyncTaskExecutor();
        io.leaddesk.ui.UiStateStore first = new io.leaddesk.ui.UiStateStore(folder, ex);
        LeadsTableViewModel vm = new LeadsTableViewModel(cache, ex, m, Duration.ZERO, ZoneOffset.UTC, first);
        vm.refresh();
        vm.sortBy(LeadSort.NAME, false);
        vm.columnsChanged(java.util.List.of("NAME", "CREATED", "EMAIL"), java.util.List.of("EMAIL"));
        first.flush();
        assertThat(folder.resolve(io.leaddesk.ui.UiStateStore.FILE_NAME)).exists();

        // the next run
        io.leaddesk.ui.UiStateStore again = new io.leaddesk.ui.UiStateStore(folder, ex);
        LeadsTableViewModel next = new LeadsTableViewModel(cache, ex, m, Duration.ZERO, ZoneOffset.UTC, again);
        next.refresh();
        assertThat(next.sort()).isEqualTo(LeadSort.NAME);
        assertThat(next.descending()).isFalse();
        assertThat(cache.queries.get(cache.queries.size() - 1).sort()).as("the store sorts").isEqualTo(LeadSort.NAME);
        assertThat(next.columnLayout().order()).containsExactly("NAME", "CREATED", "EMAIL");
        assertThat(next.columnLayout().hidden()).containsExactly("EMAIL");
    }

    @Test
    void aDamagedRememberedFileGivesTheDefaults(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder) throws Exception {
        java.nio.file.Files.writeString(folder.resolve(io.leaddesk.ui.UiStateStore.FILE_NAME), "{\"table\": [oops");
        LeadsTableViewModel vm = new LeadsTableViewModel(TestData.cache(3), new SyncTaskExecutor(), m, Duration.ZERO,
                ZoneOffset.UTC, new io.leaddesk.ui.UiStateStore(folder, new SyncTaskExecutor()));
        assertThat(vm.sort()).isEqualTo(LeadSort.CREATED);
        assertThat(vm.descending()).isTrue();
    }

    @Test
    void theFilterCountEscapeAndTheEmptyText() {
        FakeLeadCache cache = TestData.cache(5);
        LeadsTableViewModel vm = vm(cache, new SyncTaskExecutor());
        assertThat(vm.emptyTextProperty().get()).as("before the first answer").isEqualTo("Loading…");
        vm.refresh();
        vm.platformProperty().set(LeadsTableViewModel.Platform.INSTAGRAM);
        vm.statusProperty().set(ReviewStatus.SPAM);
        assertThat(vm.activeFiltersProperty().get()).isEqualTo(2);
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No leads match the search and filters. Change or clear them.");
        vm.clearFilters();
        assertThat(vm.activeFiltersProperty().get()).isZero();
        vm.searchProperty().set("nobody");
        assertThat(vm.rowsProperty().get()).isEmpty();
        vm.clearSearch();
        assertThat(vm.searchProperty().get()).isEmpty();
        assertThat(vm.rowsProperty().get()).hasSize(5);
    }

    @Test
    void refreshesFasterThanTheQueryStillLandAndTheLastDataShows() {
        FakeLeadCache cache = TestData.cache(5);
        ManualTaskExecutor ex = new ManualTaskExecutor();
        LeadsTableViewModel vm = vm(cache, ex);
        vm.refresh();
        ex.fireTimers();                      // the query is now running (queued)
        cache.addLead(TestData.PAGE, TestData.lead("N1", 1_900_000_000L, "New One", "n1@x.org", "fb", false));
        vm.refresh();                         // a sync stored a page meanwhile
        ex.fireTimers();
        ex.runNext();                         // the first query lands: not thrown away
        assertThat(vm.matchCountProperty().get()).isEqualTo(6);
        cache.addLead(TestData.PAGE, TestData.lead("N2", 1_900_000_001L, "New Two", "n2@x.org", "fb", false));
        vm.refresh();
        ex.fireTimers();
        ex.runAll();
        assertThat(vm.matchCountProperty().get()).isEqualTo(7);
        assertThat(vm.countTextProperty().get()).isEqualTo("7 of 7");
    }

    @Test
    void rowsReadForAListARefreshReplacedAreShownByTheNewList() {
        FakeLeadCache cache = TestData.cache(50);
        ManualTaskExecutor ex = new ManualTaskExecutor();
        LeadsTableViewModel vm = vm(cache, ex);
        vm.refresh();
        ex.runAll();
        vm.rowsProperty().get().get(0);      // the table asks for the first rows: a block read is queued
        vm.refresh();                         // a sync refreshes before the block arrives
        ex.fireTimers();
        ex.runLast();                         // the new query lands first: a new list
        assertThat(LeadRowList.isLoaded(vm.list().peek(0) == null ? vm.rowsProperty().get().get(0) : vm.list().peek(0)))
                .as("nothing read yet").isFalse();
        ex.runNext();                         // the old list's block arrives late
        LeadRow first = vm.list().get(0);
        assertThat(LeadRowList.isLoaded(first)).as("shown instead of Loading…").isTrue();
        assertThat(first.id()).isEqualTo("L50");
    }
}
