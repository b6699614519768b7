package io.leaddesk.ui.access;

import static io.leaddesk.ui.AppHarness.waitUntil;

import io.leaddesk.ui.AppHarness;
import io.leaddesk.ui.signin.SignInViewModel;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import org.testfx.api.FxRobot;

/** Steps of the TestFX tests of the Access view: signing in on the real screen, opening the Access window. */
final class AccessUi {
    private AccessUi() {
    }

    /** Fills in the sign-in screen (token, app id and secret), clicks Sign in, then Open workspace. */
    static WorkspaceViewModel signIn(AppHarness app, FxRobot robot, String token, String appId, String appSecret) throws Exception {
        waitUntil(10, () -> app.window.signInViewModel() != null);
        robot.interact(() -> {
            SignInViewModel vm = app.window.signInViewModel();
            vm.tokenProperty().set(token);
            vm.appIdProperty().set(appId);
            vm.appSecretProperty().set(appSecret);
        });
        robot.clickOn("#signIn");
        waitUntil(15, () -> app.window.signInViewModel().signedInProperty().get() != null
                || !app.window.signInViewModel().errorProperty().get().isEmpty());
        robot.clickOn("#continueButton");
        waitUntil(15, () -> app.window.workspaceViewModel() != null
                && !app.window.workspaceViewModel().root().children().isEmpty());
        return app.workspace();
    }

    /** Waits until the open Access window has a report (or an error). */
    static AccessViewModel checked(AppHarness app) throws Exception {
        waitUntil(15, () -> app.window.accessWindow() != null
                && !app.window.accessWindow().view().viewModel().runningProperty().get()
                && (app.window.accessWindow().view().viewModel().checkedProperty().get()
                || !app.window.accessWindow().view().viewModel().errorProperty().get().isEmpty()));
        return AppHarness.onFx(() -> app.window.accessWindow().view().viewModel());
    }
}
