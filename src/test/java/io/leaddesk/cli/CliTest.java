package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leaddesk.sample.SampleGraphServer;
import io.leaddesk.sample.SampleOptions;
import io.leaddesk.sample.SampleTokens;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.leaddesk.cli.CliRunner.Result;

/** The command line in-process against the sample Graph API: output, exit codes, one-sentence failures. */
class CliTest {
    static SampleGraphServer server;

    @TempDir
    Path home;

    @BeforeAll
    static void startServer() {
        server = SampleGraphServer.start(SampleOptions.defaults().withLeads(1200));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    Result run(String token, String... args) {
        return CliRunner.run(env(token), args);
    }

    Map<String, String> env(String token) {
        Map<String, String> env = new HashMap<>();
        env.put("LEADDESK_GRAPH_URL", server.baseUrl());
        env.put("LEADDESK_HOME", home.toString());
        env.put("LEADDESK_PAGE_SIZE", "200");
        env.put("LEADDESK_MAX_RETRY_SECONDS", "2");
        if (token != null) env.put("LEADDESK_TOKEN", token);
        return env;
    }

    @Test
    void forgetNamesTheExportedFilesAndUnfinishedExportsThatStillHoldCopies() throws Exception {
        assertThat(run(SampleTokens.USER, "sync").code()).isZero();
        String first = new ObjectMapper().readTree(run(null, "leads", "--json").out().lines().findFirst().orElseThrow())
                .get("id").asText();
        Path folder = Files.createDirectories(home.resolve("exports"));
        Path csv = folder.resolve("leads.csv");
        assertThat(run(null, "export", "--out", csv.toString()).code()).isZero();
        // what a crash in the middle of an export leaves behind (LeadDesk's own naming, untouched for an hour)
        Path partial = Files.writeString(folder.resolve(".leads2.csv.partial-0a1b2c3d"), "id\n");
        Files.setLastModifiedTime(partial, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));

        Result r = run(null, "forget", "--lead", first);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("Copies may remain outside the cache").contains(csv.toString())
                .contains(partial.toString() + " (an export that never finished)");
        // once those files are gone there is nothing left to name
        String other = new ObjectMapper().readTree(run(null, "leads", "--json").out().lines().findFirst().orElseThrow())
                .get("id").asText();
        Files.delete(csv);
        Files.delete(partial);
        assertThat(run(null, "forget", "--lead", other).err()).doesNotContain("Copies may remain");
    }

    @Test
    void forgetDeletesTheGivenLeadsAndNamesTheUnknownOnes() throws Exception {
        assertThat(run(SampleTokens.USER, "sync").code()).isZero();
        List<String> before = run(null, "leads", "--json").out().lines().toList();
        String first = new ObjectMapper().readTree(before.get(0)).get("id").asText();
        String second = new ObjectMapper().readTree(before.get(1)).get("id").asText();

        Result r = run(null, "forget", "--lead", first, "--lead", "no-such-lead", "--lead", second);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("Deleted 2 leads from the local cache.");
        assertThat(r.err().strip()).isEqualTo("No cached lead has the id no-such-lead.");
        List<String> after = run(null, "leads", "--json").out().lines().toList();
        assertThat(after).hasSize(1198).doesNotContain(before.get(0), before.get(1));
        // Meta still serves them, but a full resync does not bring the forgotten people back
        Result resync = run(SampleTokens.USER, "sync", "--full");
        assertThat(resync.code()).as(resync.err()).isZero();
        assertThat(resync.out()).contains("1,200 leads fetched, 0 new");
        assertThat(run(null, "leads", "--json").out().lines().toList()).hasSize(1198).doesNotContain(before.get(0));
        assertThat(run(null, "forget").code()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void whoamiTellsKindIdAndNameAsJsonArray() throws Exception {
        Result r = run(SampleTokens.USER, "whoami", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).get("kind").asText()).isEqualTo("user");
        assertThat(json.get(0).get("id").asText()).isNotBlank();
        assertThat(json.get(0).get("name").asText()).isNotBlank();
    }

    @Test
    void whoamiPlainOutputKeepsTheKeyColonValueLinesScriptsGrep() {
        Result r = run(SampleTokens.USER, "whoami");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().toList())
                .contains("kind: user")
                .anySatisfy(line -> assertThat(line).matches("id: \\d+"))
                .anySatisfy(line -> assertThat(line).startsWith("name: ").hasSizeGreaterThan(6))
                .anySatisfy(line -> assertThat(line).startsWith("expires: "));
    }

