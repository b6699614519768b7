package io.leaddesk.ui.leads;

import io.leaddesk.ui.Messages;

/**
 * What the leads table says while it shows no lead: why, and what the user can do now. It never suggests a Sync the
 * workspace cannot run (offline), nor "change the search" when nothing narrows the table.
 */
public final class EmptyText {
    private EmptyText() {
    }

    /**
     * What the workspace tells the table.
     *
     * @param online        a sync can bring leads in
     * @param demoKeptApart offline on a computer where the sample data was tried: its leads live in the demo workspace
     * @param syncing       a sync runs now: its leads appear as pages arrive
     */
    public record Hints(boolean online, boolean demoKeptApart, boolean syncing) {
        public Hints syncing(boolean now) {
            return new Hints(online, demoKeptApart, now);
        }
    }

    /**
     * @param answered      the first query has answered (until then: "Loading…")
     * @param cached        the scope holds leads (so the search or filters hide them)
     * @param narrowed      a search or a filter is set
     * @param scoped        a page or form is selected in the tree
     */
    static String of(Messages m, boolean answered, boolean cached, boolean narrowed, boolean scoped, Hints h) {
        boolean online = h.online();
        if (!answered) {
            return m.get("leads.loading");
        } else if (cached || narrowed) {
            return online ? m.get("leads.empty.noMatch") : m.get("leads.empty.noMatch.offline");
        } else if (h.syncing()) {
            // not "Sync to bring them in" while a sync is bringing them
            return m.get("leads.empty.syncing");
        } else if (scoped) {
            return online ? m.get("leads.empty.scope") : m.get("leads.empty.scope.offline");
        } else if (online) {
            return m.get("leads.empty.none");
        } else if (h.demoKeptApart()) {
            return m.get("leads.empty.offline.demo");
        }
        return m.get("leads.empty.offline");
    }
}
