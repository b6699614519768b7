package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.model.Lead;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;

/** A cache with random bytes in the middle of the file: readers say "damaged", and no write touches the file. */
class DamagedCacheWriteTest {

    @TempDir
    Path dir;

    /** A real cache of a few thousand leads, then 16 pages of random bytes at the middle of the file. */
    Path damagedCache() throws Exception {
        Path db = dir.resolve("data").resolve("leaddesk.db");
        try (LeadStore store = LeadStore.open(db)) {
            LeadStoreTest.seedInto(store);
            List<Lead> more = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                more.add(Fixtures.en("m" + i, 1_700_001_000L + i, "Many Person " + i, "many" + i + "@acme.com",
                        "+1 555 02" + i, i % 2 == 0));
            }
            store.upsertLeads("p-2", Fixtures.englishForm(), more, LeadStoreTest.T1);
        }
        assertThat(Files.exists(Path.of(db + "-wal"))).as("closed cleanly: everything is in the file").isFalse();
        long size = Files.size(db);
        int page = 4096;
        byte[] noise = new byte[16 * page];
        new Random(7).nextBytes(noise);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(size / 2 / page * page);
            f.write(noise);
        }
        return db;
    }

    /** What a reader of the whole cache (leads, export) says about it. */
    static String readerSays(Path db) {
        try (LeadStore store = LeadStore.open(db)) {
            store.forEachLead(LeadQuery.all(), l -> { });
            store.forEachRawLead(LeadQuery.all(), l -> l.parse());
        } catch (StoreException e) {
            return e.getMessage();
        }
        throw new AssertionError("the damage was not seen by a reader: the test file is not damaged where it counts");
    }

    @Test
    void everyWriteRefusesADamagedCacheWithTheReadersSentenceAndLeavesTheFileAsItIs() throws Exception {
        Path db = damagedCache();
        byte[] damaged = Files.readAllBytes(db);
        String sentence = readerSays(db);
        assertThat(sentence).startsWith("The lead cache at " + db.toAbsolutePath() + " is damaged or not a LeadDesk database")
                .contains("move it aside");

        List<ThrowingConsumer<LeadStore>> writes = CachePermissionsTest.everyWrite();
        for (int i = 0; i < writes.size(); i++) {
            ThrowingConsumer<LeadStore> write = writes.get(i);
            assertThatThrownBy(() -> {
                try (LeadStore store = LeadStore.open(db)) {
                    write.accept(store);
                }
            }).as("write #%d", i).isInstanceOf(StoreException.class).hasMessage(sentence);
            assertThat(Files.readAllBytes(db)).as("write #%d left the file as it was", i).isEqualTo(damaged);
        }
    }

    @Test
    void onceFoundDamagedEveryFurtherWriteOfTheSameOpenIsRefusedToo() throws Exception {
        Path db = damagedCache();
        byte[] damaged = Files.readAllBytes(db);
        try (LeadStore store = LeadStore.open(db)) {
            for (ThrowingConsumer<LeadStore> write : CachePermissionsTest.everyWrite()) {
                assertThatThrownBy(() -> write.accept(store)).hasMessageContaining("is damaged or not a LeadDesk database");
            }
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(damaged);
    }

    @Test
    void aSoundCacheIsCheckedOnceAndWrittenAsUsual() {
        try (LeadStore store = LeadStore.open(dir.resolve("ok.db"))) {
            LeadStoreTest.seedInto(store);
            store.setReview("r1", ReviewStatus.QUALIFIED, null);
            assertThat(store.deleteLead("e1")).isTrue();
            assertThat(store.totalLeads()).isEqualTo(5);
        }
    }
}