    @Test
    void pagesAndFormsListWhatTheTokenReaches() throws Exception {
        Result pages = run(SampleTokens.USER, "pages", "--json");
        assertThat(pages.code()).isZero();
        JsonNode p = new ObjectMapper().readTree(pages.out());
        assertThat(p.size()).isGreaterThanOrEqualTo(3);

        Result forms = run(SampleTokens.USER, "forms", "--json");
        assertThat(forms.code()).as(forms.err()).isZero();
        JsonNode f = new ObjectMapper().readTree(forms.out());
        assertThat(f.size()).isGreaterThan(3);
        JsonNode first = f.get(0);
        for (String field : List.of("id", "name", "status", "page_id", "leads_count", "expired_leads_count", "cached", "last_synced")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        Result text = run(SampleTokens.USER, "forms", "--page", p.get(0).get("id").asText());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("LEADS").contains("CACHED");
    }

    @Test
    void syncPrintsOneSummaryLineAndLeadsJsonIsByteExactWithWhatGraphSent() throws Exception {
        Result sync = run(SampleTokens.USER, "sync");
        assertThat(sync.code()).as(sync.err()).isZero();
        assertThat(sync.out().strip().lines()).hasSize(1);
        assertThat(sync.out()).contains("1,200 leads fetched");
        assertThat(sync.err()).contains("Syncing");

        Result leads = run(null, "leads", "--json");
        assertThat(leads.code()).isZero();
        List<String> lines = leads.out().lines().toList();
        assertThat(lines).hasSize(1200);

        // Every line must be exactly what the Graph API sent for that lead.
        String fields = "id,created_time,ad_id,ad_name,adset_id,adset_name,campaign_id,campaign_name,form_id,field_data,"
                + "custom_disclaimer_responses,is_organic,platform,partner_name,retailer_item_id";
        java.util.Set<String> served = new java.util.HashSet<>();
        for (var form : server.dataset().allForms()) {
            for (int i = 0; i < form.leadCount(); i++) {
                served.add(server.dataset().leadJson(form.id(), i, fields));
            }
        }
        assertThat(served).hasSize(1200);
        ObjectMapper m = new ObjectMapper();
        boolean sawCyrillic = false, sawEmoji = false, sawRtl = false;
        for (String line : lines) {
            assertThat(served).contains(line);
            // Graph escapes non-ASCII as \\uXXXX; the decoded answers must carry the real characters.
            String decoded = m.readTree(line).toString();
            sawCyrillic |= decoded.matches("(?s).*[\\u0400-\\u04FF].*");
            sawEmoji |= decoded.codePoints().anyMatch(c -> c >= 0x1F300);
            sawRtl |= decoded.matches("(?s).*[\\u0590-\\u06FF].*");
        }
        assertThat(sawCyrillic).isTrue();
        assertThat(sawEmoji).isTrue();
        assertThat(sawRtl).isTrue();

        Result search = run(null, "leads", "--search", "example");
        assertThat(search.code()).isZero();
        assertThat(search.out().lines().count()).isGreaterThan(1);
    }

    @Test
    void expiredTokenExitsWith3NamesTheCauseAndLeavesTheCacheUntouched() throws Exception {
        assertThat(run(SampleTokens.USER, "sync").code()).isZero();
        long before;
        try (LeadStore s = LeadStore.open(home.resolve("leaddesk.db"))) {
            before = s.countLeads(LeadQuery.all());
        }
        Result r = run(SampleTokens.EXPIRED, "sync");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).containsIgnoringCase("expired").doesNotContain("at io.leaddesk").doesNotContain(SampleTokens.EXPIRED);
        assertThat(r.err().strip().lines()).hasSize(1);
        try (LeadStore s = LeadStore.open(home.resolve("leaddesk.db"))) {
            assertThat(s.countLeads(LeadQuery.all())).isEqualTo(before);
        }
    }

