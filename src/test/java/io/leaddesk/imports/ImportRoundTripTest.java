package io.leaddesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.graph.AccessToken;
import io.leaddesk.graph.GraphClient;
import io.leaddesk.graph.GraphSettings;
import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredLead;
import io.leaddesk.sync.CancelSignal;
import io.leaddesk.sync.Session;
import io.leaddesk.sync.SyncReport;
import io.leaddesk.sync.SyncRequest;
import io.leaddesk.sync.SyncService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leads synced from the sample Graph API, written out as Meta's downloads, imported into an empty cache: the same leads
 * (id, created_time, form, every answer, attribution, is_organic, platform). Multi-choice answers come back joined until
 * a sync brings the forms' options, then split as Graph gives them.
 */
class ImportRoundTripTest {
    @TempDir
    Path dir;

    private SampleGraphServer server;
    private GraphClient graph;
    private LeadStore synced;
    private LeadStore imported;

    @AfterEach
    void tearDown() {
        for (AutoCloseable c : new AutoCloseable[]{imported, synced, graph, server}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing test resources
                }
            }
        }
    }

    @Test
    void syncedLeadsWrittenAsMetaDownloadsImportIntoAnEmptyCacheAsTheSameLeads() throws Exception {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(800));
        graph = new GraphClient(GraphSettings.defaults().withBaseUrl(server.baseUrl()).withPageSize(100)
                .withInitialBackoff(Duration.ofMillis(1)).withMaxRetryTime(Duration.ofSeconds(30)));
        synced = LeadStore.open(dir.resolve("synced").resolve("leaddesk.db"));
        SyncService sync = new SyncService(graph, synced);
        Session session = sync.signIn(new AccessToken(SampleTokens.USER));
        SyncReport report = sync.sync(session, SyncRequest.everything(), e -> { }, new CancelSignal());
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(synced.totalLeads()).isEqualTo(800);

        Path downloads = Files.createDirectories(dir.resolve("downloads"));
        List<Path> files = MetaDownloadWriter.write(synced, downloads);
        assertThat(files).hasSizeGreaterThan(4);

        imported = LeadStore.open(dir.resolve("imported").resolve("leaddesk.db"));
        ImportService imports = new ImportService(imported);
        long fresh = 0;
        for (Path f : files) {
            ImportResult r = imports.importFile(f, ImportOptions.defaults().withStrict(true), null, null);
            assertThat(r.skipped()).as(f.getFileName().toString()).isZero();
            fresh += r.newLeads();
        }
        assertThat(fresh).isEqualTo(800);
        assertThat(imported.totalLeads()).isEqualTo(800);

        Map<String, StoredLead> expected = leads(synced);
        Map<String, StoredLead> actual = leads(imported);
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        int joined = 0;
        for (Map.Entry<String, StoredLead> e : expected.entrySet()) {
            Lead want = e.getValue().lead();
            Lead got = actual.get(e.getKey()).lead();
            assertSameLeadApartFromAnswers(want, got);
            // before Meta's form definitions are known, a multi-choice answer stays the cell the file had
            List<FieldAnswer> joinedAnswers = new ArrayList<>();
            for (FieldAnswer a : want.fieldData()) {
                joinedAnswers.add(a.values().size() > 1 ? new FieldAnswer(a.name(), List.of(String.join(",", a.values()))) : a);
                joined += a.values().size() > 1 ? 1 : 0;
            }
            assertThat(got.fieldData()).as("answers of " + want.id()).isEqualTo(joinedAnswers);
        }
        assertThat(joined).as("the sample has multi-choice answers").isPositive();

        // a sync of the forms (no leads: Meta would serve only the last 90 days) brings the definitions
        new SyncService(graph, imported).refreshForms(session, List.of());
        assertThat(imported.provisionalFormIds()).isEmpty();
        actual = leads(imported);
        for (Map.Entry<String, StoredLead> e : expected.entrySet()) {
            Lead want = e.getValue().lead();
            Lead got = actual.get(e.getKey()).lead();
            assertSameLeadApartFromAnswers(want, got);
            assertThat(got.fieldData()).as("answers of " + want.id()).isEqualTo(want.fieldData());
            assertThat(actual.get(e.getKey()).pageId()).isEqualTo(e.getValue().pageId());
        }
        // the table's columns (name, email, phone through the question types, page) agree too
        Map<String, LeadRow> wantRows = rows(synced);
        Map<String, LeadRow> gotRows = rows(imported);
        for (Map.Entry<String, LeadRow> e : wantRows.entrySet()) {
            LeadRow w = e.getValue();
            LeadRow g = gotRows.get(e.getKey());
            assertThat(List.of(g.name(), g.email(), g.phone(), g.pageId(), g.formId()))
                    .as("row of " + e.getKey()).isEqualTo(List.of(w.name(), w.email(), w.phone(), w.pageId(), w.formId()));
        }
        assertThat(imported.cachedCountsByForm()).isEqualTo(synced.cachedCountsByForm());

        // and importing the same files again changes nothing
        for (Path f : files) {
            ImportResult again = imports.importFile(f, ImportOptions.defaults(), null, null);
            assertThat(again.newLeads()).isZero();
        }
        assertThat(imported.totalLeads()).isEqualTo(800);
    }

    private static void assertSameLeadApartFromAnswers(Lead want, Lead got) {
        assertThat(List.of(String.valueOf(got.createdTime()), String.valueOf(got.createdEpochSecond()),
                String.valueOf(got.formId()), String.valueOf(got.adId()), String.valueOf(got.adName()),
                String.valueOf(got.adsetId()), String.valueOf(got.adsetName()), String.valueOf(got.campaignId()),
                String.valueOf(got.campaignName()), String.valueOf(got.isOrganic()), String.valueOf(got.platform())))
                .as("lead " + want.id())
                .isEqualTo(List.of(String.valueOf(want.createdTime()), String.valueOf(want.createdEpochSecond()),
                        String.valueOf(want.formId()), String.valueOf(want.adId()), String.valueOf(want.adName()),
                        String.valueOf(want.adsetId()), String.valueOf(want.adsetName()), String.valueOf(want.campaignId()),
                        String.valueOf(want.campaignName()), String.valueOf(want.isOrganic()), String.valueOf(want.platform())));
    }

    private static Map<String, StoredLead> leads(LeadStore store) {
        Map<String, StoredLead> out = new HashMap<>();
        store.forEachLead(LeadQuery.all(), l -> out.put(l.id(), l));
        return out;
    }

    private static Map<String, LeadRow> rows(LeadStore store) {
        Map<String, LeadRow> out = new HashMap<>();
        for (LeadRow r : store.rows(LeadQuery.all(), 0, 10_000)) {
            out.put(r.id(), r);
        }
        return out;
    }
}
