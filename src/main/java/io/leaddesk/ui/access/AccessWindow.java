package io.leaddesk.ui.access;

import io.leaddesk.ui.Messages;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Access view in its own window over the workspace; it checks as soon as it opens. */
public final class AccessWindow {
    /** The styles of the Access view, the sign-in additions and the token's lifetime label. */
    public static final String STYLESHEET = AccessWindow.class.getResource("access.css").toExternalForm();

    private final Stage stage;
    private final AccessView view;

    private AccessWindow(Stage stage, AccessView view) {
        this.stage = stage;
        this.view = view;
    }

    /**
     * Opens the window (not modal: the workspace stays usable) and starts the check.
     *
     * @param stylesheets the main window's, so both look alike
     * @param onHidden    told when the window closes
     */
    public static AccessWindow open(Window owner, AccessViewModel vm, Messages messages, List<String> stylesheets,
                                    Runnable onHidden) {
        AccessView view = new AccessView(vm, messages);
        Stage st = new Stage();
        if (owner != null) {
            st.initOwner(owner);
        }
        st.setTitle(messages.get("access.view.windowTitle"));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(900, screen.getWidth()), Math.min(720, screen.getHeight()));
        scene.getStylesheets().addAll(stylesheets);
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        st.setScene(scene);
        st.setMinWidth(640);
        st.setMinHeight(480);
        view.setOnClose(st::close);
        st.setOnHidden(e -> {
            vm.cancel();
            onHidden.run();
        });
        st.show();
        vm.check();
        return new AccessWindow(st, view);
    }

    public Stage stage() {
        return stage;
    }

    public AccessView view() {
        return view;
    }

    public void close() {
        stage.hide();
    }
}
