package io.leaddesk.export;

import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.StoredLead;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The reader side of an export's two-thread pipeline. Reading the store and writing rows cost about the same, so an
 * export overlaps them: a reader thread ({@value #READER_THREAD}) runs {@code forEachLeadDeferred} (the real store
 * hands each lead over with its JSON still unparsed) and hands the leads over in batches of {@value #BATCH} through a
 * queue of {@value #QUEUE_BATCHES} batches (so at most a few thousand leads are in flight, whatever the export's
 * size); the calling thread turns them into rows and writes them. Each lead's JSON is parsed once, by whichever thread
 * claims it first: the writing side from the front of its batch, the reader from the back of the batches in flight
 * whenever the queue is full. A store error on the reader is thrown on the calling thread as if read there; a cancel,
 * an I/O error or any other failure on the writing side stops the reader at its next lead; the reader is always
 * joined before {@link #run} returns.
 */
final class ReadAhead {

    /** The name of the thread that reads the store during an export. */
    static final String READER_THREAD = "leaddesk-export-reader";
    static final int BATCH = 256;
    static final int QUEUE_BATCHES = 4;
    /** How long either side waits on the queue before it looks again at cancel / abort. */
    private static final long WAIT_MILLIS = 20;

    private ReadAhead() {
    }

    /**
     * Streams the leads of {@code query} to {@code consumer} on the calling thread while a {@value #READER_THREAD}
     * thread reads them from {@code source}. Whatever {@code source} throws is thrown here (the same object); whatever
     * {@code consumer} throws stops the reader and is thrown here. {@code cancel} is also polled (on the calling thread)
     * while the reader is slow to deliver. The reader has ended when this returns or throws.
     *
     * <p>Parsing is shared: each lead is parsed once, by whichever thread claims it first. The calling thread claims
     * leads in order from the front of the batch it is writing; the reader, whenever the queue is full (the writing side
     * is behind), claims leads from the back of the batches in flight, newest first. So neither thread idles while the
     * other has parsing left, whichever side is the slower one on a given machine.
     */
    static void run(ExportSource source, LeadQuery query, BooleanSupplier cancel, Consumer<StoredLead> consumer) {
        Reader ahead = new Reader(source, query);
        Thread reader = new Thread(ahead::run, READER_THREAD);
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                Batch batch = ahead.queue.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (batch == null) {
                    if (cancel.getAsBoolean()) {
                        throw Stop.CANCELLED;
                    }
                    if (!reader.isAlive() && ahead.queue.isEmpty()) {
                        throw new IllegalStateException("The lead reader stopped without finishing.");
                    }
                    continue;
                }
                if (batch == Reader.END) {
                    ahead.throwFailure();
                    return;
                }
                for (int i = 0; i < batch.size; i++) {
                    consumer.accept(batch.take(i));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Stop.CANCELLED;
        } finally {
            ahead.aborted = true;
            ahead.queue.clear();
            joinUninterruptibly(reader);
        }
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Up to {@value #BATCH} leads in flight, each still unparsed until a thread claims it: state 0 = unclaimed,
     * 1 = being parsed, 2 = parsed (result, or what the parse threw, in {@code results}).
     */
    static final class Batch {
        final Supplier<StoredLead>[] leads;
        final Object[] results;
        final AtomicIntegerArray state;
        int size;
        /** The reader's next candidate from the back (reader thread only). */
        int readerCursor = -1;

        @SuppressWarnings("unchecked")
        Batch(int capacity) {
            leads = (Supplier<StoredLead>[]) new Supplier<?>[capacity];
            results = new Object[capacity];
            state = new AtomicIntegerArray(capacity);
        }

        /** Parses lead {@code i} here unless another thread has claimed it; true if this call parsed it. */
        boolean tryParse(int i) {
            if (!state.compareAndSet(i, 0, 1)) {
                return false;
            }
            Object r;
            try {
                r = leads[i].get();
            } catch (Throwable t) {
                r = t;
            }
            results[i] = r;
            leads[i] = null;
            state.set(i, 2);
            return true;
        }

        /**
         * The reader's share: parses the unclaimed lead nearest the back; false when none is left (the writing side
         * claims from the front in order, so once it holds a lead it holds every lead before it too).
         */
        boolean parseFromBack() {
            if (readerCursor >= 0) {
                int i = readerCursor--;
                if (tryParse(i)) {
                    return true;
                }
                readerCursor = -1;
            }
            return false;
        }

        /** Lead {@code i}, parsed here, or by the reader (then waited for: one lead's parse, a few microseconds). */
        StoredLead take(int i) {
            if (!tryParse(i)) {
                int spins = 0;
                while (state.get(i) != 2) {
                    if (++spins < 10_000) {
                        Thread.onSpinWait();
                    } else {
                        Thread.yield();
                    }
                }
            }
            Object r = results[i];
            results[i] = null;
            if (r instanceof Throwable t) {
                ReadAhead.<RuntimeException>sneakyThrow(t);
            }
            return (StoredLead) r;
        }
    }

    /** The reader's side: batches leads into a bounded queue; ends with {@link #END}, after noting a failure if any. */
    private static final class Reader {
        static final Batch END = new Batch(0);

        final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
        final ExportSource source;
        final LeadQuery query;
        /** Set by the writing side when it stops (done, cancelled or failed): the reader stops at its next lead. */
        volatile boolean aborted;
        private volatile Throwable failure;
        private Batch batch = new Batch(BATCH);
        /** Batches handed over lately, newest last: the reader parses from their backs while the queue is full. */
        private final ArrayDeque<Batch> handed = new ArrayDeque<>();

        Reader(ExportSource source, LeadQuery query) {
            this.source = source;
            this.query = query;
        }

        void run() {
            try {
                source.forEachLeadDeferred(query, lead -> {
                    if (aborted) {
                        throw Stop.ABORTED;
                    }
                    batch.leads[batch.size++] = lead;
                    if (batch.size == BATCH) {
                        handSharingWork(batch);
                        batch = new Batch(BATCH);
                    }
                });
                if (batch.size > 0) {
                    handSharingWork(batch);
                }
            } catch (Throwable t) {
                if (!aborted) {
                    failure = t;
                }
            } finally {
                batch = null;
                handed.clear();
                try {
                    hand(END);
                } catch (Stop ignored) {
                    // the writing side has stopped and no longer reads the queue
                }
            }
        }

        /**
         * Hands a batch over; while the writing side is behind (queue full) this thread, which would otherwise wait,
         * parses leads from the back of this batch and then of the batches in flight, newest first.
         */
        private void handSharingWork(Batch b) {
            b.readerCursor = b.size - 1;
            while (!queue.offer(b)) {
                if (aborted) {
                    throw Stop.ABORTED;
                }
                if (!parseOne(b)) {
                    hand(b);
                    break;
                }
            }
            handed.addLast(b);
            if (handed.size() > QUEUE_BATCHES + 1) {
                handed.removeFirst();
            }
        }

        private boolean parseOne(Batch current) {
            if (current.parseFromBack()) {
                return true;
            }
            for (Iterator<Batch> it = handed.descendingIterator(); it.hasNext(); ) {
                if (it.next().parseFromBack()) {
                    return true;
                }
            }
            return false;
        }

        private void hand(Batch b) {
            try {
                while (!queue.offer(b, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    if (aborted) {
                        throw Stop.ABORTED;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Stop.ABORTED;
            }
        }

        /** Throws what the store threw, unchanged, so it is reported as if it had been read on this thread. */
        void throwFailure() {
            Throwable t = failure;
            if (t != null) {
                ReadAhead.<RuntimeException>sneakyThrow(t);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
        throw (T) t;
    }
}
