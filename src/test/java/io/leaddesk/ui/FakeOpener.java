package io.leaddesk.ui;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.PageInfo;
import io.leaddesk.graph.TokenInfo;
import io.leaddesk.graph.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Opens workspaces over a fake cache; fails sign-in with {@link #failure} when set. Records what was asked. */
public final class FakeOpener implements WorkspaceOpener {
    public final FakeLeadCache cache;
    public final FakeSyncBackend sync;
    public RuntimeException failure;
    public final List<String> calls = new ArrayList<>();
    public String lastSecret;
    public String lastAppId;
    /** The cancel signal of the last sign-in. */
    public BooleanSupplier lastCancel;
    /** Workspaces opened by signIn that were closed since. */
    public int closedSignIns;

    public FakeOpener(FakeLeadCache cache) {
        this.cache = cache;
        this.sync = new FakeSyncBackend(cache);
    }

    @Override
    public Workspace signIn(AccessToken token, String appId, String appSecret, BooleanSupplier cancelled) {
        calls.add("signIn");
        lastAppId = appId;
        lastCancel = cancelled;
        lastSecret = appSecret;
        if (failure != null) {
            throw failure;
        }
        return new Workspace(Workspace.Mode.ONLINE, new TokenInfo(TokenKind.USER, "u1", "Olena Kovalenko"),
                List.of(new PageInfo("p1", "Школа мов", token, List.of()), new PageInfo("p2", "مدرسة اللغات", token, List.of())),
                cache, sync, () -> closedSignIns++);
    }

    @Override
    public Workspace openOffline() {
        calls.add("offline");
        return new Workspace(Workspace.Mode.OFFLINE, null, List.of(), cache, null, null);
    }

    @Override
    public Workspace openDemo() {
        calls.add("demo");
        return new Workspace(Workspace.Mode.DEMO, new TokenInfo(TokenKind.USER, "demo", "Demo"), List.of(), cache, sync, null);
    }
}
