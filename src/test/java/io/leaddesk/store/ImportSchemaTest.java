package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The imports migration: a cache of schema 3 is migrated with its leads kept, and a deleted lead takes its origin along. */
class ImportSchemaTest {
    private static final io.leaddesk.model.Lead LEAD =
            Fixtures.ru("r1", 1_700_000_000L, "Ирина Тестова", "irina@example.com", "+7 900 000 00 01", "a");

    @TempDir
    Path dir;

    @Test
    void aCacheOfSchema3GainsTheImportTablesAndKeepsItsLeads() throws Exception {
        Path file = dir.resolve("v3").resolve("leaddesk.db");
        Files.createDirectories(file.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (Schema.Migration m : Schema.MIGRATIONS) {
                if (m.version() <= 3) {
                    for (String sql : m.statements()) {
                        st.execute(sql);
                    }
                }
            }
            st.execute("PRAGMA user_version = 3");
        }
        try (LeadStore store = LeadStore.open(file)) {
            store.upsertLeads("p-1", Fixtures.russianForm(), List.of(LEAD), java.time.Instant.parse("2026-01-01T00:00:00Z"));
            assertThat(store.totalLeads()).isEqualTo(1);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                assertThat(rs.getInt(1)).isEqualTo(Schema.latestVersion());
            }
            String leadId = LEAD.id();
            st.execute("INSERT INTO imports(id, file_name, at, new_leads) VALUES (1, 'leads.csv', 1, 1)");
            st.execute("INSERT INTO lead_imports(lead_id, import_id) VALUES ('" + leadId + "', 1)");
            st.execute("DELETE FROM leads WHERE id = '" + leadId + "'");
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM lead_imports")) {
                assertThat(rs.getInt(1)).as("the origin of a deleted lead goes with it").isZero();
            }
        }
    }
}
