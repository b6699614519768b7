package io.leaddesk.ui;

import io.leaddesk.export.ExportSource;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.graph.TokenInfo;
import io.leaddesk.ui.access.AccessBackend;
import io.leaddesk.ui.imports.ImportBackend;
import java.util.List;
import java.util.Optional;

/**
 * An opened workspace: the cache to browse, and (when signed in) the session's sync backend.
 * Closing it releases what it opened (database, in-process sample server).
 */
public final class Workspace implements AutoCloseable {

    public enum Mode { ONLINE, OFFLINE, DEMO }

    private final Mode mode;
    private final TokenInfo who;
    private final List<PageInfo> pages;
    private final LeadCache cache;
    private final SyncBackend sync;
    private final AutoCloseable onClose;
    private final ExportSource exports;
    private final AccessBackend access;
    private final ImportBackend imports;
    private volatile boolean demoKeptApart;
    private volatile io.leaddesk.ui.live.LiveBackend live;

    public Workspace(Mode mode, TokenInfo who, List<PageInfo> pages, LeadCache cache, SyncBackend sync, AutoCloseable onClose) {
        this(mode, who, pages, cache, sync, onClose, null);
    }

    public Workspace(Mode mode, TokenInfo who, List<PageInfo> pages, LeadCache cache, SyncBackend sync, AutoCloseable onClose,
                     ExportSource exports) {
        this(mode, who, pages, cache, sync, onClose, exports, null, null);
    }

    /** @param access the Access view's and the token expiry's port for this session; null = none (offline) */
    public Workspace(Mode mode, TokenInfo who, List<PageInfo> pages, LeadCache cache, SyncBackend sync, AutoCloseable onClose,
                     ExportSource exports, AccessBackend access) {
        this(mode, who, pages, cache, sync, onClose, exports, access, null);
    }

    public Workspace(Mode mode, TokenInfo who, List<PageInfo> pages, LeadCache cache, SyncBackend sync, AutoCloseable onClose,
                     ExportSource exports, ImportBackend imports) {
        this(mode, who, pages, cache, sync, onClose, exports, null, imports);
    }

    /**
     * @param exports what the Export dialog reads and records history in; null = export not available
     * @param access  the Access view's and the token expiry's port for this session; null = none (offline)
     * @param imports what "Import Meta download…" previews and writes with; null = import not available
     */
    public Workspace(Mode mode, TokenInfo who, List<PageInfo> pages, LeadCache cache, SyncBackend sync, AutoCloseable onClose,
                     ExportSource exports, AccessBackend access, ImportBackend imports) {
        this.exports = exports;
        this.access = access;
        this.imports = imports;
        this.mode = mode;
        this.who = who;
        this.pages = pages == null ? List.of() : List.copyOf(pages);
        this.cache = cache;
        this.sync = sync;
        this.onClose = onClose;
    }

    public Mode mode() {
        return mode;
    }

    public Optional<TokenInfo> who() {
        return Optional.ofNullable(who);
    }

    public List<PageInfo> pages() {
        return pages;
    }

    public LeadCache cache() {
        return cache;
    }

    /** Empty when offline. */
    public Optional<SyncBackend> sync() {
        return Optional.ofNullable(sync);
    }

    /** Empty when this workspace cannot export (tests with a fake cache). */
    public Optional<ExportSource> exports() {
        return Optional.ofNullable(exports);
    }

    /** What the Access view checks and "Make this token last" exchanges; empty when offline. */
    public Optional<AccessBackend> access() {
        return Optional.ofNullable(access);
    }

    /** Empty when this workspace cannot import Meta's lead downloads (tests with a fake cache). */
    public Optional<ImportBackend> imports() {
        return Optional.ofNullable(imports);
    }

    /**
     * Marks an offline workspace of a computer where the sample data was tried: the demo's leads are kept apart (in
     * their own cache), which the empty table then explains.
     */
    public Workspace withDemoKeptApart(boolean kept) {
        this.demoKeptApart = kept;
        return this;
    }

    public boolean demoKeptApart() {
        return demoKeptApart;
    }

    /** Issue 14: a signed-in workspace (online or the demo) that can run auto-sync; its sync backend is {@code live}. */
    public Workspace withLive(io.leaddesk.ui.live.LiveBackend live) {
        this.live = live;
        return this;
    }

    /** Empty when offline (or a test's workspace without the live desk). */
    public Optional<io.leaddesk.ui.live.LiveBackend> live() {
        return Optional.ofNullable(live);
    }

    /** "demo" for the sample data's workspace, "main" for the cache of real leads (online or offline). */
    public String memoryKey() {
        return mode == Mode.DEMO ? "demo" : "main";
    }

    public boolean isDemo() {
        return mode == Mode.DEMO;
    }

    @Override
    public void close() {
        if (onClose != null) {
            try {
                onClose.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(Workspace.class).warn("Closing the workspace failed: {}", e.getMessage());
            }
        }
    }
}