    @Test
    void missingLeadsPermissionExitsWith3NamingThePermission() {
        Result r = run(SampleTokens.NO_LEADS_PERMISSION, "sync");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("leads_retrieval");
    }

    @Test
    void noTokenIsATokenProblemAndBadUsageExitsWith2() {
        Result none = run(null, "whoami");
        assertThat(none.code()).isEqualTo(3);
        assertThat(none.err()).contains("LEADDESK_TOKEN");

        assertThat(run(SampleTokens.USER, "sync", "--bogus").code()).isEqualTo(2);
        assertThat(run(null, "leads", "--since", "yesterday-ish").code()).isEqualTo(2);
        assertThat(run(null, "nonsense").code()).isEqualTo(2);
        for (String command : List.of("whoami", "pages", "forms", "sync", "leads", "export", "review", "forget", "sample-server")) {
            Result help = run(null, command, "--help");
            assertThat(help.code()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: leaddesk " + command);
        }
    }

    @Test
    void unwritableDataFolderIsAStorageProblem() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");
        Result r = CliRunner.run(Map.of("LEADDESK_HOME", file.toString()), "leads");
        assertThat(r.code()).isEqualTo(5);
        assertThat(r.errLines()).hasSize(1);
    }

    @Test
    void unreachableGraphIsExit4() {
        Map<String, String> env = Map.of("LEADDESK_GRAPH_URL", "http://127.0.0.1:1", "LEADDESK_TOKEN", SampleTokens.USER,
                "LEADDESK_HOME", home.toString(), "LEADDESK_MAX_RETRY_SECONDS", "0");
        Result r = CliRunner.run(env, "whoami");
        assertThat(r.code()).as(r.err()).isEqualTo(4);
        assertThat(r.errLines()).hasSize(1);
    }

    @Test
    void reviewStatusIsKeptAndFiltersLeads() {
        assertThat(run(SampleTokens.USER, "sync").code()).isZero();
        String firstId = run(null, "leads", "--json").out().lines().findFirst().orElseThrow().replaceAll("^\\{\"id\":\"(\\d+)\".*", "$1");
        Result r = run(null, "review", firstId, "--status", "qualified", "--note", "Called, wants a trial lesson");
        assertThat(r.code()).as(r.err()).isZero();
        Result q = run(null, "leads", "--status", "qualified", "--json");
        assertThat(q.out().lines()).hasSize(1).allMatch(l -> l.contains(firstId));
    }

    @Test
    void exportWritesMetaColumnsRefusesToOverwriteWithoutForceAndRemembersWhatWentOut() throws Exception {
        assertThat(run(SampleTokens.USER, "sync").code()).isZero();
        Path csv = home.resolve("leads.csv");

        Result first = run(null, "export", "--out", csv.toString(), "--bom", "--delimiter", ";");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("1200 leads");
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF); // UTF-8 byte order mark for Excel
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("id;created_time;ad_id;ad_name;adset_id;adset_name;campaign_id;campaign_name;form_id;form_name;is_organic;platform;");

        Result again = run(null, "export", "--out", csv.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already exists").contains("--force");
        assertThat(Files.readAllBytes(csv)).isEqualTo(bytes);

        Result newOnly = run(null, "export", "--out", csv.toString(), "--force", "--new-only", "--profile", "hubspot");
        assertThat(newOnly.code()).as(newOnly.err()).isZero();
        assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).hasSize(1); // header only: everything went out before

        assertThat(run(null, "export", "--out", csv.toString(), "--force", "--profile", "no-such-crm").code()).isEqualTo(2);
        assertThat(run(null, "export", "--out", home.resolve("missing/dir/x.csv").toString()).code()).isEqualTo(2);
        assertThat(run(null, "export", "--out", csv.toString(), "--force", "--delimiter", "|").code()).isEqualTo(2);
    }
}
