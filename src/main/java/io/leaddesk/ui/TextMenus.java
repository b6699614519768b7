package io.leaddesk.ui;

import javafx.collections.ListChangeListener;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Window;

/**
 * The right-click menu of every text field and text area in the app's language. JavaFX's own menu (Undo, Cut, Copy,
 * Paste, …) comes from its resources, which know French and Brazilian Portuguese but not Ukrainian, Russian, Turkish
 * or Indonesian, so there it stayed English. Every window's scene gets an event filter that gives a text control
 * without a menu of its own this one, with the same items and the same enabling rules (a password field never offers
 * Cut or Copy), just before JavaFX would show its own.
 */
public final class TextMenus {
    private static final Object INSTALLED = new Object();
    private static volatile Messages messages;
    private static boolean watching;

    private TextMenus() {
    }

    /** Watches every window, now and later, with {@code m}'s texts (a later call changes the texts). FX thread. */
    public static void installEverywhere(Messages m) {
        messages = m;
        if (watching) {
            return;
        }
        watching = true;
        Window.getWindows().forEach(TextMenus::watch);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(TextMenus::watch);
            }
        });
    }

    private static void watch(Window w) {
        install(w.getScene());
        w.sceneProperty().addListener((o, was, now) -> install(now));
    }

    /** Gives {@code scene}'s text controls the app's menu when they are right-clicked (or the menu key pressed). */
    static void install(Scene scene) {
        if (scene == null || scene.getProperties().putIfAbsent(INSTALLED, Boolean.TRUE) != null) {
            return;
        }
        scene.addEventFilter(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            TextInputControl t = owner(e.getTarget());
            Messages m = messages;
            if (t != null && t.getContextMenu() == null && m != null) {
                t.setContextMenu(menu(t, m));
            }
        });
    }

    private static TextInputControl owner(EventTarget target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n instanceof TextInputControl t) {
                return t;
            }
        }
        return null;
    }

    /** The menu of {@code t}: the items of JavaFX's own, enabled as JavaFX enables them each time it opens. */
    static ContextMenu menu(TextInputControl t, Messages m) {
        MenuItem undo = item(m, "text.menu.undo", t::undo);
        MenuItem redo = item(m, "text.menu.redo", t::redo);
        MenuItem cut = item(m, "text.menu.cut", t::cut);
        MenuItem copy = item(m, "text.menu.copy", t::copy);
        MenuItem paste = item(m, "text.menu.paste", t::paste);
        MenuItem delete = item(m, "text.menu.delete", () -> t.deleteText(t.getSelection()));
        MenuItem selectAll = item(m, "text.menu.selectAll", t::selectAll);
        ContextMenu menu = new ContextMenu(undo, redo, new SeparatorMenuItem(), cut, copy, paste, delete,
                new SeparatorMenuItem(), selectAll);
        menu.setOnShowing(e -> {
            boolean editable = t.isEditable() && !t.isDisabled();
            boolean selected = t.getSelection().getLength() > 0;
            boolean secret = t instanceof PasswordField;
            undo.setDisable(!editable || !t.isUndoable());
            redo.setDisable(!editable || !t.isRedoable());
            cut.setDisable(!editable || !selected || secret);
            copy.setDisable(!selected || secret);
            paste.setDisable(!editable || !Clipboard.getSystemClipboard().hasString());
            delete.setDisable(!editable || !selected);
            selectAll.setDisable(t.getLength() == 0 || t.getSelection().getLength() == t.getLength());
        });
        return menu;
    }

    private static MenuItem item(Messages m, String key, Runnable action) {
        MenuItem i = new MenuItem(m.get(key));
        i.setOnAction(e -> action.run());
        return i;
    }
}
