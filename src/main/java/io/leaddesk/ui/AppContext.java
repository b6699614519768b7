package io.leaddesk.ui;

import io.leaddesk.access.AppCredentials;
import io.leaddesk.diagnostics.Diagnostics;
import io.leaddesk.config.Environment;
import io.leaddesk.export.CustomProfiles;
import io.leaddesk.export.ExportSource;
import io.leaddesk.export.Exporter;
import io.leaddesk.graph.AccessToken;
import io.leaddesk.i18n.Language;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.AppSettings;
import io.leaddesk.store.CredentialVault;
import io.leaddesk.store.DataFolder;
import io.leaddesk.store.KeyringVault;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.SettingsStore;
import io.leaddesk.store.StoreException;
import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.FormsRefresh;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncListener;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.sync.SyncService;
import io.leaddesk.ui.access.AccessText;
import io.leaddesk.ui.access.AccessViewModel;
import io.leaddesk.ui.access.ExtendViewModel;
import io.leaddesk.ui.access.SessionAccess;
import io.leaddesk.ui.access.TokenLifeViewModel;
import io.leaddesk.ui.detail.ClipboardPort;
import io.leaddesk.ui.detail.LeadDetailViewModel;
import io.leaddesk.ui.export.ExportViewModel;
import io.leaddesk.ui.imports.ImportBackend;
import io.leaddesk.ui.imports.ImportViewModel;
import io.leaddesk.ui.leads.LeadsTableViewModel;
import io.leaddesk.ui.live.LiveBackend;
import io.leaddesk.ui.live.LiveViewModel;
import io.leaddesk.ui.settings.DiagnosticsViewModel;
import io.leaddesk.ui.settings.SettingsViewModel;
import io.leaddesk.ui.signin.SignInViewModel;
import io.leaddesk.ui.workspace.WorkspaceViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;

/**
 * The one composition root: builds the services by hand (GraphClient, LeadStore, SyncService, SettingsStore,
 * CredentialVault, TaskExecutor) and hands them to ViewModels through their constructors. No singletons.
 * Implements {@link WorkspaceOpener}: every method here that touches network or disk is called from a background task.
 */
public final class AppContext implements WorkspaceOpener, AutoCloseable {

    /**
     * Everything that differs between the real app and a test.
     *
     * @param graphBaseUrl null = the Graph address of {@code environment} (LEADDESK_GRAPH_URL, else graph.facebook.com);
     *                     set, it wins (tests point it at the sample Graph API)
     * @param demo         how the demo's sample Graph API behaves (tests make it slow with latencyMs)
     * @param environment  the variables the app honours, the same as the command line's ({@link Environment})
     */
    public record Config(Path defaultDataFolder, Preferences prefs, CredentialVault vault, TaskExecutor executor,
                         Duration searchDebounce, Clock clock, ZoneId zone, Locale locale, String graphBaseUrl,
                         SampleOptions demo, Environment environment) {

        /** Without environment variables: data folder, preferences and Graph address only as given. */
        public Config(Path defaultDataFolder, Preferences prefs, CredentialVault vault, TaskExecutor executor,
                      Duration searchDebounce, Clock clock, ZoneId zone, Locale locale, String graphBaseUrl,
                      SampleOptions demo) {
            this(defaultDataFolder, prefs, vault, executor, searchDebounce, clock, zone, locale, graphBaseUrl, demo,
                    new Environment(Map.of(), defaultDataFolder, prefs));
        }

        /** The data folder, its preferences and the Graph wire settings from {@code environment}, as the command line has them. */
        public static Config of(Environment environment, CredentialVault vault, TaskExecutor executor, Duration searchDebounce,
                                Clock clock, ZoneId zone, Locale locale, SampleOptions demo) {
            return new Config(environment.defaultDataFolder(), environment.preferences(), vault, executor, searchDebounce,
                    clock, zone, locale, null, demo, environment);
        }
    }

    /** The demo's own cache, inside the data folder. */
    static final String DEMO_FOLDER = "demo";
    /** New leads a minute the demo's sample server receives, so auto-sync has something to find (issue 14). */
    static final double DEMO_TRICKLE = 1;

    private final Config config;
    private final Messages messages;
    private final SettingsStore settingsStore;
    private volatile Formats formats;
    private volatile Path home;
    private final Locale locale;
    private final UiStateStore uiState;
    private volatile AppSettings settings;
    private volatile LiveViewModel.Parts liveParts;

    /**
     * The app speaks the language of the settings ({@link AppSettings#language()}), or with "System default" the
     * language of {@link Config#locale()} when it is one of ours, else English; a change applies at the next start.
     */
    public AppContext(Config config) {
        this.config = config;
        this.settingsStore = new SettingsStore(config.defaultDataFolder(), config.prefs());
        this.settings = settingsStore.load();
        this.locale = Language.resolve(settings.language(), config.locale());
        this.messages = Messages.load(locale);
        this.formats = new Formats(config.zone(), locale);
        this.home = formats.paths().home();
        this.uiState = new UiStateStore(settingsStore.dataFolder(), config.executor());
    }

