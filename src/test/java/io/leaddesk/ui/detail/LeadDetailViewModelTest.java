package io.leaddesk.ui.detail;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.store.ReviewStatus;
import io.leaddesk.ui.FakeLeadCache;
import io.leaddesk.ui.Formats;
import io.leaddesk.ui.ManualTaskExecutor;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.SyncTaskExecutor;
import io.leaddesk.ui.TestData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class LeadDetailViewModelTest {
    private static final long CREATED = 1_760_000_000L + 60;
    private final Messages m = Messages.load(Locale.ENGLISH);
    private final List<String> clipboard = new ArrayList<>();
    private final List<String> saved = new ArrayList<>();

    private LeadDetailViewModel vm(FakeLeadCache cache, Instant now) {
        LeadDetailViewModel vm = new LeadDetailViewModel(cache, new SyncTaskExecutor(), m,
                new Formats(ZoneOffset.UTC, Locale.ENGLISH), Clock.fixed(now, ZoneOffset.UTC), clipboard::add);
        vm.setOnReviewSaved((id, s) -> saved.add(id + "=" + s));
        return vm;
    }

    @Test
    void answersFollowTheFormsQuestionOrderWithLabelsKeysListsAndEmpties() {
        LeadDetailViewModel vm = vm(TestData.cache(1), Instant.ofEpochSecond(CREATED));
        vm.show("L1");
        assertThat(vm.titleProperty().get()).isEqualTo("Person 1");
        assertThat(vm.answers()).extracting(LeadDetailViewModel.Answer::label)
                .containsExactly("Полное имя", "Эл. адрес", "Номер телефона", "Куди відправити інформацію?", "Level");
        assertThat(vm.answers().get(1).key()).isEqualTo("эл._адрес");
        assertThat(vm.answers().get(3).values()).containsExactly("viber", "telegram");
        assertThat(vm.answers().get(4).empty()).isTrue();
        assertThat(vm.emailProperty().get()).isEqualTo("p1@example.org");
        assertThat(vm.phoneProperty().get()).isEqualTo("+380501234567");
    }

    @Test
    void disclaimerShowsEachCheckboxTextAndWhetherItWasTicked() {
        LeadDetailViewModel vm = vm(TestData.cache(1), Instant.ofEpochSecond(CREATED));
        vm.show("L1");
        assertThat(vm.hasDisclaimerProperty().get()).isTrue();
        assertThat(vm.disclaimerTitleProperty().get()).isEqualTo("Згода");
        assertThat(vm.checkboxes()).containsExactly(
                new LeadDetailViewModel.Checkbox("consent", "Я погоджуюсь на обробку персональних даних", true, true),
                new LeadDetailViewModel.Checkbox("news", "Надсилайте мені новини", false, false));
    }

    @Test
    void attributionRawJsonAndExpiry() {
        LeadDetailViewModel vm = vm(TestData.cache(1), Instant.ofEpochSecond(CREATED).plusSeconds(86_400L * 30 + 5));
        vm.show("L1");
        assertThat(vm.attribution()).anyMatch(f -> f.label().equals("Campaign") && f.value().equals("Кампанія «Осінь»  (c1)"));
        assertThat(vm.attribution()).anyMatch(f -> f.label().equals("Platform") && f.value().equals("Facebook"));
        assertThat(vm.attribution()).anyMatch(f -> f.label().equals("Organic") && f.value().equals("No"));
        assertThat(vm.rawJsonProperty().get()).isEqualTo("{\"id\":\"L1\"}");
        assertThat(vm.expiryTextProperty().get()).isEqualTo("Meta stops serving this lead in 59 days.");
        LeadDetailViewModel old = vm(TestData.cache(1), Instant.ofEpochSecond(CREATED).plusSeconds(86_400L * 91));
        old.show("L1");
        assertThat(old.expiredProperty().get()).isTrue();
        assertThat(old.expiryTextProperty().get()).contains("no longer serves");
    }

    @Test
    void deletingAskedForTheShownLeadErasesItClearsThePaneAndSaysWho() {
        FakeLeadCache cache = TestData.cache(3);
        LeadDetailViewModel vm = vm(cache, Instant.ofEpochSecond(CREATED));
        List<String> deleted = new ArrayList<>();
        vm.setOnDeleted((id, who, erased) -> deleted.add(id + " " + who + " " + erased));
        vm.show("L2");
        assertThat(vm.deleteQuestion()).startsWith("Delete the lead of Person 2 from this computer?")
                .contains("later syncs will not download it again");

        vm.deleteLead();

        assertThat(cache.lead("L2")).isEmpty();
        assertThat(cache.lead("L1")).isPresent();
        assertThat(vm.presentProperty().get()).isFalse();
        assertThat(vm.answers()).isEmpty();
        assertThat(deleted).containsExactly("L2 Person 2 true");
    }

    @Test
    void aDeleteWhoseFilesAreWipedLaterStillCountsAsDeleted() {
        FakeLeadCache cache = TestData.cache(3);
        cache.eraseIncomplete = true;
        LeadDetailViewModel vm = vm(cache, Instant.ofEpochSecond(CREATED));
        List<String> deleted = new ArrayList<>();
        vm.setOnDeleted((id, who, erased) -> deleted.add(id + " " + erased));
        vm.show("L2");

        vm.deleteLead();

        assertThat(cache.lead("L2")).isEmpty();
        assertThat(vm.presentProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(deleted).containsExactly("L2 false");
    }

    @Test
    void aDeleteThatFailsKeepsTheLeadShownAndSaysWhy() {
        FakeLeadCache cache = TestData.cache(3);
        LeadDetailViewModel vm = vm(cache, Instant.ofEpochSecond(CREATED));
        List<String> deleted = new ArrayList<>();
        vm.setOnDeleted((id, who, erased) -> deleted.add(id));
        vm.show("L2");
        cache.failQueries = new io.leaddesk.store.StoreException("Could not write to the lead cache at /x/leaddesk.db: the disk is full.", null);

        vm.deleteLead();

        assertThat(vm.presentProperty().get()).isTrue();
        assertThat(vm.titleProperty().get()).isEqualTo("Person 2");
        assertThat(vm.messageProperty().get()).contains("Could not write to the lead cache");
        assertThat(deleted).isEmpty();
    }

    @Test
    void copyButtonsPutEmailAndPhoneOnTheClipboardAndSaySoByTheButtonForAWhile() {
        ManualTaskExecutor ex = new ManualTaskExecutor();
        LeadDetailViewModel vm = new LeadDetailViewModel(TestData.cache(2), ex, m, new Formats(ZoneOffset.UTC, Locale.ENGLISH),
                Clock.fixed(Instant.ofEpochSecond(CREATED), ZoneOffset.UTC), clipboard::add);
        vm.show("L1");
        ex.runAll();
        vm.copyEmail();
        assertThat(vm.emailFeedbackProperty().get()).isEqualTo("Email copied.");
        assertThat(vm.phoneFeedbackProperty().get()).isEmpty();
        vm.copyPhone();
        assertThat(vm.phoneFeedbackProperty().get()).isEqualTo("Phone copied.");
        assertThat(vm.emailFeedbackProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(clipboard).containsExactly("p1@example.org", "+380501234567");
        ex.fireTimers(); // a few seconds later
        assertThat(vm.phoneFeedbackProperty().get()).isEmpty();
        vm.copyPhone();
        vm.show("L2");
        ex.runAll();
        assertThat(vm.titleProperty().get()).isEqualTo("Person 2");
        assertThat(vm.phoneFeedbackProperty().get()).as("not about this lead").isEmpty();
    }

    @Test
    void reviewSavedIsSaidForItsLeadOnlyAndGoesOnceTheNoteIsEditedAgain() {
        FakeLeadCache cache = TestData.cache(2);
        LeadDetailViewModel vm = vm(cache, Instant.ofEpochSecond(CREATED));
        vm.show("L1");
        vm.noteProperty().set("Call after 18:00");
        vm.saveReview();
        assertThat(vm.reviewMessageProperty().get()).isEqualTo("Review saved.");
        vm.noteProperty().set("Call after 18:00, or Saturday");
        assertThat(vm.reviewMessageProperty().get()).as("next to an unsaved note").isEmpty();
        vm.show("L2"); // saves the edited note of L1 on the way
        assertThat(cache.lead("L1").orElseThrow().note()).isEqualTo("Call after 18:00, or Saturday");
        assertThat(vm.reviewMessageProperty().get()).as("on the next lead").isEmpty();
        vm.statusProperty().set(ReviewStatus.CONTACTED);
        assertThat(vm.reviewMessageProperty().get()).isEqualTo("Review saved.");
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void theSearchWordsAreMarkedInWhatTheDetailShows() {
        LeadDetailViewModel vm = vm(TestData.cache(1), Instant.ofEpochSecond(CREATED));
        vm.show("L1");
        vm.setSearch("viber PERS");
        Highlight h = vm.highlightProperty().get();
        assertThat(h.split(vm.titleProperty().get())).containsExactly(new Highlight.Segment("Person", true),
                new Highlight.Segment(" 1", false));
        assertThat(h.matches(vm.answers().get(3).values().get(0))).isTrue();
        assertThat(h.matches(vm.answers().get(3).values().get(1))).isFalse();
        vm.setSearch("");
        assertThat(vm.highlightProperty().get().isEmpty()).isTrue();
    }

    @Test
    void statusIsSavedAtOnceAndANoteWhenSavedOrWhenMovingOn() {
        FakeLeadCache cache = TestData.cache(2);
        LeadDetailViewModel vm = vm(cache, Instant.ofEpochSecond(CREATED));
        vm.show("L1");
        vm.statusProperty().set(ReviewStatus.QUALIFIED);
        assertThat(cache.lead("L1").orElseThrow().status()).isEqualTo(ReviewStatus.QUALIFIED);
        assertThat(saved).containsExactly("L1=QUALIFIED");
        vm.noteProperty().set("Called, wants evening lessons");
        assertThat(vm.noteDirtyProperty().get()).isTrue();
        vm.show("L2");
        assertThat(cache.lead("L1").orElseThrow().note()).isEqualTo("Called, wants evening lessons");
        assertThat(vm.statusProperty().get()).isEqualTo(ReviewStatus.NEW);
        vm.show("L1");
        assertThat(vm.noteProperty().get()).isEqualTo("Called, wants evening lessons");
        assertThat(vm.statusProperty().get()).isEqualTo(ReviewStatus.QUALIFIED);
        assertThat(vm.noteDirtyProperty().get()).isFalse();
    }

    @Test
    void showingALeadDoesNotWriteItsReview() {
        FakeLeadCache cache = TestData.cache(2);
        cache.setReview("L2", ReviewStatus.SPAM, "x");
        LeadDetailViewModel vm = vm(cache, Instant.ofEpochSecond(CREATED));
        vm.show("L1");
        vm.show("L2");
        vm.show(null);
        assertThat(saved).isEmpty();
        assertThat(vm.presentProperty().get()).isFalse();
    }
}
