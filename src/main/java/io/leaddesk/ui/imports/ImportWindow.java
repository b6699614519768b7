package io.leaddesk.ui.imports;

import io.leaddesk.ui.Messages;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The import dialog's window (modal to the main window), the file chooser that opens it, and the drop of files onto the
 * main window that opens it too. The main window only calls these.
 */
public final class ImportWindow {
    private final ImportViewModel vm;
    private final ImportView view;
    private final Stage stage;

    /**
     * @param stylesheets the app's stylesheets (theme touches), added to the dialog's scene
     * @param onHidden    called once the dialog closed (its ViewModel is closed then)
     */
    public ImportWindow(Window owner, ImportViewModel vm, Messages messages, List<String> stylesheets, Runnable onHidden) {
        this.vm = vm;
        this.view = new ImportView(vm, messages);
        this.stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(messages.get("import.title"));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(900, screen.getWidth()), Math.min(700, screen.getHeight()));
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.setMinWidth(640);
        stage.setMinHeight(420);
        view.setOnClose(stage::close);
        stage.setOnHidden(e -> {
            vm.close();
            onHidden.run();
        });
    }

    /** Shows the dialog and starts reading {@code files}. */
    public void show(List<Path> files) {
        stage.show();
        vm.open(files);
    }

    public Stage stage() {
        return stage;
    }

    public ImportViewModel viewModel() {
        return vm;
    }

    public ImportView view() {
        return view;
    }

    /** Asks for one or more lead downloads (the Downloads folder first); empty when the user cancelled. */
    public static List<Path> choose(Window owner, Messages messages) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("import.chooser.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("import.chooser.files"), "*.csv", "*.tsv", "*.CSV", "*.TSV"),
                new FileChooser.ExtensionFilter(messages.get("import.chooser.all"), "*"));
        Path downloads = Path.of(System.getProperty("user.home", "."), "Downloads");
        if (Files.isDirectory(downloads)) {
            chooser.setInitialDirectory(downloads.toFile());
        }
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        return chosen == null ? List.of() : ImportViewModel.filesToImport(paths(chosen));
    }

    /**
     * Lets files be dropped on {@code target}: the drag is accepted when it carries at least one file (not a folder), and
     * the drop hands those files to {@code open}.
     */
    public static void acceptDrops(Node target, Consumer<List<Path>> open) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getGestureSource() == null && !dropped(e.getDragboard()).isEmpty()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            List<Path> files = dropped(e.getDragboard());
            e.setDropCompleted(!files.isEmpty());
            e.consume();
            if (!files.isEmpty()) {
                javafx.application.Platform.runLater(() -> open.accept(files)); // once the drag gesture has ended
            }
        });
    }

    private static List<Path> dropped(Dragboard board) {
        return board.hasFiles() ? ImportViewModel.filesToImport(paths(board.getFiles())) : List.of();
    }

    private static List<Path> paths(List<File> files) {
        List<Path> out = new ArrayList<>(files.size());
        for (File f : files) {
            out.add(f.toPath());
        }
        return out;
    }
}
