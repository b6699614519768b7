package io.leaddesk.export;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups submissions into persons for dedupe: two leads are the same person when they share a normalised email or a
 * normalised phone (transitively: union-find), across forms. Built in a first pass over the leads; memory is
 * proportional to distinct emails/phones (one map entry per key plus a few ints per person), not to the file.
 * Per person it keeps the newest submission (largest created_time; ties: greatest lead id) and the count.
 */
final class DedupeIndex {

    private final Map<String, Integer> groupByKey = new HashMap<>();
    private int[] parent = new int[1024];
    private int[] count = new int[1024];
    private long[] newestCreated = new long[1024];
    private String[] newestId = new String[1024];
    private int groups;

    /** Adds one submission with its person keys (none = a person of its own, not tracked). */
    void add(String leadId, long created, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        int g = -1;
        for (String k : keys) {
            Integer existing = groupByKey.get(k);
            if (existing != null) {
                int r = find(existing);
                g = g < 0 ? r : union(g, r);
            }
        }
        if (g < 0) {
            g = newGroup();
        }
        for (String k : keys) {
            groupByKey.putIfAbsent(k, g);
        }
        count[g]++;
        if (newestId[g] == null || newer(created, leadId, newestCreated[g], newestId[g])) {
            newestCreated[g] = created;
            newestId[g] = leadId;
        }
    }

    /** The person of these keys (root id), or -1 when none of them was seen. */
    int personOf(List<String> keys) {
        int g = -1;
        for (String k : keys) {
            Integer existing = groupByKey.get(k);
            if (existing != null) {
                g = find(existing);
                break;
            }
        }
        return g;
    }

    boolean isNewest(int person, String leadId) {
        return leadId.equals(newestId[person]);
    }

    /** True when this lead is newer than the person's newest seen in the first pass (it arrived in between). */
    boolean isNewerThanNewest(int person, String leadId, long created) {
        return newer(created, leadId, newestCreated[person], newestId[person]);
    }

    int submissions(int person) {
        return count[person];
    }

    static boolean newer(long created, String id, long otherCreated, String otherId) {
        if (created != otherCreated) {
            return created > otherCreated;
        }
        return id.compareTo(otherId) > 0;
    }

    private int newGroup() {
        if (groups == parent.length) {
            int n = parent.length * 2;
            parent = Arrays.copyOf(parent, n);
            count = Arrays.copyOf(count, n);
            newestCreated = Arrays.copyOf(newestCreated, n);
            newestId = Arrays.copyOf(newestId, n);
        }
        parent[groups] = groups;
        return groups++;
    }

    private int find(int g) {
        int root = g;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[g] != root) {
            int next = parent[g];
            parent[g] = root;
            g = next;
        }
        return root;
    }

    /** Merges two roots; returns the surviving root. */
    private int union(int a, int b) {
        if (a == b) {
            return a;
        }
        parent[b] = a;
        count[a] += count[b];
        if (newestId[b] != null && (newestId[a] == null || newer(newestCreated[b], newestId[b], newestCreated[a], newestId[a]))) {
            newestCreated[a] = newestCreated[b];
            newestId[a] = newestId[b];
        }
        newestId[b] = null;
        return a;
    }
}
