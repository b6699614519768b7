package io.leaddesk.ui.leads;

import io.leaddesk.store.LeadRow;
import io.leaddesk.ui.Cancellable;
import io.leaddesk.ui.LeadCache;
import io.leaddesk.ui.TaskExecutor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntConsumer;
import javafx.collections.ObservableListBase;

/**
 * A read-only, virtual list of the rows matching one query: it holds only the row ids (8 bytes a lead) and
 * reads rows from the cache in blocks of {@value #BLOCK} when the table asks for them, keeping the most recently
 * used {@value #MAX_BLOCKS} blocks. Until a block arrives its rows are placeholders ({@link #isLoaded(LeadRow)} false);
 * when it arrives the block listener is told (the table redraws). Never loads everything into memory.
 */
public final class LeadRowList extends ObservableListBase<LeadRow> {
    public static final int BLOCK = 200;
    public static final int MAX_BLOCKS = 64;

    private final long[] ids;
    private final LeadCache cache;
    private final TaskExecutor executor;
    private final IntConsumer onBlockLoaded;
    private final Map<Integer, LeadRow[]> blocks = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, LeadRow[]> eldest) {
            return size() > MAX_BLOCKS;
        }
    };
    private final Set<Integer> pending = new HashSet<>();
    private final List<Cancellable> running = new ArrayList<>();
    private boolean disposed;
    private Map<Long, LeadRow> previous = Map.of();
    /** The list that replaced this one (a refresh): blocks still arriving for this one are handed to it. */
    private LeadRowList successor;

    public LeadRowList(long[] ids, LeadCache cache, TaskExecutor executor, IntConsumer onBlockLoaded) {
        this.ids = ids;
        this.cache = cache;
        this.executor = executor;
        this.onBlockLoaded = onBlockLoaded;
    }

    public static LeadRowList empty(LeadCache cache, TaskExecutor executor) {
        return new LeadRowList(new long[0], cache, executor, b -> { });
    }

    /**
     * Rows the previous list of the same table had in memory: shown (instead of "Loading…") while this list reads
     * its own blocks, so refreshing during a sync does not make the visible rows flicker.
     */
    public void seedFrom(LeadRowList old) {
        Map<Long, LeadRow> m = new HashMap<>();
        for (LeadRow[] block : old.blocks.values()) {
            for (LeadRow r : block) {
                if (isLoaded(r)) {
                    m.put(r.rowId(), r);
                }
            }
        }
        previous = m;
    }

    public static boolean isLoaded(LeadRow row) {
        return row != null && row.id() != null;
    }

    private static LeadRow placeholder(long rowId) {
        return new LeadRow(rowId, null, null, null, 0, "", "", "", "", null, "", "", null);
    }

    @Override
    public LeadRow get(int index) {
        Objects.checkIndex(index, ids.length);
        int b = index / BLOCK;
        LeadRow[] block = blocks.get(b);
        if (block == null) {
            load(b);
            block = blocks.get(b);
        }
        if (block != null) {
            return block[index % BLOCK];
        }
        LeadRow old = previous.get(ids[index]);
        return old != null ? old : placeholder(ids[index]);
    }

    /** The row at {@code index} if its block is in memory, else null (does not start a load). */
    public LeadRow peek(int index) {
        if (index < 0 || index >= ids.length) {
            return null;
        }
        LeadRow[] block = blocks.get(index / BLOCK);
        LeadRow r = block == null ? null : block[index % BLOCK];
        return isLoaded(r) ? r : null;
    }

    /**
     * Identity, not element-wise: comparing two lists of a million virtual rows would read every block
     * (and property change events compare old and new values with equals).
     */
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    @Override
    public int size() {
        return ids.length;
    }

    public long rowIdAt(int index) {
        return ids[index];
    }

    /** Index of the row with this row id, or -1. */
    public int indexOfRowId(long rowId) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == rowId) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces a loaded row in place (e.g. after its review status changed); a no-op if its block is not in memory. */
    public void updateLoaded(String leadId, java.util.function.UnaryOperator<LeadRow> change) {
        for (LeadRow[] block : blocks.values()) {
            for (int i = 0; i < block.length; i++) {
                if (block[i] != null && leadId.equals(block[i].id())) {
                    block[i] = change.apply(block[i]);
                    onBlockLoaded.accept(-1);
                    return;
                }
            }
        }
    }

    /** Number of blocks currently held in memory (for tests and the benchmark). */
    public int blocksInMemory() {
        return blocks.size();
    }

    private void load(int b) {
        if (disposed || !pending.add(b)) {
            return;
        }
        int from = b * BLOCK;
        int to = Math.min(ids.length, from + BLOCK);
        Cancellable[] handle = new Cancellable[1];
        handle[0] = executor.submit("leads rows " + from, () -> align(cache.rows(ids, from, to), from, to), rows -> {
            pending.remove(b);
            running.remove(handle[0]);
            if (!disposed) {
                blocks.put(b, rows);
                if (blocks.size() >= 4) {
                    previous = Map.of();
                }
                onBlockLoaded.accept(b);
            } else if (successor != null) {
                LeadRowList s = successor;
                while (s.successor != null) {
                    s = s.successor;
                }
                if (!s.disposed) {
                    s.adopt(rows);
                }
            }
        }, e -> {
            pending.remove(b);
            running.remove(handle[0]);
        });
        if (pending.contains(b)) {
            running.add(handle[0]);
        }
    }

    private LeadRow[] align(List<LeadRow> got, int from, int to) {
        Map<Long, LeadRow> byId = new HashMap<>(got.size() * 2);
        for (LeadRow r : got) {
            byId.put(r.rowId(), r);
        }
        LeadRow[] out = new LeadRow[to - from];
        for (int i = from; i < to; i++) {
            LeadRow r = byId.get(ids[i]);
            out[i - from] = r != null ? r : gone(ids[i]);
        }
        return out;
    }

    /** A lead deleted from the cache since the query ran: shown as an empty row rather than a shifted one. */
    private static LeadRow gone(long rowId) {
        return new LeadRow(rowId, "", "", "", 0, "", "", "", "", null, "", "", null);
    }

    /**
     * A refresh replaced this list with {@code next}: blocks this one is still reading are not thrown away but shown
     * by {@code next} until it has read its own, so rows never stay "Loading…" while a sync refreshes the table
     * faster than a block is read.
     */
    public void replacedBy(LeadRowList next) {
        disposed = true;
        successor = next;
    }

    /** Rows a replaced list read late: shown in place of placeholders. */
    private void adopt(LeadRow[] rows) {
        Map<Long, LeadRow> m = new HashMap<>(previous);
        for (LeadRow r : rows) {
            if (isLoaded(r)) {
                m.put(r.rowId(), r);
            }
        }
        previous = m;
        onBlockLoaded.accept(-1);
    }

    /** Stops loading; late blocks are dropped. */
    public void dispose() {
        disposed = true;
        running.forEach(Cancellable::cancel);
        running.clear();
        pending.clear();
    }
}
