package io.leaddesk.ui.signin;

import io.leaddesk.ui.Messages;
import io.leaddesk.ui.Views;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * "How do I get a token?": the three usual ways (Graph API Explorer then "Make this token last", a system-user token
 * that does not expire, a Page token) and the permissions LeadDesk needs. Static text; it fits a 1024×700 screen
 * without scrolling (and scrolls on smaller ones).
 */
public final class TokenHelpView {
    /** The dialog's size: within a 1024×700 screen with room for the window frame. */
    static final double WIDTH = 960;
    static final double HEIGHT = 640;

    private final BorderPane root;
    @FXML private ScrollPane scroll;
    @FXML private VBox content;
    @FXML private Button close;

    public TokenHelpView(Messages messages) {
        this.root = Views.load(TokenHelpView.class, "TokenHelpView.fxml", this, messages);
    }

    public BorderPane root() {
        return root;
    }

    /** The scrolling part (tests check that nothing needs scrolling at 1024×700). */
    public ScrollPane scroll() {
        return scroll;
    }

    /** Opens the dialog over {@code owner} and returns its stage; Close or Escape closes it. */
    public static Stage show(Window owner, Messages messages) {
        TokenHelpView view = new TokenHelpView(messages);
        Stage st = new Stage();
        if (owner != null) {
            st.initOwner(owner);
            st.initModality(Modality.WINDOW_MODAL);
        }
        st.setTitle(messages.get("help.title"));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        st.setScene(scene);
        st.setUserData(view);
        view.close.setOnAction(e -> st.close());
        st.show();
        return st;
    }
}