    /** The locale the app speaks (its language, number and date formats). */
    public Locale locale() {
        return locale;
    }

    /** The OS locale, which "System default" follows. */
    public Locale systemLocale() {
        return config.locale();
    }

    /** The window's layout remembered for this user ({@code ui-state.json} in the data folder). */
    public UiStateStore uiState() {
        return uiState;
    }

    /**
     * The real app: data folder and Graph wire settings from the process environment, exactly as the command line
     * reads them ({@link Environment}), OS credential store, FX executor.
     */
    public static AppContext create() {
        Config c = Config.of(Environment.system(), new KeyringVault(), new FxTaskExecutor(), Duration.ofMillis(150),
                Clock.systemDefaultZone(), ZoneId.systemDefault(), Locale.getDefault(),
                SampleOptions.defaults().withTrickle(DEMO_TRICKLE));
        return new AppContext(c);
    }

    public Messages messages() {
        return messages;
    }

    public AppSettings settings() {
        return settings;
    }

    public void settingsChanged(AppSettings s) {
        this.settings = s;
    }

    public TaskExecutor executor() {
        return config.executor();
    }

    public Path dataFolder() {
        return settingsStore.dataFolder();
    }

    /**
     * The environment's variables (LEADDESK_GRAPH_URL, LEADDESK_GRAPH_VERSION, LEADDESK_PAGE_SIZE,
     * LEADDESK_MAX_RETRY_SECONDS, LEADDESK_APP_SECRET), then the settings, then defaults; a secret given at sign-in wins.
     * A bad variable fails the sign-in with one sentence.
     */
    private GraphSettings graphSettings(String appSecret) {
        GraphSettings g = config.environment().graphSettings(settings);
        if (config.graphBaseUrl() != null) {
            g = g.withBaseUrl(config.graphBaseUrl());
        }
        return appSecret == null || appSecret.isBlank() ? g : g.withAppSecret(appSecret);
    }

