package io.leaddesk.ui.signin;

import static io.leaddesk.ui.AppHarness.onFx;
import static io.leaddesk.ui.AppHarness.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleOptions;
import io.leaddesk.ui.AppHarness;
import io.leaddesk.ui.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real sign-in screen against an address that does not answer: a local port that accepts connections and never
 * replies, and one that refuses them. Each check ends with its sentence within the sign-in limit (15 s); while it
 * checks, Cancel is offered and returns to an idle screen at once, and "Open offline" stays usable.
 */
@ExtendWith(ApplicationExtension.class)
class SignInScreenTest {
    /** The sign-in check's promise: an answer within 15 seconds. */
    private static final int ANSWER_WITHIN_SECONDS = 15;
    private static final String TOKEN = "EAABsilentServerToken123";

    private Silent silent;
    private AppHarness app;

    /** Accepts every connection and never writes a byte; counts the connections the client closed. */
    static final class Silent implements AutoCloseable {
        final ServerSocket server;
        final List<Socket> accepted = new CopyOnWriteArrayList<>();
        final CountDownLatch connected = new CountDownLatch(1);
        final CountDownLatch clientHungUp = new CountDownLatch(1);

        Silent() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::acceptAll, "silent-server");
            t.setDaemon(true);
            t.start();
        }

        private void acceptAll() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    connected.countDown();
                    Thread reader = new Thread(() -> drain(s), "silent-server-reader");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void drain(Socket s) {
            try (InputStream in = s.getInputStream()) {
                byte[] buf = new byte[4096];
                while (in.read(buf) >= 0) {
                    // the request arrives; no answer is ever sent
                }
                clientHungUp.countDown();
            } catch (IOException e) {
                clientHungUp.countDown();
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    /** A loopback port nothing listens on (bound, then closed): connections are refused. */
    private static String refusingUrl() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    @Start
    void start(Stage stage) throws Exception {
        silent = new Silent();
        // the harness is made per test (each needs its own Graph address); TestFX only gives us the stage here
        this.stage = stage;
    }

    private Stage stage;

    private void open(String graphUrl, FxRobot robot) throws Exception {
        app = new AppHarness(SampleOptions.defaults().withLeads(10), graphUrl);
        robot.interact(() -> app.start(stage));
        waitUntil(10, () -> app.window.signInViewModel() != null);
        robot.interact(() -> app.window.signInViewModel().tokenProperty().set(TOKEN));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        silent.close();
    }

    /** The screen's ViewModel: call on the FX thread (inside onFx and waitUntil). */
    private SignInViewModel vm() {
        return app.window.signInViewModel();
    }

    private static String text(FxRobot robot, String id) throws Exception {
        Label l = robot.lookup(id).queryAs(Label.class);
        return onFx(() -> l.isVisible() ? l.getText() : "");
    }

    @Test
    void theScreenOpensWithTheKeyboardInTheTokenField(FxRobot robot) throws Exception {
        open(refusingUrl(), robot);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> stage.getScene().getFocusOwner() == null ? null : stage.getScene().getFocusOwner().getId()))
                .isEqualTo("tokenHidden");
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersGetsItsSentenceWithinFifteenSeconds(FxRobot robot) throws Exception {
        open(silent.url(), robot);
        robot.clickOn("#signIn");
        assertThat(silent.connected.await(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS)).as("the check reached the port").isTrue();
        Button cancel = robot.lookup("#cancelCheck").queryButton();
        assertThat(onFx(() -> cancel.isVisible() && !cancel.isDisabled())).as("Cancel is offered while it checks").isTrue();
        assertThat(onFx(() -> !robot.lookup("#offline").queryButton().isDisabled()
                && !robot.lookup("#sample").queryButton().isDisabled())).as("Open offline and Try with sample data").isTrue();

        waitUntil(ANSWER_WITHIN_SECONDS, () -> !vm().errorProperty().get().isEmpty());
        assertThat(text(robot, "#error")).startsWith("Meta did not answer within ")
                .contains("open the cached leads offline").doesNotContain(TOKEN).doesNotContain("Exception");
        assertThat(onFx(() -> !vm().busyProperty().get() && !cancel.isVisible()
                && !robot.lookup("#signIn").queryButton().isDisabled())).as("idle again").isTrue();
    }

    @Test
    void aPortThatRefusesGetsItsSentenceWithinFifteenSeconds(FxRobot robot) throws Exception {
        open(refusingUrl(), robot);
        robot.clickOn("#signIn");
        waitUntil(ANSWER_WITHIN_SECONDS, () -> !vm().errorProperty().get().isEmpty());
        assertThat(text(robot, "#error"))
                .isEqualTo("Meta could not be reached. Check the internet connection, or open the cached leads offline.");
        assertThat(onFx(() -> vm().busyProperty().get())).isFalse();
    }

    @Test
    void cancelReturnsToAnIdleSignInScreenAtOnce(FxRobot robot) throws Exception {
        open(silent.url(), robot);
        robot.clickOn("#signIn");
        assertThat(silent.connected.await(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(text(robot, "#busyText")).isEqualTo("Checking the token with Meta…");

        robot.clickOn("#cancelCheck");
        // right after the click, with no answer from the port: nothing of the check is left on screen
        Button cancel = robot.lookup("#cancelCheck").queryButton();
        assertThat(onFx(() -> vm().busyProperty().get() || vm().checkingProperty().get())).isFalse();
        assertThat(onFx(cancel::isVisible)).isFalse();
        assertThat(onFx(() -> robot.lookup("#signIn").queryButton().isDisabled())).isFalse();
        assertThat(onFx(() -> robot.lookup("#busy").query().isVisible())).isFalse();
        assertThat(text(robot, "#busyText")).isEmpty();
        assertThat(text(robot, "#error")).isEmpty();
        assertThat(onFx(() -> vm().tokenProperty().get())).as("the token stays, to try again").isEqualTo(TOKEN);
        // and the request in flight was given up, not left hanging
        assertThat(silent.clientHungUp.await(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(text(robot, "#error")).as("no late failure shows up").isEmpty();
    }

    @Test
    void openOfflineWhileCheckingOpensTheCachedLeads(FxRobot robot) throws Exception {
        open(silent.url(), robot);
        robot.clickOn("#signIn");
        assertThat(silent.connected.await(ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS)).isTrue();
        robot.clickOn("#offline");
        waitUntil(ANSWER_WITHIN_SECONDS, () -> app.window.workspaceViewModel() != null);
        assertThat(onFx(() -> app.window.workspaceViewModel().workspace().mode())).isEqualTo(Workspace.Mode.OFFLINE);
    }
}
