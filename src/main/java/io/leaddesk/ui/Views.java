package io.leaddesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML view with the app's resource bundle and a controller built by the composition root. */
public final class Views {
    private Views() {
    }

    public static <T extends Parent> T load(Class<?> owner, String fxml, Object controller, Messages messages) {
        URL url = owner.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("Missing view " + fxml);
        }
        FXMLLoader loader = new FXMLLoader(url, messages.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + fxml, e);
        }
    }
}