    private LeadStore openStore(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException(messages.format("error.dataFolder", folder.toString()), e);
        }
        return LeadStore.open(DataFolder.databaseFile(folder));
    }

    /**
     * Signs in within the sign-in check's limit; Cancel ({@code cancelled}) ends it at once. The app's id and secret
     * given at sign-in win over LEADDESK_APP_ID and LEADDESK_APP_SECRET; the secret signs every call
     * (appsecret_proof), both together let "Make this token last" and debug_token work.
     */
    @Override
    public Workspace signIn(AccessToken token, String appId, String appSecret, BooleanSupplier cancelled) {
        String id = blankToNull(appId) != null ? appId.strip() : config.environment().appId();
        String secret = blankToNull(appSecret) != null ? appSecret.strip() : config.environment().appSecret();
        return connect(Workspace.Mode.ONLINE, token, graphSettings(secret), dataFolder(), null,
                AppCredentials.ofNullable(id, secret), cancelled);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Workspace connect(Workspace.Mode mode, AccessToken token, GraphSettings gs, Path folder, AutoCloseable extra,
                              AppCredentials app, BooleanSupplier cancelled) {
        GraphClient graph = new GraphClient(gs);
        LeadStore store = null;
        try {
            store = openStore(folder);
            SyncService service = new SyncService(graph, store);
            AtomicReference<Session> session = new AtomicReference<>(service.signIn(token, cancelled));
            LeadStore s = store;
            LiveBackend live = new LiveBackend(service, session::get);
            // after "Make this token last" the session reads with the long-lived token and the Page tokens taken with it
            SessionAccess access = new SessionAccess(graph, token, app, config.clock(),
                    (longLived, stop) -> session.set(service.signIn(longLived, stop)));
            Session first = session.get();
            return new Workspace(mode, first.who(), first.pages(), LeadCache.of(store), live, () -> {
                live.close(); // auto-sync stops before the cache and the client close
                graph.close();
                s.close();
                if (extra != null) {
                    extra.close();
                }
            }, ExportSource.of(store), access, ImportBackend.of(store, config.clock())).withLive(live);
        } catch (RuntimeException e) {
            graph.close();
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }

    @Override
    public Workspace openOffline() {
        LeadStore store = openStore(dataFolder());
        boolean demoTried = Files.isRegularFile(DataFolder.databaseFile(dataFolder().resolve(DEMO_FOLDER)));
        return new Workspace(Workspace.Mode.OFFLINE, null, java.util.List.of(), LeadCache.of(store), null, store,
                ExportSource.of(store), ImportBackend.of(store, config.clock())).withDemoKeptApart(demoTried);
    }

    /**
     * The demo: an in-process sample Graph API and a separate cache in {@code <data folder>/demo/}, so sample leads
     * never mix with real ones. The demo cache is kept between demo sessions (reviews made in the demo survive
     * reopening it, like in a real workspace); the sample data set is deterministic, so re-syncing adds no duplicates.
     */
    @Override
    public Workspace openDemo() {
        Path demo = dataFolder().resolve(DEMO_FOLDER);
        DemoBackend server = DemoBackend.start(config.demo());
        try {
            GraphSettings gs = GraphSettings.defaults().withVersion(settings.graphVersion()).withBaseUrl(server.baseUrl())
                    .withInitialBackoff(Duration.ofMillis(50)).withMaxRetryTime(Duration.ofSeconds(5));
            return connect(Workspace.Mode.DEMO, server.userToken(), gs, demo, server,
                    new AppCredentials(SampleTokens.APP_ID, SampleTokens.APP_SECRET), () -> false);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    // ---- ViewModels ------------------------------------------------------------------------------

    public SignInViewModel signInViewModel() {
        return new SignInViewModel(this, config.vault(), config.executor(), messages, extendViewModel(), accessText(),
                config.clock());
    }

    public WorkspaceViewModel workspaceViewModel(Workspace w, ClipboardPort clipboard) {
        LeadsTableViewModel leads = new LeadsTableViewModel(w.cache(), config.executor(), messages, config.searchDebounce(),
                config.zone(), uiState);
        LeadDetailViewModel detail = new LeadDetailViewModel(w.cache(), config.executor(), messages, formats, config.clock(), clipboard);
        WorkspaceViewModel vm = new WorkspaceViewModel(w, config.vault(), config.executor(), messages, formats, leads, detail, clipboard);
        vm.access().setTokenLife(tokenLifeViewModel(w));
        return vm;
    }

    /** How the access doctor's findings and token dates read in this app (its locale and time zone). */
    public AccessText accessText() {
        return new AccessText(messages, config.zone());
    }

    /** "Make this token last", remembering the new token where the old one was remembered. */
    public ExtendViewModel extendViewModel() {
        return new ExtendViewModel(config.executor(), config.vault(), messages, accessText(), config.clock());
    }

    /** The Access view of a signed-in workspace ({@link Workspace#access()}). */
    public AccessViewModel accessViewModel(Workspace w) {
        return new AccessViewModel(w.access().orElseThrow(), extendViewModel(), config.executor(), messages, accessText(),
                config.clock());
    }

    /** How long the workspace's token has left (nothing to tell offline). */
    public TokenLifeViewModel tokenLifeViewModel(Workspace w) {
        return new TokenLifeViewModel(w.access().orElse(null), config.executor(), messages, accessText(), config.clock());
    }

    /** The Export dialog's ViewModel for an open workspace that can export ({@link Workspace#exports()}). */
    public ExportViewModel exportViewModel(Workspace w) {
        return new ExportViewModel(w.exports().orElseThrow(), w.cache(), new Exporter(config.clock()),
                new CustomProfiles(dataFolder()), config.executor(), messages, formats, config.clock(),
                settings.defaultRegion(), documentsFolder(home), config.searchDebounce().multipliedBy(2),
                uiState, w.memoryKey());
    }

    /** The "Import Meta download…" dialog's ViewModel for an open workspace that can import ({@link Workspace#imports()}). */
    public ImportViewModel importViewModel(Workspace w) {
        return new ImportViewModel(w.imports().orElseThrow(), config.executor(), messages);
    }

    /** Where exports go by default: the user's Documents folder when there is one, else the home folder. */
    static Path documentsFolder(Path home) {
        Path h = home == null ? Path.of(".").toAbsolutePath() : home;
        Path docs = h.resolve("Documents");
        return Files.isDirectory(docs) ? docs : h;
    }

    /**
     * Tests and screenshots: a home folder of their own instead of the user's, where exports go by default (its
     * Documents folder) and which paths abbreviate as "~". Call before the first window opens.
     */
    public void setHomeFolder(Path folder) {
        this.home = folder;
        this.formats = new Formats(config.zone(), locale, PathText.of(System.getProperty("os.name"), folder));
    }

    /** Issue 14: the live desk of an open workspace (auto-sync, notifications, the title's count). */
    public LiveViewModel liveViewModel(WorkspaceViewModel vm) {
        LiveViewModel.Parts p = liveParts;
        if (p == null) {
            LiveViewModel.Parts real = LiveViewModel.Parts.real();
            p = new LiveViewModel.Parts(config.clock(), real.scheduler(), real.notifiers(), null);
        }
        return new LiveViewModel(vm, config.executor(), messages, config.zone(), p);
    }

    /** Tests: the live desk's clock, threads and notifier (null = the real ones). */
    public void setLiveParts(LiveViewModel.Parts parts) {
        this.liveParts = parts;
    }

    public SettingsViewModel settingsViewModel() {
        return new SettingsViewModel(settings, settingsStore, config.executor(), messages, config.locale());
    }

    /** "Copy diagnostics" for this data folder, copying through {@code clipboard}. */
    public DiagnosticsViewModel diagnosticsViewModel(ClipboardPort clipboard) {
        return new DiagnosticsViewModel(() -> Diagnostics.report(dataFolder()), clipboard, config.executor(), messages);
    }

    public Formats formats() {
        return formats;
    }

    @Override
    public void close() {
        uiState.flush();
        if (config.executor() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // shutting down
            }
        }
        config.vault().close();
    }
}
