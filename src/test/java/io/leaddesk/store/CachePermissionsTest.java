package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.graph.PageInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;

/**
 * LeadDesk makes owner-only only what it creates, and a cache it cannot write opens read-only. Root ignores file modes,
 * so these tests compare modes before and after instead of relying on a write failing, and force the read-only
 * decision where the file is really writable.
 */
class CachePermissionsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    }

    static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    static void chmod(Path p, String perms) throws Exception {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    }

    /** A cache with some leads, closed. */
    Path seededCache(Path folder) {
        Path db = folder.resolve("leaddesk.db");
        try (LeadStore store = LeadStore.open(db)) {
            LeadStoreTest.seedInto(store);
            store.setReview("r1", ReviewStatus.CONTACTED, "called");
            store.recordExport("/tmp/x.csv", "generic", Instant.EPOCH, List.of("r1"));
        }
        return db;
    }

    @Test
    void aFolderAndFileLeadDeskCreatesAreOwnerOnlyAndAnExistingParentIsLeftAlone() throws Exception {
        Path parent = dir.resolve("shared");
        Files.createDirectory(parent);
        chmod(parent, "rwxrwxr-x");
        Path db = parent.resolve("a").resolve("b").resolve("leaddesk.db");
        try (LeadStore store = LeadStore.open(db)) {
            LeadStoreTest.seedInto(store);
            assertThat(perms(StoreFile.side(db, "-wal"))).isEqualTo("rw-------");
            assertThat(perms(StoreFile.side(db, "-shm"))).isEqualTo("rw-------");
        }
        assertThat(perms(parent)).isEqualTo("rwxrwxr-x");
        assertThat(perms(parent.resolve("a"))).isEqualTo("rwx------");
        assertThat(perms(parent.resolve("a").resolve("b"))).isEqualTo("rwx------");
        assertThat(perms(db)).isEqualTo("rw-------");
    }

    @Test
    void aCacheFileMadeReadOnlyIsNotMadeWritableAgain() throws Exception {
        Path db = seededCache(dir.resolve("data"));
        chmod(db, "r--------");

        try (LeadStore store = LeadStore.open(db)) {
            assertThat(store.totalLeads()).isEqualTo(6);
        }

        assertThat(perms(db)).isEqualTo("r--------");
    }

    @Test
    void aCacheFileTheOwnerOpenedUpKeepsItsMode() throws Exception {
        Path db = seededCache(dir.resolve("data"));
        chmod(db, "rw-rw----"); // shared with the owner's group on purpose

        try (LeadStore store = LeadStore.open(db)) {
            store.setReview("r2", ReviewStatus.QUALIFIED, null);
        }

        assertThat(perms(db)).isEqualTo("rw-rw----");
    }

    @Test
    void aDataFolderMadeReadOnlyIsNotMadeWritableAgain() throws Exception {
        Path folder = dir.resolve("data");
        seededCache(folder);
        chmod(folder, "r-x------");
        try {
            try (LeadStore store = LeadStore.open(folder.resolve("leaddesk.db"))) {
                assertThat(store.countLeads(LeadQuery.all())).isEqualTo(6);
            }
            assertThat(perms(folder)).isEqualTo("r-x------");
        } finally {
            chmod(folder, "rwx------"); // so that the temp folder can be cleaned up when not root
        }
    }

    @Test
    void anExistingSharedFolderKeepsItsModeAndItsOtherFilesAfterAMereRead() throws Exception {
        Path shared = dir.resolve("team");
        Files.createDirectory(shared);
        chmod(shared, "rwxrwxr-x");
        Path notes = Files.writeString(shared.resolve("notes.txt"), "not LeadDesk's");
        chmod(notes, "rw-rw-r--");

        try (LeadStore store = LeadStore.open(shared.resolve("leaddesk.db"))) {
            assertThat(store.pages()).isEmpty();
        }

        assertThat(perms(shared)).isEqualTo("rwxrwxr-x");
        assertThat(perms(notes)).isEqualTo("rw-rw-r--");
        assertThat(perms(shared.resolve("leaddesk.db"))).as("the cache LeadDesk created there").isEqualTo("rw-------");
    }

    /** Every write the store offers, each refused the same way on a cache that cannot be written. */
    static List<ThrowingConsumer<LeadStore>> everyWrite() {
        List<ThrowingConsumer<LeadStore>> writes = new ArrayList<>();
        writes.add(s -> s.upsertPage(new PageInfo("p-9", "New page", null, List.of())));
        writes.add(s -> s.upsertForms("p-2", List.of(Fixtures.englishForm())));
        writes.add(s -> s.upsertLeads("p-2", Fixtures.englishForm(),
                List.of(Fixtures.en("e9", 1_700_000_900L, "New Lead", "new@acme.com", "", false)), Instant.EPOCH));
        writes.add(s -> s.markFormSynced("f-en", 1_700_000_900L, Instant.EPOCH));
        writes.add(s -> s.setReview("r1", ReviewStatus.SPAM, "no"));
        writes.add(s -> s.recordExport("/tmp/y.csv", "generic", Instant.EPOCH, List.of("r2")));
        writes.add(s -> s.deleteLead("r1"));
        writes.add(s -> s.deleteLeads(List.of("r2", "e1")));
        writes.add(s -> s.purgeOlderThan(Long.MAX_VALUE));
        writes.add(s -> s.forget(List.of("r3"), 1_800_000_000L, null));
        return writes;
    }

    @Test
    void aReadOnlyCacheShowsAndStreamsItsLeadsButRefusesEveryWriteWithOneSentenceAndStaysUnchanged() throws Exception {
        Path db = seededCache(dir.resolve("data"));
        byte[] before = Files.readAllBytes(db);

        try (LeadStore store = LeadStore.open(db, StoreFile.Access.READ_ONLY)) {
            assertThat(store.isReadOnly()).isTrue();
            assertThat(store.pages()).hasSize(2);
            assertThat(store.forms(List.of())).hasSize(2);
            assertThat(store.countLeads(LeadQuery.all())).isEqualTo(6);
            assertThat(store.rows(store.leadRowIds(LeadQuery.all()), 0, 6)).hasSize(6);
            assertThat(store.lead("r1")).get().extracting(StoredLead::status).isEqualTo(ReviewStatus.CONTACTED);
            List<String> streamed = new ArrayList<>();
            store.forEachRawLead(LeadQuery.all(), l -> streamed.add(l.parse().id()));
            assertThat(streamed).hasSize(6);
            assertThat(store.exportsOf("r1")).hasSize(1);
            for (ThrowingConsumer<LeadStore> write : everyWrite()) {
                assertThatThrownBy(() -> write.accept(store))
                        .isInstanceOf(StoreException.class)
                        .hasMessageStartingWith("The lead cache is read-only (" + db.toAbsolutePath() + "); ")
                        .hasMessageContaining("writable for your user")
                        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception", "\n"));
            }
            assertThat(store.countLeads(LeadQuery.all())).isEqualTo(6);
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }

    /**
     * A folder nobody may write holds no WAL files and none can be made: SQLite opens such a file only as immutable
     * (the path goes into a file: URI, so odd characters in it must survive).
     */
    @Test
    void aCacheWhoseFolderCannotHoldWalFilesIsReadAsImmutable() throws Exception {
        Path db = seededCache(dir.resolve("odd #name% ?x"));
        assertThat(Files.exists(StoreFile.side(db, "-wal"))).isFalse();
        byte[] before = Files.readAllBytes(db);

        try (LeadStore store = LeadStore.open(db, StoreFile.Access.IMMUTABLE)) {
            assertThat(store.countLeads(LeadQuery.all().withSearch("Иван"))).isEqualTo(1);
            assertThat(store.lead("e2")).isPresent();
            assertThatThrownBy(() -> store.setReview("e2", ReviewStatus.NEW, null))
                    .hasMessageStartingWith("The lead cache is read-only (");
            assertThat(Files.exists(StoreFile.side(db, "-wal"))).isFalse();
            assertThat(Files.exists(StoreFile.side(db, "-shm"))).isFalse();
        }
        assertThat(Files.readAllBytes(db)).isEqualTo(before);
    }
}
