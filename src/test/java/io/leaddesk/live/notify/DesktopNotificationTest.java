package io.leaddesk.live.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.live.LiveDesk;
import io.leaddesk.live.LiveEvent;
import io.leaddesk.live.ManualScheduler;
import io.leaddesk.live.MutableClock;
import io.leaddesk.live.NetworkCheck;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.LiveSettings;
import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.sync.SyncService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux notification path against a real D-Bus session bus: a private {@code dbus-run-session} with a small
 * notification service of the test's own that owns {@code org.freedesktop.Notifications} and records every
 * {@code Notify} call (title, body, actions), and signals a click back ({@code ActionInvoked}).
 */
@EnabledOnOs(OS.LINUX)
class DesktopNotificationTest {
    @TempDir
    Path dir;

    private PrivateSessionBus bus;
    private RecordingNotificationService service;
    private DesktopBusNotifier notifier;
    private final List<Notification> inApp = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Notification> clicked = new CompletableFuture<>();

    @BeforeEach
    void startBus() throws Exception {
        bus = PrivateSessionBus.start();
    }

    @AfterEach
    void stopBus() throws Exception {
        if (notifier != null) notifier.close();
        if (service != null) service.close();
        bus.close();
    }

    private DesktopBusNotifier connect(List<String> capabilities) throws Exception {
        service = new RecordingNotificationService(bus.address(), capabilities);
        notifier = DesktopBusNotifier.connect(bus.address(), clicked::complete, Notifier.to(inApp::add), "Show leads")
                .orElseThrow(() -> new AssertionError("the notifier found no notification service on the bus"));
        return notifier;
    }

    @Test
    void oneNotifyCallWithCountAndFormsAndAClickBringsItsLeadsBack() throws Exception {
        connect(List.of("actions", "body"));
        News news = new News(7, List.of(new News.FormNews("f1", "Форма Pasha-new-nemec_04,01", "eCademy", 4),
                new News.FormNews("f2", "Commande de Noël", "Maison Lumière", 2),
                new News.FormNews("f3", "Get a quote", null, 1)), List.of("l7", "l6"), List.of("Olena Kovalenko"));

        notifier.show(NewLeadsText.english().notification(news, false));

        assertThat(service.calls).hasSize(1);
        RecordingNotificationService.Call call = service.calls.get(0);
        assertThat(call.appName()).isEqualTo("LeadDesk");
        assertThat(call.summary()).isEqualTo("7 new leads");
        assertThat(call.body()).isEqualTo("Форма Pasha-new-nemec_04,01 (eCademy) and 2 other forms");
        assertThat(call.summary() + ": " + call.body())
                .isEqualTo("7 new leads: Форма Pasha-new-nemec_04,01 (eCademy) and 2 other forms");
        assertThat(call.body()).doesNotContain("Olena");
        assertThat(call.actions()).containsExactly("default", "Show leads");
        assertThat(call.timeout()).isEqualTo(-1);

        service.click(call.id());
        Notification n = clicked.get(10, TimeUnit.SECONDS);
        assertThat(n.leadIds()).containsExactly("l7", "l6");
        assertThat(n.formIds()).containsExactly("f1", "f2", "f3");
        assertThat(inApp).isEmpty();
    }

    @Test
    void aServerThatRendersMarkupGetsTheFormAndPageNamesEscaped() throws Exception {
        connect(List.of("actions", "body", "body-markup"));
        News news = new News(1, List.of(new News.FormNews("f", "Trips <2026>", "Cedar & Olive Travel (sample)", 1)),
                List.of("l1"), List.of());
        notifier.show(NewLeadsText.english().notification(news, false));
        assertThat(service.calls.get(0).summary()).isEqualTo("1 new lead");
        assertThat(service.calls.get(0).body()).isEqualTo("Trips &lt;2026&gt; (Cedar &amp; Olive Travel (sample))");
    }

    @Test
    void withoutANotificationServiceOnTheBusThereIsNoDesktopNotifier() {
        assertThat(DesktopBusNotifier.connect(bus.address(), n -> { }, Notifier.to(inApp::add), "Show")).isEmpty();
        assertThat(DesktopBusNotifier.connect("unix:path=" + dir.resolve("no-bus"), n -> { }, Notifier.to(inApp::add),
                "Show")).isEmpty();
    }

