package io.leaddesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.StoreException;
import io.leaddesk.store.StoredLead;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export reads the store on its own thread ({@value Exporter#READER_THREAD}) and writes on the caller's: every way
 * an export can end early (store error, cancel, write error) leaves no file, no history and no reader thread behind,
 * and the reader never runs more than a few batches ahead of the writer.
 */
@Timeout(30)
class ExportPipelineTest {

    static final long T = 1_760_000_000L;
    static final int MANY = 200_000;
    /**
     * How far the reader may run ahead of the writer: the rest of the batch being written, the queue, a batch handed
     * over just as the writer stopped, and one lead.
     */
    static final int MAX_AHEAD = (ReadAhead.QUEUE_BATCHES + 3) * ReadAhead.BATCH;

    @TempDir
    Path dir;

    static final LeadForm FORM = Fixtures.form("f", "Form", List.of(Fixtures.q("full_name", "FULL_NAME"), Fixtures.q("email", "EMAIL")));

    static StoredLead lead(int i) {
        return Fixtures.stored(Fixtures.lead(Long.toString(1_000_000L + i), "f", T - i,
                Fixtures.a("full_name", "Person " + i), Fixtures.a("email", "p" + i + "@example.com")));
    }

    /** Generates {@code count} leads on demand; counts what it emitted and notes the thread it ran on. */
    static class Generated implements ExportSource {
        final int count;
        final AtomicInteger emitted = new AtomicInteger();
        volatile String thread;
        volatile int recorded = -1;
        /**
         * When set, the store takes a moment to close its cursor after the stream ends (as a real store may): an export
         * that did not wait for its reader would return while the reader thread is still alive.
         */
        boolean slowClose;

        Generated(int count) {
            this.count = count;
        }

        @Override
        public List<LeadForm> forms(LeadQuery query) {
            return List.of(FORM);
        }

        @Override
        public long countLeads(LeadQuery query) {
            return count;
        }

        @Override
        public void forEachLead(LeadQuery query, Consumer<StoredLead> consumer) {
            thread = Thread.currentThread().getName();
            try {
                for (int i = 0; i < count; i++) {
                    beforeLead(i);
                    emitted.incrementAndGet();
                    consumer.accept(lead(i));
                }
            } finally {
                if (slowClose) {
                    try {
                        new CountDownLatch(1).await(300, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        void beforeLead(int i) {
        }

        @Override
        public long recordExport(String file, String profile, Instant at, Collection<String> leadIds) {
            recorded = leadIds.size();
            return 1;
        }
    }

    static boolean readerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals(ReadAhead.READER_THREAD));
    }

    List<String> filesLeft() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    @Test
    void aWholeExportReadsOnTheReaderThreadAndLeavesNoThreadBehind() throws IOException {
        Generated s = new Generated(10_000);
        ExportResult r = new Exporter().export(s, ExportOptions.defaults().withProfile(BuiltInProfile.HUBSPOT),
                dir.resolve("all.csv"), null, null);
        assertThat(s.thread).isEqualTo(ReadAhead.READER_THREAD);
        assertThat(r.rowsWritten()).isEqualTo(10_000);
        List<List<String>> rows = CsvReadBack.read(dir.resolve("all.csv"), ',').rows();
        assertThat(rows).hasSize(10_000);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i)).as("row %d in store order", i).contains("p" + i + "@example.com");
        }
        assertThat(s.recorded).isEqualTo(10_000);
        assertThat(readerAlive()).isFalse();
    }

    /**
     * Hands leads over unparsed (as the real store does); notes which thread parsed each one and how often; lead
     * {@code failAt}'s parse throws {@link #BOOM}. {@code readerParsed} counts down once per lead the reader parses.
     */
    static final class Deferred extends Generated {
        static final IllegalStateException BOOM = new IllegalStateException("boom");
        final AtomicInteger[] parses;
        final String[] parsedOn;
        final int failAt;
        final CountDownLatch readerParsed;

        Deferred(int count, int failAt, int readerParses) {
            super(count);
            this.parses = new AtomicInteger[count];
            this.parsedOn = new String[count];
            this.failAt = failAt;
            this.readerParsed = new CountDownLatch(readerParses);
            for (int i = 0; i < count; i++) {
                parses[i] = new AtomicInteger();
            }
        }

        @Override
        public void forEachLeadDeferred(LeadQuery query, Consumer<java.util.function.Supplier<StoredLead>> consumer) {
            for (int i = 0; i < count; i++) {
                int n = i;
                consumer.accept(() -> {
                    parses[n].incrementAndGet();
                    parsedOn[n] = Thread.currentThread().getName();
                    if (parsedOn[n].equals(ReadAhead.READER_THREAD)) {
                        readerParsed.countDown();
                    }
                    if (n == failAt) {
                        throw BOOM;
                    }
                    return lead(n);
                });
            }
        }
    }

    @Test
    void whileTheWriterIsBehindTheReaderParsesTooEachLeadOnceAndInOrder() throws InterruptedException {
        // the writing side stalls on its first lead until the reader has parsed more than its own batch, i.e. also
        // leads of batches already in the queue
        int count = 20 * ReadAhead.BATCH;
        Deferred s = new Deferred(count, -1, ReadAhead.BATCH + 10);
        List<String> written = new java.util.ArrayList<>();
        boolean[] stalled = {false};
        ReadAhead.run(s, LeadQuery.all(), () -> false, lead -> {
            if (!stalled[0]) {
                stalled[0] = true;
                try {
                    assertThat(s.readerParsed.await(20, TimeUnit.SECONDS)).as("the reader parses while the writer is behind").isTrue();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            written.add(lead.id());
        });

        assertThat(written).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(written.get(i)).as("lead %d in store order", i).isEqualTo(lead(i).id());
            assertThat(s.parses[i].get()).as("lead %d parsed once", i).isEqualTo(1);
        }
        assertThat(Stream.of(s.parsedOn).filter(ReadAhead.READER_THREAD::equals).count()).isGreaterThan(ReadAhead.BATCH);
        assertThat(Stream.of(s.parsedOn).filter(t -> !ReadAhead.READER_THREAD.equals(t)).count()).isPositive();
        assertThat(readerAlive()).isFalse();
    }

    @Test
    void aParseFailureSurfacesAtItsLeadWhicheverThreadParsedIt() {
        int failAt = 3 * ReadAhead.BATCH + 7;
        Deferred s = new Deferred(20 * ReadAhead.BATCH, failAt, ReadAhead.BATCH + 10);
        List<String> written = new java.util.ArrayList<>();
        assertThatThrownBy(() -> ReadAhead.run(s, LeadQuery.all(), () -> false, lead -> {
            if (written.isEmpty()) {
                try {
                    assertThat(s.readerParsed.await(20, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            }
            written.add(lead.id());
        })).isSameAs(Deferred.BOOM);
        assertThat(written).hasSize(failAt);
        assertThat(readerAlive()).isFalse();
    }

    @Test
    void aCancelledPreviewStopsReadingWithinAFewLeads() {
        // the Meta profile's preview reads every lead for its columns: a cancel must stop that pass
        Generated s = new Generated(MANY);
        assertThatThrownBy(() -> new Exporter().preview(s, ExportOptions.defaults(), 20, () -> s.emitted.get() >= 1000))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(s.emitted.get()).isLessThan(1000 + MAX_AHEAD);
        assertThat(readerAlive()).isFalse();
    }

    @Test
    void storeFailureMidStreamSurfacesAsBeforeAndLeavesNothing() throws IOException {
        Generated s = new Generated(MANY) {
            @Override
            void beforeLead(int i) {
                if (i == 3000) {
                    throw new StoreException("The lead cache is damaged; restore a backup.");
                }
            }
        };
        s.slowClose = true;
        Path file = dir.resolve("broken.csv");
        assertThatThrownBy(() -> new Exporter().export(s, ExportOptions.defaults(), file, null, null))
                .isInstanceOf(ExportException.class)
                .hasMessage("Could not read the leads: The lead cache is damaged; restore a backup. Nothing was written under broken.csv.")
                .hasRootCauseInstanceOf(StoreException.class);
        assertThat(s.thread).isEqualTo(ReadAhead.READER_THREAD);
        assertThat(filesLeft()).isEmpty();
        assertThat(s.recorded).isEqualTo(-1);
        assertThat(readerAlive()).isFalse();
    }

    @Test
    void cancelMidStreamStopsTheReaderAndLeavesNothing() throws IOException {
        Generated s = new Generated(MANY);
        s.slowClose = true;
        Path file = dir.resolve("cancel.csv");
        Files.writeString(file, "old export");
        boolean[] cancel = {false};
        long[] doneAtCancel = {0};
        ExportResult r = new Exporter().export(s, ExportOptions.defaults().withOverwrite(true), file, p -> {
            if (!cancel[0] && p.done() >= 5000) {
                cancel[0] = true;
                doneAtCancel[0] = p.done();
            }
        }, () -> cancel[0]);
        assertThat(r.cancelled()).isTrue();
        assertThat(Files.readString(file)).isEqualTo("old export");
        assertThat(filesLeft()).containsExactly("cancel.csv");
        assertThat(s.recorded).isEqualTo(-1);
        assertThat(readerAlive()).isFalse();
        // the reader stopped soon after the cancel instead of reading the whole cache
        assertThat(s.emitted.get()).isLessThanOrEqualTo((int) doneAtCancel[0] + 64 + MAX_AHEAD);
    }

    @Test
    void cancelIsNoticedWhileTheStoreIsSlowToDeliver() throws IOException {
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Generated s = new Generated(MANY) {
            @Override
            void beforeLead(int i) {
                if (i == 10) {
                    stalled.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        };
        // the writer has 10 leads, fewer than a batch: it only gets to see the cancel while waiting for the reader
        ExportResult r = new Exporter().export(s, ExportOptions.defaults(), dir.resolve("slow.csv"), null, () -> {
            boolean stop = stalled.getCount() == 0;
            if (stop) {
                release.countDown();
            }
            return stop;
        });
        assertThat(r.cancelled()).isTrue();
        assertThat(filesLeft()).isEmpty();
        assertThat(readerAlive()).isFalse();
        assertThat(s.emitted.get()).isLessThanOrEqualTo(10 + MAX_AHEAD);
    }

    @Test
    void writeFailureWithAFullQueueStopsTheReader() throws IOException {
        Generated s = new Generated(MANY);
        s.slowClose = true;
        Path file = dir.resolve("full.csv");
        Exporter failing = new Exporter(Clock.systemUTC(), p -> new FilterOutputStream(Files.newOutputStream(p)) {
            long written;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 200_000) {
                    throw new IOException("No space left on device");
                }
                out.write(b, off, len);
            }
        });
        assertThatThrownBy(() -> failing.export(s, ExportOptions.defaults(), file, null, null))
                .isInstanceOf(ExportException.class)
                .hasMessage("Could not write " + file.toAbsolutePath() + ": No space left on device. Nothing was written under"
                        + " that name; free space or choose another folder.");
        assertThat(filesLeft()).isEmpty();
        assertThat(s.recorded).isEqualTo(-1);
        assertThat(readerAlive()).isFalse();
        assertThat(s.emitted.get()).isLessThan(MANY);
    }

    @Test
    void dedupeScanningPassAlsoStopsTheReaderOnCancel() throws IOException {
        Generated s = new Generated(MANY);
        boolean[] cancel = {false};
        ExportResult r = new Exporter().export(s, ExportOptions.defaults().withDedupe(true), dir.resolve("scan.csv"),
                p -> cancel[0] |= p.phase() == ExportProgress.Phase.SCANNING && p.done() >= 2000, () -> cancel[0]);
        assertThat(r.cancelled()).isTrue();
        assertThat(filesLeft()).isEmpty();
        assertThat(readerAlive()).isFalse();
        assertThat(s.emitted.get()).isLessThanOrEqualTo(2000 + 64 + MAX_AHEAD);
    }
}
