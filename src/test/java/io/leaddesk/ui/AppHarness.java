package io.leaddesk.ui;

import io.leaddesk.sample.SampleOptions;
import io.leaddesk.store.AppSettings;
import io.leaddesk.store.CredentialVaultInMemory;
import io.leaddesk.store.StoredForm;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Runs the real app (composition root, main window, FX executor) on a temp data folder, for TestFX tests. */
public final class AppHarness implements AutoCloseable {
    public final Path dataFolder;
    /** The app's home folder in this run (a temp folder with a Documents folder), shown as "~". */
    public final Path home;
    public final Preferences prefs;
    public final CredentialVaultInMemory vault = new CredentialVaultInMemory();
    public final AppContext context;
    public MainWindow window;
    /** Issue 14: the notifications the app showed (none reaches this computer's desktop), and their click. */
    public final List<io.leaddesk.live.notify.Notification> notifications = new java.util.concurrent.CopyOnWriteArrayList<>();
    public volatile io.leaddesk.live.notify.Notifier.ClickHandler notificationClick;
    /** Auto-sync's ticks and rounds: they run only when a test runs them. */
    public final io.leaddesk.live.ManualScheduler liveScheduler = new io.leaddesk.live.ManualScheduler();

    public AppHarness(SampleOptions demo, String graphBaseUrl) throws IOException {
        this(demo, graphBaseUrl, Locale.ENGLISH);
    }

    /** @param systemLocale the OS language the app sees ("System default" follows it); the pseudo-locale works too */
    public AppHarness(SampleOptions demo, String graphBaseUrl, Locale systemLocale) throws IOException {
        this.dataFolder = Files.createTempDirectory("leaddesk-ui-test");
        this.prefs = Preferences.userRoot().node("io/leaddesk/uitest-" + System.nanoTime());
        this.context = new AppContext(new AppContext.Config(dataFolder, prefs, vault, new FxTaskExecutor(),
                Duration.ofMillis(30), Clock.systemUTC(), ZoneId.of("Europe/Kyiv"), systemLocale, graphBaseUrl, demo));
        // a home folder of its own: exports default to its Documents folder, never to the user's real home
        this.home = Files.createDirectories(dataFolder.resolve("home"));
        Files.createDirectories(home.resolve("Documents"));
        this.context.setHomeFolder(home);
        this.context.setLiveParts(new io.leaddesk.ui.live.LiveViewModel.Parts(Clock.systemUTC(), () -> liveScheduler,
                (onClick, inApp, label) -> {
                    notificationClick = onClick;
                    return io.leaddesk.live.notify.Notifier.to(notifications::add);
                }, null));
    }

    /** Call from a TestFX {@code @Start} method. */
    public void start(Stage stage) {
        MainWindow.applyTheme(AppSettings.defaults());
        window = new MainWindow(context, stage);
        window.show();
    }

    public static <T> T onFx(Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(20, TimeUnit.SECONDS);
    }

    public static void waitUntil(int seconds, Callable<Boolean> onFxCondition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(onFxCondition));
        } catch (java.util.concurrent.TimeoutException e) {
            StringBuilder sb = new StringBuilder("Timed out; worker threads:\n");
            Thread.getAllStackTraces().forEach((t, st) -> {
                if (t.getName().startsWith("leaddesk") || t.getName().startsWith("JavaFX")) {
                    sb.append(t.getName()).append(' ').append(t.getState()).append('\n');
                    for (int i = 0; i < Math.min(12, st.length); i++) {
                        sb.append("    at ").append(st[i]).append('\n');
                    }
                }
            });
            throw new AssertionError(sb.toString(), e);
        }
    }

    public WorkspaceViewModel workspace() throws Exception {
        return onFx(() -> window.workspaceViewModel());
    }

    /**
     * Once a sync has finished: waits until the leads table counts every cached lead (the refreshes the sync started
     * have landed) and returns that count. Reading the count at once races with those refreshes.
     */
    public long settledTotal(WorkspaceViewModel vm) throws Exception {
        long cached = vm.workspace().cache().countLeads(io.leaddesk.store.LeadQuery.all());
        waitUntil(20, () -> vm.leads().totalCountProperty().get() == cached && !vm.leads().loadingProperty().get());
        return cached;
    }

    /** A cached form that has a custom disclaimer (read in the background thread of the caller). */
    public StoredForm formWithDisclaimer() throws Exception {
        WorkspaceViewModel vm = workspace();
        return vm.workspace().cache().forms(java.util.List.of()).stream()
                .filter(f -> f.form().disclaimer() != null && !f.form().disclaimer().checkboxes().isEmpty())
                .max(Comparator.comparingLong(StoredForm::cachedLeads)).orElseThrow();
    }

    /** Signs in with {@code token} on the sign-in screen, continues, and waits until the workspace shows its pages. */
    public WorkspaceViewModel signIn(org.testfx.api.FxRobot robot, String token) throws Exception {
        robot.interact(() -> robot.lookup("#tokenHidden").queryAs(javafx.scene.control.TextField.class).setText(token));
        robot.clickOn("#signIn");
        waitUntil(20, () -> robot.lookup("#result").query().isVisible());
        robot.clickOn("#continueButton");
        waitUntil(30, () -> window.workspaceViewModel() != null && !window.workspaceViewModel().root().children().isEmpty());
        return workspace();
    }

    /** Clicks "Try with sample data" and waits until the demo workspace shows its pages. */
    public WorkspaceViewModel openSampleWorkspace(org.testfx.api.FxRobot robot) throws Exception {
        robot.clickOn("#sample");
        waitUntil(30, () -> window.workspaceViewModel() != null && !window.workspaceViewModel().root().children().isEmpty());
        return workspace();
    }

    /** Whether the workspace's cache still holds this lead (read on the caller's thread, as the app's tasks do). */
    public boolean cacheHasLead(String leadId) throws Exception {
        return workspace().workspace().cache().lead(leadId).isPresent();
    }

    /**
     * Writes the scene as PNG once {@code ready} holds, snapshotting in the same FX turn as the check: while a sync
     * runs, the table's rows are replaced every half second and a later snapshot may catch them loading.
     */
    public static void screenshotWhen(int seconds, Scene scene, Path file, Callable<Boolean> ready) throws Exception {
        WritableImage[] shot = new WritableImage[1];
        waitUntil(seconds, () -> {
            if (!ready.call()) {
                return false;
            }
            shot[0] = scene.snapshot(null);
            return true;
        });
        write(shot[0], file);
    }

    /** Writes the scene as PNG (Scene.snapshot + PixelReader + BufferedImage + ImageIO). */
    public static void screenshot(Scene scene, Path file) throws Exception {
        write(onFx(() -> scene.snapshot(null)), file);
    }

    private static void write(WritableImage img, Path file) throws Exception {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader px = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, px.getArgb(x, y));
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(out, "png", file.toFile());
    }

    @Override
    public void close() throws Exception {
        onFx(() -> {
            if (window != null) {
                window.close();
            }
            // Close every other window too (dialogs, the stage TestFX gave us), so the next test's
            // lookups by id cannot land on a node left over from this one.
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                w.hide();
            }
            return null;
        });
        context.close();
        prefs.removeNode();
        try (Stream<Path> s = Files.walk(dataFolder)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
