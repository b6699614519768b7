package io.leaddesk.ui.imports;

import io.leaddesk.imports.ImportListener;
import io.leaddesk.imports.ImportOptions;
import io.leaddesk.imports.ImportPreview;
import io.leaddesk.imports.ImportResult;
import io.leaddesk.imports.ImportService;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredForm;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What the import dialog needs of the workspace's cache: {@link ImportService}'s preview and import, and the cached forms
 * to choose from when a file names none. A port, so a ViewModel test can make the cache fail; {@link #of} adapts the real
 * service. Every method blocks (file and database work): call it only from background tasks.
 */
public interface ImportBackend {

    /** @see ImportService#preview */
    ImportPreview preview(Path file, ImportOptions options, ImportListener listener, BooleanSupplier cancel);

    /** @see ImportService#importFile(ImportPreview, ImportListener, BooleanSupplier) */
    ImportResult importFile(ImportPreview preview, ImportListener listener, BooleanSupplier cancel);

    /** The forms of the cache (every page), for the form choice. */
    List<StoredForm> forms();

    static ImportBackend of(LeadStore store, Clock clock) {
        ImportService service = new ImportService(store, clock);
        return new ImportBackend() {
            @Override
            public ImportPreview preview(Path file, ImportOptions options, ImportListener listener, BooleanSupplier cancel) {
                return service.preview(file, options, listener, cancel);
            }

            @Override
            public ImportResult importFile(ImportPreview preview, ImportListener listener, BooleanSupplier cancel) {
                return service.importFile(preview, listener, cancel);
            }

            @Override
            public List<StoredForm> forms() {
                return store.forms(List.of());
            }
        };
    }
}
