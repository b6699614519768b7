package io.leaddesk.ui;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.leaddesk.files.AtomicWrite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link UiState} in {@code ui-state.json} in the data folder (per user, never in the OS preferences). Changes
 * are held in memory at once and written shortly after, in the background, through {@link AtomicWrite} (a crash never
 * leaves half a file); {@link #flush()} writes what is pending. A file that cannot be read gives the defaults, one that
 * cannot be written is logged: remembering the window is a convenience, never a reason to stop the user's work.
 */
public final class UiStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(UiStateStore.class);
    public static final String FILE_NAME = "ui-state.json";
    static final Duration SAVE_DELAY = Duration.ofMillis(400);

    private final Path file;
    private final TaskExecutor executor;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private volatile UiState state;
    private Cancellable pending = Cancellable.NONE;
    private boolean dirty;

    /** @param folder the data folder; null = remember for this run only (tests) */
    public UiStateStore(Path folder, TaskExecutor executor) {
        this.file = folder == null ? null : folder.resolve(FILE_NAME);
        this.executor = executor;
        this.state = read();
    }

    /** Remembers nothing between runs. */
    public static UiStateStore inMemory(TaskExecutor executor) {
        return new UiStateStore(null, executor);
    }

    private UiState read() {
        if (file == null || !Files.isRegularFile(file)) {
            return UiState.DEFAULT;
        }
        try {
            UiState s = json.readValue(file.toFile(), UiState.class);
            return s == null ? UiState.DEFAULT : s;
        } catch (IOException | RuntimeException e) {
            LOG.warn("The window's remembered layout in {} could not be read; using the defaults", file);
            return UiState.DEFAULT;
        }
    }

    public UiState get() {
        return state;
    }

    /** Changes what is remembered (on the UI thread); written a moment later unless changed again meanwhile. */
    public void update(UnaryOperator<UiState> change) {
        UiState next = change.apply(state);
        if (next.equals(state)) {
            return;
        }
        state = next;
        if (file == null) {
            return;
        }
        dirty = true;
        pending.cancel();
        pending = executor.schedule(SAVE_DELAY, this::saveInBackground);
    }

    private void saveInBackground() {
        UiState s = state;
        dirty = false;
        executor.submit("remember the window", () -> {
            write(s);
            return Boolean.TRUE;
        }, ok -> { }, e -> LOG.warn("The window's layout could not be remembered in {}", file));
    }

    /** Writes a pending change now, on this thread (at quit). */
    public void flush() {
        pending.cancel();
        if (dirty && file != null) {
            dirty = false;
            try {
                write(state);
            } catch (IOException | RuntimeException e) {
                LOG.warn("The window's layout could not be remembered in {}", file);
            }
        }
    }

    private synchronized void write(UiState s) throws IOException {
        byte[] bytes = json.writeValueAsBytes(s);
        Files.createDirectories(file.getParent());
        AtomicWrite.write(file, out -> out.write(bytes));
    }
}
