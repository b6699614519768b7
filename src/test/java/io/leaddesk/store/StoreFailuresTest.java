package io.leaddesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.graph.PageInfo;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage problems leave the store as one-sentence StoreExceptions, never as another runtime exception. */
class StoreFailuresTest {

    @TempDir
    Path dir;

    @Test
    void aStoredFormWhoseQuestionsCannotBeReadIsADamagedCacheNotAnIllegalState() throws Exception {
        Path db = dir.resolve("leaddesk.db");
        try (LeadStore store = LeadStore.open(db)) {
            LeadStoreTest.seedInto(store);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE forms SET questions_json = '[{\"key\": broken' WHERE id = 'f-en'");
        }
        try (LeadStore store = LeadStore.open(db)) {
            assertThatThrownBy(() -> store.forms(List.of()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("is damaged or not a LeadDesk database (a stored form cannot be read)")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception", "JSON", "\n"));
            assertThatThrownBy(() -> store.form("f-en")).isInstanceOf(StoreException.class);
            assertThat(store.form("f-ru")).isPresent();
        }
    }

    @Test
    void aClosedStoreRefusesWritesWithASentenceToo() {
        LeadStore store = LeadStore.open(dir.resolve("leaddesk.db"));
        store.close();
        assertThatThrownBy(() -> store.upsertPage(new PageInfo("p", "P", null, List.of())))
                .isInstanceOf(StoreException.class).hasMessageEndingWith("is closed.");
        assertThatThrownBy(() -> store.forget(List.of("x"), null, null)).isInstanceOf(StoreException.class);
        store.close(); // twice is fine
    }
}