    @Test
    void newLeadsOfARoundAndOfAManualSyncRaiseOneNotificationEachWithoutPersonalDataUnlessNamesAreOn()
            throws Exception {
        connect(List.of("actions", "body"));
        MutableClock clock = MutableClock.atNow();
        try (SampleGraphServer server = SampleGraphServer.start(SampleOptions.defaults().withLeads(400).withTrickle(3),
                clock);
             GraphClient graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl())
                     .withInitialBackoff(Duration.ofMillis(1)).withMaxRetryTime(Duration.ofSeconds(2)));
             LeadStore store = LeadStore.open(dir.resolve("leaddesk.db"))) {
            SyncService service = new SyncService(graph, store, 4, clock);
            Session session = service.signIn(new AccessToken(SampleTokens.USER));
            ManualScheduler scheduler = new ManualScheduler();
            List<LiveEvent> events = new CopyOnWriteArrayList<>();
            try (LiveDesk desk = new LiveDesk(service, session, LiveSettings.defaults().withCheckMinutes(2), notifier,
                    NewLeadsText.english(), events::add, clock, scheduler, NetworkCheck.ALWAYS)) {
                desk.manualSync(SyncRequest.everything(), null, new CancelSignal());
                assertThat(service.store().newLeadsTotal()).isZero();
                assertThat(this.service.calls).as("a first sync's backlog is not news").isEmpty();
                desk.start();

                clock.advance(Duration.ofMinutes(2));
                scheduler.tick();
                scheduler.runRounds();
                assertThat(this.service.calls).as("one notification for the round").hasSize(1);
                RecordingNotificationService.Call round = this.service.calls.get(0);
                assertThat(round.summary()).isEqualTo("6 new leads");
                assertThat(round.body()).matches(".+ \\(.+ \\(sample\\)\\) and 5 other forms");
                assertNoPersonalData(round, store);

                clock.advance(Duration.ofSeconds(40)); // two more leads; the user syncs by hand
                desk.manualSync(SyncRequest.everything(), null, new CancelSignal());
                assertThat(this.service.calls).hasSize(2);
                assertThat(this.service.calls.get(1).summary()).isEqualTo("2 new leads");
                assertNoPersonalData(this.service.calls.get(1), store);

                desk.settingsChanged(desk.settings().withShowNames(true));
                clock.advance(Duration.ofMinutes(2));
                scheduler.tick();
                scheduler.runRounds();
                RecordingNotificationService.Call named = this.service.calls.get(2);
                assertThat(named.summary()).isEqualTo("6 new leads");
                String[] lines = named.body().split("\n");
                assertThat(lines).hasSize(2);
                assertThat(lines[1]).endsWith(" and 3 more");
                List<String> shown = List.of(lines[1].substring(0, lines[1].length() - " and 3 more".length()).split(", "));
                assertThat(shown).hasSize(3).allSatisfy(name -> assertThat(newNames(store)).contains(name));

                desk.settingsChanged(desk.settings().withNotifications(false));
                clock.advance(Duration.ofMinutes(2));
                scheduler.tick();
                scheduler.runRounds();
                assertThat(this.service.calls).as("notifications off").hasSize(3);
                assertThat(events.stream().filter(e -> e instanceof LiveEvent.RoundFinished)).hasSize(3);
            }
        }
    }

    /** No name, e-mail or phone of any new lead is in the title or body. */
    private static void assertNoPersonalData(RecordingNotificationService.Call call, LeadStore store) {
        String text = call.summary() + "\n" + call.body();
        List<String> personal = new ArrayList<>();
        long[] rows = store.leadRowIds(io.leaddesk.store.LeadQuery.all().withNewOnly(true));
        for (LeadRow r : store.rows(rows, 0, rows.length)) {
            for (String v : new String[]{r.name(), r.email(), r.phone()}) {
                if (v != null && !v.isBlank()) {
                    personal.add(v);
                }
            }
        }
        assertThat(personal).isNotEmpty();
        for (String p : personal) {
            assertThat(text).as("personal data in the notification").doesNotContain(p);
        }
    }

    private static List<String> newNames(LeadStore store) {
        long[] rows = store.leadRowIds(io.leaddesk.store.LeadQuery.all().withNewOnly(true));
        return store.rows(rows, 0, rows.length).stream().map(LeadRow::name).toList();
    }
}
