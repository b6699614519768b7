package io.leaddesk.ui.workspace;

import io.leaddesk.graph.TokenInfo;
import io.leaddesk.graph.TokenKind;
import io.leaddesk.ui.Messages;
import io.leaddesk.ui.Workspace;

/** The toolbar's badge: who the workspace is signed in as ("Ana Agency · user token · 5 Pages"), demo or offline. */
final class IdentityText {
    private IdentityText() {
    }

    static String of(Workspace workspace, Messages m) {
        if (workspace.isDemo()) {
            return m.get("workspace.demo.badge");
        }
        if (workspace.sync().isEmpty()) {
            return m.get("workspace.offline.badge");
        }
        TokenInfo who = workspace.who().orElse(null);
        String kind = who != null && who.kind() == TokenKind.PAGE ? m.get("signin.kind.page") : m.get("signin.kind.user");
        return m.format("workspace.identity", who == null ? "" : who.name(), kind, workspace.pages().size());
    }
}
