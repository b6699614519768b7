package io.leaddesk.store;

import io.leaddesk.model.LeadBuilder;
import static io.leaddesk.store.Fixtures.en;
import static io.leaddesk.store.Fixtures.ru;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.model.DisclaimerResponse;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.graph.PageInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadStoreTest {

    static final Instant T1 = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2025-03-02T10:00:00Z");

    @TempDir
    Path dir;
    Path dbFile;
    LeadStore store;

    @BeforeEach
    void openStore() {
        dbFile = dir.resolve("data").resolve("leaddesk.db");
        store = LeadStore.open(dbFile);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static final List<Lead> RU = List.of(
            ru("r1", 1_700_000_000L, "Иван Петров", "ivan.petrov@mail.ru", "+380 67 123 4567", "Электроника", "Кредит"),
            ru("r2", 1_700_000_100L, "Ольга 😀 Смирнова", "olga@yandex.ru", "+7 916 000 11 22"),
            ru("r3", 1_700_000_200L, "Café Müller", "cafe@example.de", "", "Кредит"));
    static final List<Lead> EN = List.of(
            en("e1", 1_700_000_050L, "Alice Smith", "alice@acme.com", "+1 555 0100", false),
            en("e2", 1_700_000_300L, "שלום עליכם", "shalom@example.il", "+972 50 123 4567", true),
            en("e3", 1_700_000_300L, "Bob", "bob@acme.com", "", null));

    void seed() {
        seedInto(store);
    }

    static void seedInto(LeadStore store) {
        store.upsertPage(new PageInfo("p-1", "Банк Москва", new AccessToken("EAAGsecretPAGEtoken123456"), List.of()));
        store.upsertPage(new PageInfo("p-2", "Acme Ltd", new AccessToken("EAAGsecretPAGEtoken654321"), List.of()));
        store.upsertForms("p-1", List.of(Fixtures.russianForm()));
        store.upsertForms("p-2", List.of(Fixtures.englishForm()));
        assertThat(store.upsertLeads("p-1", Fixtures.russianForm(), RU, T1)).isEqualTo(3);
        assertThat(store.upsertLeads("p-2", Fixtures.englishForm(), EN, T1)).isEqualTo(3);
    }

    List<String> ids(LeadQuery q) {
        return store.rows(q, 0, 1000).stream().map(LeadRow::id).toList();
    }

    // ---- opening, schema, files ----------------------------------------------------------------

    @Test
    void migrationsCreateTheSchemaAndReopeningKeepsTheData() throws Exception {
        seed();
        store.close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                assertThat(rs.getInt(1)).isEqualTo(Schema.latestVersion()).isGreaterThanOrEqualTo(1);
            }
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
                assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("pages", "forms", "leads", "reviews", "exports", "export_leads", "leads_fts");
        }
        store = LeadStore.open(dbFile);
        assertThat(store.totalLeads()).isEqualTo(6);
        assertThat(store.lead("r1")).isPresent();
        assertThat(store.countLeads(LeadQuery.all().withSearch("Иван"))).isEqualTo(1);
    }

    @Test
    void refusesADatabaseOfANewerLeadDeskAndLeavesItUntouched() throws Exception {
        store.close();
        Path newer = dir.resolve("newer.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = WAL");
            st.execute("CREATE TABLE leads(id TEXT PRIMARY KEY, future_column TEXT)");
            st.execute("INSERT INTO leads VALUES ('x', 'y')");
            st.execute("PRAGMA application_id = " + Schema.APPLICATION_ID);
            st.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(newer);
        long modified = Files.getLastModifiedTime(newer).toMillis();

        assertThatThrownBy(() -> LeadStore.open(newer))
                .isInstanceOf(StoreException.class)
                .hasMessage("This database was written by a newer version of LeadDesk (schema 99); install the newer"
                        + " LeadDesk or choose another data folder.");
        assertThat(Files.readAllBytes(newer)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(newer).toMillis()).isEqualTo(modified);
        store = LeadStore.open(dbFile);
    }

    @Test
    void refusesAFileThatIsNotADatabaseWithOneClearSentenceAndDoesNotTouchIt() throws Exception {
        store.close();
        Path garbage = dir.resolve("leads.db");
        byte[] bytes = "name,email\nIvan,ivan@example.org\n this is a CSV, not a database".repeat(50)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(garbage, bytes);

        assertThatThrownBy(() -> LeadStore.open(garbage))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("The lead cache at " + garbage.toAbsolutePath() + " is damaged or not a LeadDesk database")
                .hasMessageContaining("move it aside")
                .hasMessageContaining("your leads are not deleted")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception", "\n", "\tat "));
        assertThat(Files.readAllBytes(garbage)).isEqualTo(bytes);
        assertThat(Files.exists(dir.resolve("leads.db-wal"))).isFalse();
        store = LeadStore.open(dbFile);
    }

    @Test
    void refusesADamagedDatabaseWhoseHeaderLooksRight() throws Exception {
        seed();
        store.close();
        byte[] real = Files.readAllBytes(dbFile);
        Path damaged = dir.resolve("damaged.db");
        byte[] bytes = Arrays.copyOf(real, real.length);
        for (int i = 16; i < 100; i++) {
            bytes[i] = (byte) 0xEE; // page size, versions, header counters all nonsense
        }
        Files.write(damaged, bytes);

        assertThatThrownBy(() -> LeadStore.open(damaged))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is damaged or not a LeadDesk database");
        assertThat(Files.readAllBytes(damaged)).isEqualTo(bytes);
        store = LeadStore.open(dbFile);
    }

    @Test
    void refusesAnotherProgramsDatabase() throws Exception {
        store.close();
        Path other = dir.resolve("other.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)");
        }
        byte[] before = Files.readAllBytes(other);
        assertThatThrownBy(() -> LeadStore.open(other))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not a LeadDesk database");
        assertThat(Files.readAllBytes(other)).isEqualTo(before);
        store = LeadStore.open(dbFile);
    }

    @Test
    void databaseFolderAndFilesAreOwnerOnly() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        seed(); // WAL and SHM exist while the store is open
        assertThat(perms(dbFile.getParent())).isEqualTo("rwx------");
        assertThat(perms(dbFile)).isEqualTo("rw-------");
        assertThat(perms(Path.of(dbFile + "-wal"))).isEqualTo("rw-------");
        assertThat(perms(Path.of(dbFile + "-shm"))).isEqualTo("rw-------");
    }

    static String perms(Path p) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void neverStoresAccessTokens() throws Exception {
        seed();
        store.close();
        String content = new String(Files.readAllBytes(dbFile), StandardCharsets.ISO_8859_1);
        Path wal = Path.of(dbFile + "-wal");
        if (Files.exists(wal)) {
            content += new String(Files.readAllBytes(wal), StandardCharsets.ISO_8859_1);
        }
        assertThat(content).contains("Acme Ltd").doesNotContain("EAAGsecret");
        store = LeadStore.open(dbFile);
    }

    // ---- upsert -------------------------------------------------------------------------------

    @Test
    void upsertingTheSameLeadsAgainKeepsOneRowFirstSeenAndTheReview() {
        seed();
        store.setReview("r1", ReviewStatus.QUALIFIED, "called, wants 2 units");
        List<Lead> again = new ArrayList<>(RU);
        again.add(ru("r4", 1_700_000_400L, "Новый Лид", "new@mail.ru", "+7 900 000 00 00"));

        int fresh = store.upsertLeads("p-1", Fixtures.russianForm(), again, T2);

        assertThat(fresh).isEqualTo(1);
        assertThat(store.totalLeads()).isEqualTo(7);
        StoredLead r1 = store.lead("r1").orElseThrow();
        assertThat(r1.firstSeen()).isEqualTo(T1);
        assertThat(r1.lastSeen()).isEqualTo(T2);
        assertThat(r1.status()).isEqualTo(ReviewStatus.QUALIFIED);
        assertThat(r1.note()).isEqualTo("called, wants 2 units");
        assertThat(store.lead("r4").orElseThrow().firstSeen()).isEqualTo(T2);
        assertThat(store.upsertLeads("p-1", Fixtures.russianForm(), List.of(RU.get(0), RU.get(0)), T2)).isZero();
        assertThat(store.totalLeads()).isEqualTo(7);
    }

    @Test
    void aLeadChangedOnResyncIsUpdatedAndReindexedWithItsRowKept() {
        seed();
        long rowBefore = store.rows(LeadQuery.all().withSearch("Иван"), 0, 10).get(0).rowId();
        Lead changed = ru("r1", 1_700_000_000L, "Иван Сидоров", "ivan.sidorov@mail.ru", "+380 67 123 4567");

        assertThat(store.upsertLeads("p-1", Fixtures.russianForm(), List.of(changed), T2)).isZero();

        assertThat(store.countLeads(LeadQuery.all().withSearch("Петров"))).isZero();
        List<LeadRow> rows = store.rows(LeadQuery.all().withSearch("Сидоров"), 0, 10);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.rowId()).isEqualTo(rowBefore);
            assertThat(r.email()).isEqualTo("ivan.sidorov@mail.ru");
        });
        assertThat(store.lead("r1").orElseThrow().lead().rawJson()).isEqualTo(changed.rawJson());
    }

    @Test
    void rawJsonIsKeptByteExactAndParsedBack() {
        seed();
        String raw = "{ \"id\" : \"x1\",\n  \"created_time\":\"2025-10-08T09:09:27+0000\", \"form_id\":\"f-ru\","
                + "\"is_organic\":false,\"platform\":\"ig\",\"partner_name\":\"Partner \\u00e9\",\"retailer_item_id\":\"sku-9\","
                + "\"field_data\":[{\"name\":\"эл._адрес\",\"values\":[\"x@пример.рф\"]},"
                + "{\"name\":\"интересы\",\"values\":[\"Электроника\",\"Кредит\"]},{\"name\":\"полное_имя\",\"values\":[]}],"
                + "\"custom_disclaimer_responses\":[{\"checkbox_key\":\"consent\",\"is_checked\":\"1\"},"
                + "{\"checkbox_key\":\"news\",\"is_checked\":\"\"}], \"unknown_future_field\": {\"a\": [1, 2]} }";
        Lead in = LeadBuilder.lead("x1").created("2025-10-08T09:09:27+0000", 1_759_914_567L).form("f-ru").organic(false)
                .platform("ig").partner("Partner é").retailerItem("sku-9").answer("эл._адрес", "x@пример.рф")
                .answer("интересы", "Электроника", "Кредит").answer("полное_имя")
                .disclaimer("consent", true).disclaimer("news", false).raw(raw).build();
        store.upsertLeads("p-1", Fixtures.russianForm(), List.of(in), T1);

        StoredLead out = store.lead("x1").orElseThrow();

        assertThat(out.lead().rawJson()).isEqualTo(raw);
        assertThat(out.lead()).isEqualTo(in);
        assertThat(out.pageId()).isEqualTo("p-1");
        assertThat(out.status()).isEqualTo(ReviewStatus.NEW);
        assertThat(store.lead("nope")).isEmpty();
    }

    @Test
    void leadsBuiltWithoutRawJsonGetGraphShapedJson() {
        seed();
        Lead bare = LeadBuilder.lead("b1").created("2025-10-08T09:09:27+0000", 1_759_914_567L).form("f-en").platform("fb")
                .answer("full_name", "Bare Lead").build();
        store.upsertLeads("p-2", Fixtures.englishForm(), List.of(bare), T1);
        Lead back = store.lead("b1").orElseThrow().lead();
        assertThat(back.rawJson()).contains("\"full_name\"");
        assertThat(LeadBuilder.lead(back.id()).created(back.createdTime(), back.createdEpochSecond()).form(back.formId())
                .platform(back.platform()).answers(back.fieldData()).disclaimers(back.disclaimerResponses()).build())
                .isEqualTo(bare);
    }

    @Test
    void nameEmailAndPhoneComeFromTheFormsQuestionTypes() {
        seed();
        LeadRow ivan = store.rows(LeadQuery.all().withForms(List.of("f-ru")).sortedBy(LeadSort.CREATED, false), 0, 1)
                .get(0);
        assertThat(ivan.name()).isEqualTo("Иван Петров");
        assertThat(ivan.email()).isEqualTo("ivan.petrov@mail.ru"); // answer key эл._адрес, question type EMAIL
        assertThat(ivan.phone()).isEqualTo("+380 67 123 4567");
        assertThat(ivan.campaignName()).isEqualTo("Весна 2025");
        assertThat(ivan.platform()).isEqualTo("ig");
        assertThat(ivan.organic()).isFalse();
        LeadRow alice = store.rows(LeadQuery.all().withSearch("alice"), 0, 1).get(0);
        assertThat(alice.email()).isEqualTo("alice@acme.com"); // key work_mail, type WORK_EMAIL
    }

    @Test
    void aFailedPageIsRolledBackWholeAndEarlierPagesStay() {
        seed();
        List<Lead> page = new ArrayList<>();
        page.add(en("ok1", 1_700_001_000L, "Fine One", "one@x.org", "", false));
        page.add(LeadBuilder.lead(null).created("2025-10-08T09:09:27+0000", 1L).form("f-en").platform("fb").raw("{}").build());
        page.add(en("ok2", 1_700_001_001L, "Fine Two", "two@x.org", "", false));

        assertThatThrownBy(() -> store.upsertLeads("p-2", Fixtures.englishForm(), page, T2))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not write to the lead cache at " + dbFile.toAbsolutePath())
                .hasMessageContaining("nothing already stored was lost");

        assertThat(store.totalLeads()).isEqualTo(6);
        assertThat(store.lead("ok1")).isEmpty();
        assertThat(store.countLeads(LeadQuery.all().withSearch("Fine"))).isZero();
        assertThat(store.upsertLeads("p-2", Fixtures.englishForm(), List.of(page.get(0)), T2)).isEqualTo(1);
    }

    @Test
    void aFullDiskFailsWithAPlainSentenceAndLosesNothing() {
        seed();
        store.limitPagesForTest(1); // below the current size: every new page fails as on a full disk
        List<Lead> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add(en("full" + i, 1_700_002_000L + i, "Person " + i, "p" + i + "@x.org", "", false));
        }
        assertThatThrownBy(() -> store.upsertLeads("p-2", Fixtures.englishForm(), many, T2))
                .isInstanceOf(StoreException.class)
                .hasMessage("Could not write to the lead cache at " + dbFile.toAbsolutePath() + ": the disk is full."
                        + " Free some disk space or choose another data folder; nothing already stored was lost.");
        store.limitPagesForTest(1_000_000);
        assertThat(store.totalLeads()).isEqualTo(6);
        assertThat(store.upsertLeads("p-2", Fixtures.englishForm(), many, T2)).isEqualTo(300);
    }

    // ---- queries ------------------------------------------------------------------------------

    @Test
    void filtersByPageFormTimePlatformAndOrganic() {
        seed();
        assertThat(ids(LeadQuery.all().withPages(List.of("p-1")))).containsExactlyInAnyOrder("r1", "r2", "r3");
        assertThat(ids(LeadQuery.all().withForms(List.of("f-en")))).containsExactlyInAnyOrder("e1", "e2", "e3");
        assertThat(ids(LeadQuery.all().withCreated(1_700_000_050L, 1_700_000_200L)))
                .containsExactlyInAnyOrder("e1", "r2"); // from inclusive, until exclusive
        assertThat(ids(LeadQuery.all().withCreated(1_700_000_200L, null))).containsExactlyInAnyOrder("r3", "e2", "e3");
        assertThat(ids(LeadQuery.all().withPlatforms(List.of("ig")))).containsExactlyInAnyOrder("r1", "r2", "r3");
        assertThat(ids(LeadQuery.all().withOrganic(true))).containsExactly("e2");
        assertThat(ids(LeadQuery.all().withOrganic(false))).hasSize(5).doesNotContain("e2"); // absent counts as paid
        assertThat(store.countLeads(LeadQuery.all().withPages(List.of("p-2")).withOrganic(false))).isEqualTo(2);
        assertThat(store.countLeads(LeadQuery.all().withForms(List.of("nope")))).isZero();
    }

    @Test
    void searchFindsCyrillicPrefixesEmailAndPhoneFragmentsAndIgnoresCaseAndAccents() {
        seed();
        assertThat(ids(LeadQuery.all().withSearch("элек"))).containsExactly("r1");       // answer Электроника
        assertThat(ids(LeadQuery.all().withSearch("ИВА"))).containsExactly("r1");
        assertThat(ids(LeadQuery.all().withSearch("кредит"))).containsExactlyInAnyOrder("r1", "r3");
        assertThat(ids(LeadQuery.all().withSearch("ivan.petrov@mail"))).containsExactly("r1");
        assertThat(ids(LeadQuery.all().withSearch("acme.com"))).containsExactlyInAnyOrder("e1", "e3");
        assertThat(ids(LeadQuery.all().withSearch("+380 67"))).containsExactly("r1");
        assertThat(ids(LeadQuery.all().withSearch("38067"))).containsExactly("r1");
        assertThat(ids(LeadQuery.all().withSearch("+7916"))).containsExactly("r2");
        assertThat(ids(LeadQuery.all().withSearch("cafe muller"))).containsExactly("r3");
        assertThat(ids(LeadQuery.all().withSearch("שלום"))).containsExactly("e2");
        assertThat(ids(LeadQuery.all().withSearch("spring sale"))).containsExactlyInAnyOrder("e1", "e3");
        assertThat(ids(LeadQuery.all().withSearch("весна").withForms(List.of("f-en")))).isEmpty();
        assertThat(ids(LeadQuery.all().withSearch("1000-5000"))).containsExactlyInAnyOrder("e1", "e2", "e3");
    }

    @Test
    void hostileSearchTextNeverBreaksTheQuery() {
        seed();
        for (String noWords : List.of("\"(", "*", "\"", "()", "^", "   ", "-", "😀", ":")) {
            assertThat(store.countLeads(LeadQuery.all().withSearch(noWords))).as(noWords).isEqualTo(6);
        }
        for (String hostile : List.of("AND OR NOT", "NEAR(a b)", "body:ivan OR", "\"эл\"*", "ivan\" OR \"bob",
                "a' OR 1=1 --", "(((", "x AND", "{body}: ivan")) {
            assertThat(store.countLeads(LeadQuery.all().withSearch(hostile))).as(hostile).isLessThanOrEqualTo(6);
        }
        assertThat(ids(LeadQuery.all().withSearch("\"эл\"*"))).containsExactly("r1"); // Электроника
        assertThat(ids(LeadQuery.all().withSearch("(Иван)"))).containsExactly("r1");
        assertThat(ids(LeadQuery.all().withSearch("ivan\" OR \"bob"))).isEmpty(); // words AND-ed, OR is a word
    }

    @Test
    void statusFilterCountsLeadsWithoutAReviewAsNew() {
        seed();
        store.setReview("r1", ReviewStatus.CONTACTED, null);
        store.setReview("e1", ReviewStatus.SPAM, "");
        store.setReview("e2", ReviewStatus.NEW, "looked at it");

        assertThat(ids(LeadQuery.all().withStatuses(List.of(ReviewStatus.NEW))))
                .containsExactlyInAnyOrder("r2", "r3", "e2", "e3");
        assertThat(ids(LeadQuery.all().withStatuses(List.of(ReviewStatus.CONTACTED, ReviewStatus.SPAM))))
                .containsExactlyInAnyOrder("r1", "e1");
        assertThat(store.lead("e1").orElseThrow().note()).isNull();
        assertThat(store.rows(LeadQuery.all().withSearch("alice"), 0, 1).get(0).status()).isEqualTo(ReviewStatus.SPAM);
        assertThatThrownBy(() -> store.setReview("missing", ReviewStatus.SPAM, null))
                .isInstanceOf(StoreException.class).hasMessageContaining("missing");
    }

    @Test
    void notExportedBeforeHidesLeadsOfEarlierExportsAndHistoryIsNewestFirst() {
        seed();
        long first = store.recordExport("/tmp/a.csv", "HubSpot", T1, List.of("r1", "e1", "r1"));
        long second = store.recordExport("/tmp/b.csv", "Excel", T2, List.of("r1"));

        assertThat(ids(LeadQuery.all().withNotExportedBefore(true))).containsExactlyInAnyOrder("r2", "r3", "e2", "e3");
        assertThat(store.exportsOf("r1")).extracting(ExportRecord::id).containsExactly(second, first);
        assertThat(store.exportsOf("r1").get(1)).isEqualTo(new ExportRecord(first, T1, "/tmp/a.csv", "HubSpot", 2));
        assertThat(store.exportsOf("r2")).isEmpty();
    }

    @Test
    void aLargeExportCountsEachLeadOnceAcrossChunksAndSkipsNulls() {
        seed();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            ids.add("x" + (i % 700)); // 700 distinct ids, repeated across the 500-id insert chunks
            if (i % 100 == 0) {
                ids.add(null);
            }
        }
        ids.add("r1");
        long id = store.recordExport("/tmp/big.csv", null, T1, ids);
        assertThat(store.exportsOf("r1")).singleElement()
                .isEqualTo(new ExportRecord(id, T1, "/tmp/big.csv", null, 701));
        assertThat(ids(LeadQuery.all().withNotExportedBefore(true))).containsExactlyInAnyOrder("r2", "r3", "e1", "e2", "e3");
    }

    @Test
    void exportHistoryKeepsIdsOfAnyTextExactly() {
        seed();
        List<String> odd = List.of("q\"uote", "back\\slash", "tab\tnl\n", "\u0000zero", "лід-1", "😀", "[\"x\"]", "", " ");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            ids.add(Long.toString(100_000_000_000L + i));
            if (i % 400 == 7) {
                ids.addAll(odd); // inside chunks and at their edges, repeated
            }
        }
        long id = store.recordExport("/tmp/odd.csv", null, T1, ids);
        for (String x : odd) {
            assertThat(store.exportsOf(x)).as(x).singleElement()
                    .isEqualTo(new ExportRecord(id, T1, "/tmp/odd.csv", null, 2500 + odd.size()));
        }
        assertThat(store.exportsOf("100000002499")).hasSize(1);
        assertThat(store.exportsOf("q")).isEmpty();
    }

    @Test
    void sortsByEveryColumnWithRowIdAsTieBreak() {
        seed();
        assertThat(ids(LeadQuery.all())).containsExactly("e3", "e2", "r3", "r2", "e1", "r1"); // newest first
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.CREATED, false))).containsExactly("r1", "e1", "r2", "r3", "e2", "e3");
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.NAME, false)))
                .containsExactly("e1", "e3", "r3", "r1", "r2", "e2"); // Alice, Bob, Café, Иван, Ольга, שלום
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.EMAIL, true)).get(0)).isEqualTo("e2"); // shalom@
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.PHONE, false)).subList(0, 2)).containsExactly("r3", "e3");
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.PLATFORM, false)).subList(0, 3)).containsExactly("e1", "e2", "e3");
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.FORM, false)).subList(0, 3)).containsExactly("e1", "e2", "e3");
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.CAMPAIGN, true)).subList(0, 3)).containsExactly("r3", "r2", "r1");
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.ORGANIC, true)).get(0)).isEqualTo("e2");
        store.setReview("r2", ReviewStatus.SPAM, null);
        store.setReview("e3", ReviewStatus.CONTACTED, null);
        assertThat(ids(LeadQuery.all().sortedBy(LeadSort.STATUS, true)).subList(0, 2)).containsExactly("r2", "e3");
    }

    @Test
    void tableRowIdsFollowEverySortInBothDirectionsWithAndWithoutSearchAndFilters() {
        seed();
        store.setReview("r2", ReviewStatus.SPAM, null);
        store.setReview("e3", ReviewStatus.CONTACTED, "called back");
        store.setReview("e1", ReviewStatus.NEW, "");
        List<LeadQuery> bases = List.of(LeadQuery.all(), LeadQuery.all().withSearch("com"),
                LeadQuery.all().withStatuses(List.of(ReviewStatus.NEW, ReviewStatus.SPAM)),
                LeadQuery.all().withPlatforms(List.of("ig")), LeadQuery.all().withSearch("called"),
                LeadQuery.all().withForms(List.of("f-en")).withOrganic(false), LeadQuery.all().withSearch("zzz"));
        for (LeadQuery base : bases) {
            for (LeadSort sort : LeadSort.values()) {
                for (boolean descending : new boolean[] {false, true}) {
                    LeadQuery q = base.sortedBy(sort, descending);
                    long[] sqlOrder = store.rows(q, 0, 1000).stream().mapToLong(LeadRow::rowId).toArray();
                    assertThat(store.leadRowIds(q)).as("%s %s %s", base, sort, descending ? "desc" : "asc")
                            .containsExactly(sqlOrder);
                    assertThat(store.countLeads(q)).isEqualTo(sqlOrder.length);
                }
            }
        }
        // ascending and descending are each other's reverse, ties included
        long[] up = store.leadRowIds(LeadQuery.all().sortedBy(LeadSort.STATUS, false));
        long[] down = store.leadRowIds(LeadQuery.all().sortedBy(LeadSort.STATUS, true));
        for (int i = 0; i < up.length; i++) {
            assertThat(down[down.length - 1 - i]).isEqualTo(up[i]);
        }
        assertThat(store.rows(store.leadRowIds(LeadQuery.all().sortedBy(LeadSort.STATUS, true)), 0, 2))
                .extracting(LeadRow::id).containsExactly("r2", "e3");
    }

    @Test
    void searchAlsoFindsReviewNotesIgnoringCaseAndAccents() {
        seed();
        store.setReview("e2", ReviewStatus.CONTACTED, "Rappeler après 18h — Müller wants the Premium plan");
        store.setReview("r1", ReviewStatus.NEW, "Перезвонить в понедельник");
        assertThat(ids(LeadQuery.all().withSearch("rappeler"))).containsExactly("e2");
        assertThat(ids(LeadQuery.all().withSearch("apres premium"))).containsExactly("e2");   // accents, two words
        assertThat(ids(LeadQuery.all().withSearch("PREMI"))).containsExactly("e2");           // prefix, case
        assertThat(ids(LeadQuery.all().withSearch("MULL"))).containsExactlyInAnyOrder("e2", "r3"); // note and answer
        assertThat(ids(LeadQuery.all().withSearch("перезвон"))).containsExactly("r1");
        assertThat(store.countLeads(LeadQuery.all().withSearch("перезвон"))).isEqualTo(1);
        assertThat(ids(LeadQuery.all().withSearch("plan zzz"))).isEmpty();                   // every word must match
        // a note match joins the answers' matches, and the filters still apply
        assertThat(ids(LeadQuery.all().withSearch("понедельник").withForms(List.of("f-en")))).isEmpty();
        assertThat(store.leadRowIds(LeadQuery.all().withSearch("rappeler"))).hasSize(1);
        List<String> both = ids(LeadQuery.all().withSearch("Иван"));
        store.setReview("e3", ReviewStatus.NEW, "Иванов brother");
        assertThat(ids(LeadQuery.all().withSearch("Иван"))).hasSize(both.size() + 1).contains("e3");
        List<StoredLead> streamed = new ArrayList<>();
        store.forEachLead(LeadQuery.all().withSearch("rappeler"), streamed::add);
        assertThat(streamed).extracting(StoredLead::id).containsExactly("e2");
    }

    @Test
    void rowIdsAndRowsAgreeWithTheQueryOrder() {
        seed();
        LeadQuery q = LeadQuery.all().sortedBy(LeadSort.NAME, true);
        long[] ids = store.leadRowIds(q);
        assertThat(ids).hasSize(6);
        List<LeadRow> window = store.rows(ids, 1, 4);
        assertThat(window).extracting(LeadRow::rowId).containsExactly(ids[1], ids[2], ids[3]);
        assertThat(window).isEqualTo(store.rows(q, 1, 3));
        long[] withMissing = {ids[5], 999_999L, ids[0]};
        assertThat(store.rows(withMissing, 0, 3)).extracting(LeadRow::rowId).containsExactly(ids[5], ids[0]);
        assertThat(store.leadRowIds(LeadQuery.all().withSearch("zzz"))).isEmpty();
        assertThat(store.countLeads(q)).isEqualTo(6);
    }

    @Test
    void searchRowIdsInCreatedOrderMatchTheSqlOrderIncludingTies() {
        seed();
        // e2 and e3 were created in the same second: the row id breaks the tie in the sort's direction
        for (boolean descending : new boolean[] {true, false}) {
            for (String search : List.of("1000-5000", "com", "кредит", "a", "zzz")) {
                LeadQuery q = LeadQuery.all().withSearch(search).sortedBy(LeadSort.CREATED, descending);
                long[] expected = store.rows(q, 0, 1000).stream().mapToLong(LeadRow::rowId).toArray();
                assertThat(store.leadRowIds(q)).as(search + (descending ? " desc" : " asc")).containsExactly(expected);
            }
        }
        LeadQuery ties = LeadQuery.all().withSearch("1000-5000").sortedBy(LeadSort.CREATED, true);
        assertThat(store.rows(store.leadRowIds(ties), 0, 3)).extracting(LeadRow::id).containsExactly("e3", "e2", "e1");
        assertThat(store.leadRowIds(LeadQuery.all().withSearch("1000-5000").withPlatforms(List.of("ig")))).isEmpty();
    }

    @Test
    void forEachLeadStreamsEveryMatchInOrder() {
        seed();
        List<String> seen = new ArrayList<>();
        store.forEachLead(LeadQuery.all().sortedBy(LeadSort.CREATED, false), l -> seen.add(l.id()));
        assertThat(seen).containsExactly("r1", "e1", "r2", "r3", "e2", "e3");
        List<StoredLead> ru = new ArrayList<>();
        store.forEachLead(LeadQuery.all().withForms(List.of("f-ru")), ru::add);
        assertThat(ru).extracting(StoredLead::pageId).containsOnly("p-1");
        assertThat(ru.get(ru.size() - 1).lead()).isEqualTo(RU.get(0));
    }

    // ---- pages and forms ------------------------------------------------------------------------

    @Test
    void pagesAndFormsCarryCountsSyncStateAndTheFormAsSynced() {
        seed();
        assertThat(store.pages()).extracting(StoredPage::name).containsExactly("Acme Ltd", "Банк Москва");
        assertThat(store.pages()).allSatisfy(p -> assertThat(p.lastSynced()).isNull());
        store.markFormSynced("f-ru", 1_700_000_200L, T2);
        store.markFormSynced("f-ru", null, T2.plusSeconds(60)); // no leads this time: watermark stays

        StoredPage bank = store.pages().get(1);
        assertThat(bank).isEqualTo(new StoredPage("p-1", "Банк Москва", 3, T2.plusSeconds(60)));
        assertThat(store.forms(List.of())).extracting(StoredForm::id).containsExactly("f-en", "f-ru");
        StoredForm ru = store.form("f-ru").orElseThrow();
        assertThat(ru.form()).isEqualTo(Fixtures.russianForm());
        assertThat(ru.cachedLeads()).isEqualTo(3);
        assertThat(ru.watermark()).isEqualTo(1_700_000_200L);
        assertThat(ru.lastSynced()).isEqualTo(T2.plusSeconds(60));
        StoredForm en = store.forms(List.of("p-2")).get(0);
        assertThat(en.form()).isEqualTo(Fixtures.englishForm());
        assertThat(en.watermark()).isNull();
        assertThat(en.lastSynced()).isNull();
        assertThat(store.form("none")).isEmpty();
        assertThat(store.cachedCountsByForm()).isEqualTo(Map.of("f-en", 3L, "f-ru", 3L));
        assertThatThrownBy(() -> store.markFormSynced("none", 1L, T2)).isInstanceOf(StoreException.class);
    }

    // ---- privacy ------------------------------------------------------------------------------

    @Test
    void deletingALeadRemovesItFromSearchReviewsAndExports() {
        seed();
        store.setReview("r1", ReviewStatus.QUALIFIED, "x");
        store.recordExport("/tmp/a.csv", null, T1, List.of("r1", "r2"));

        assertThat(store.deleteLead("r1")).isTrue();

        assertThat(store.lead("r1")).isEmpty();
        assertThat(store.countLeads(LeadQuery.all().withSearch("Иван"))).isZero();
        assertThat(store.exportsOf("r1")).isEmpty();
        assertThat(store.exportsOf("r2")).hasSize(1);
        assertThat(store.totalLeads()).isEqualTo(5);
        assertThat(store.deleteLead("r1")).isFalse();
        // synced again later (Meta still serves it): the person asked to be forgotten, so it is not stored again,
        // while the other leads of the same page are
        assertThat(store.upsertLeads("p-1", Fixtures.russianForm(), RU, T2)).isZero();
        assertThat(store.lead("r1")).isEmpty();
        assertThat(store.lead("r2")).isPresent();
        assertThat(store.countLeads(LeadQuery.all().withSearch("Иван"))).isZero();
        // also after reopening the cache
        store.close();
        store = LeadStore.open(dbFile);
        assertThat(store.upsertLeads("p-1", Fixtures.russianForm(), List.of(RU.get(0)), T2)).isZero();
        assertThat(store.lead("r1")).isEmpty();
    }

    @Test
    void aCacheOfSchema1IsMigratedWithItsDataKept() throws Exception {
        store.close();
        Path old = dir.resolve("v1").resolve("leaddesk.db");
        Files.createDirectories(old.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement st = c.createStatement()) {
            for (String sql : Schema.MIGRATIONS.get(0).statements()) {
                st.execute(sql);
            }
            st.execute("PRAGMA user_version = 1");
            st.execute("INSERT INTO pages(id, name, updated_at) VALUES ('p-old', 'Kept page', 1)");
        }
        store = LeadStore.open(old);
        assertThat(store.pages()).extracting(p -> p.name()).containsExactly("Kept page");
        seedInto(store);
        assertThat(store.deleteLead("e1")).isTrue();
        assertThat(store.upsertLeads("p-2", Fixtures.englishForm(), EN, T2)).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(Schema.latestVersion());
        }
    }

    @Test
    void sortingByNameOrEmailWalksAnIndexInBothDirections() throws Exception {
        seed();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dbFile); Statement st = c.createStatement()) {
            for (LeadSort sort : List.of(LeadSort.NAME, LeadSort.EMAIL, LeadSort.CREATED, LeadSort.CAMPAIGN, LeadSort.PLATFORM)) {
                for (boolean descending : new boolean[] {false, true}) {
                    SqlQuery q = SqlQuery.of(LeadQuery.all().sortedBy(sort, descending), false);
                    StringBuilder plan = new StringBuilder();
                    try (ResultSet rs = st.executeQuery("EXPLAIN QUERY PLAN SELECT l.rowid" + q.fromWhere + q.orderBy)) {
                        while (rs.next()) {
                            plan.append(rs.getString(4)).append('\n');
                        }
                    }
                    assertThat(plan.toString()).as("%s %s", sort, descending).contains("INDEX").doesNotContain("TEMP B-TREE");
                }
            }
        }
    }

    @Test
    void aForgottenLeadLeavesNoReadableTraceInTheCacheFiles() throws Exception {
        seed();
        // enough other leads that the forgotten one shares pages with leads that stay
        List<Lead> others = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            others.add(en("keep" + i, 1_700_001_000L + i, "Keeper " + i, "keeper" + i + "@acme.com", "+1 555 01" + i, false));
        }
        store.upsertLeads("p-2", Fixtures.englishForm(), others, T1);
        store.upsertLeads("p-2", Fixtures.englishForm(),
                List.of(en("gone", 1_700_000_500L, "Zyxwvut Forgetme", "zyxwvut.forgetme@private.example", "+1 555 0199", false)), T1);
        store.setReview("gone", ReviewStatus.QUALIFIED, "qwertyprivatenote");
        byte[][] markers = {bytes("Zyxwvut"), bytes("zyxwvut"), bytes("forgetme"), bytes("qwertyprivatenote")};
        assertThat(cacheFilesContainAny(markers)).as("the lead is in the files before it is forgotten").isTrue();

        assertThat(store.deleteLead("gone")).isTrue();

        assertThat(cacheFilesContainAny(markers)).as("no copy of the forgotten lead in the database, WAL or search index")
                .isFalse();
        assertThat(store.totalLeads()).isEqualTo(306);
        assertThat(store.countLeads(LeadQuery.all().withSearch("Keeper 299"))).isEqualTo(1);
        assertThat(store.countLeads(LeadQuery.all().withSearch("Zyxwvut"))).isZero();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether any file of the cache (database, WAL, shared memory) holds any of the byte strings. */
    private boolean cacheFilesContainAny(byte[][] markers) throws Exception {
        return !CacheFiles.holdingAny(dbFile.getParent(), markers).isEmpty();
    }

    @Test
    void purgeByAgeRemovesOldLeadsEverywhere() {
        seed();
        store.recordExport("/tmp/a.csv", null, T1, List.of("r1", "e1"));
        assertThat(store.purgeOlderThan(1_700_000_100L)).isEqualTo(2); // r1 and e1
        assertThat(store.totalLeads()).isEqualTo(4);
        assertThat(store.countLeads(LeadQuery.all().withSearch("Alice"))).isZero();
        assertThat(store.countLeads(LeadQuery.all().withSearch("Ольга"))).isEqualTo(1);
        assertThat(store.exportsOf("e1")).isEmpty();
        assertThat(store.cachedCountsByForm()).isEqualTo(Map.of("f-en", 2L, "f-ru", 2L));
    }

    // ---- concurrency --------------------------------------------------------------------------

    @Test
    void aReaderKeepsItsSnapshotWhileAWriterCommits() throws Exception {
        seed();
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-writer"));
        try {
            List<String> streamed = new ArrayList<>();
            AtomicReference<Integer> written = new AtomicReference<>();
            store.forEachLead(LeadQuery.all(), l -> {
                if (streamed.isEmpty()) { // while our read is open, another thread writes and commits
                    Future<Integer> f = writer.submit(() -> store.upsertLeads("p-2", Fixtures.englishForm(),
                            List.of(en("late", 1_800_000_000L, "Late Comer", "late@x.org", "", false)), T2));
                    try {
                        written.set(f.get(30, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
                streamed.add(l.id());
            });
            assertThat(written.get()).isEqualTo(1);
            assertThat(streamed).hasSize(6).doesNotContain("late");
            assertThat(store.totalLeads()).isEqualTo(7);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void readersOnlyEverSeeWholePagesWhileASyncWrites() throws Exception {
        int pages = 40, perPage = 50;
        CountDownLatch firstPageIn = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-sync-writer"));
        try {
            Future<?> sync = writer.submit(() -> {
                for (int p = 0; p < pages; p++) {
                    List<Lead> page = new ArrayList<>();
                    for (int i = 0; i < perPage; i++) {
                        int n = p * perPage + i;
                        page.add(en("w" + n, 1_700_000_000L + n, "Writer " + n, "w" + n + "@x.org", "", false));
                    }
                    store.upsertLeads("p-2", Fixtures.englishForm(), page, T1);
                    firstPageIn.countDown();
                }
                return null;
            });
            assertThat(firstPageIn.await(30, TimeUnit.SECONDS)).isTrue();
            long last = 0;
            AtomicInteger reads = new AtomicInteger();
            while (!sync.isDone() || reads.get() == 0) {
                long n = store.countLeads(LeadQuery.all());
                long[] ids = store.leadRowIds(LeadQuery.all().withSearch("writer"));
                assertThat(n % perPage).as("count %d", n).isZero();
                assertThat(ids.length % perPage).isZero();
                assertThat(n).isGreaterThanOrEqualTo(last);
                last = n;
                reads.incrementAndGet();
            }
            sync.get(30, TimeUnit.SECONDS);
            assertThat(store.totalLeads()).isEqualTo((long) pages * perPage);
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void aClosedStoreSaysSo() {
        store.close();
        assertThatThrownBy(() -> store.totalLeads()).isInstanceOf(StoreException.class).hasMessageContaining("closed");
        store = LeadStore.open(dbFile);
        assertThat(store.file()).isEqualTo(dbFile.toAbsolutePath());
        assertThat(Set.of(store.pages())).isNotNull();
    }
}
