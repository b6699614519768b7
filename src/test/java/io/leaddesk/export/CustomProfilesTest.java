package io.leaddesk.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leaddesk.export.CustomProfile.CustomColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomProfilesTest {

    @TempDir
    Path dir;

    @Test
    void savedProfilesSurviveANewInstanceAndCanBeReplacedAndDeleted() {
        CustomProfiles store = new CustomProfiles(dir);
        assertThat(store.list()).isEmpty();
        CustomProfile a = new CustomProfile("Agency", List.of(new CustomColumn("email", "E-mail"), new CustomColumn("field:эл._адрес", "Пошта")));
        CustomProfile b = new CustomProfile("Sheet", List.of(new CustomColumn("id", "")));
        store.save(a);
        store.save(b);

        CustomProfiles again = new CustomProfiles(dir);
        assertThat(again.list()).containsExactly(a, b);
        assertThat(again.get("agency")).contains(a);
        assertThat(b.columns().get(0).header()).isEqualTo("id");

        CustomProfile a2 = new CustomProfile("AGENCY", List.of(new CustomColumn("phone_e164", "Tel")));
        again.save(a2);
        assertThat(new CustomProfiles(dir).list()).containsExactly(a2, b);
        assertThat(again.delete("sheet")).isTrue();
        assertThat(again.delete("sheet")).isFalse();
        assertThat(new CustomProfiles(dir).list()).containsExactly(a2);
        assertThat(dir.resolve("custom-profiles.json")).exists();
    }

    @Test
    void resolveFindsBuiltInAndCustomProfilesByCliName() {
        CustomProfiles store = new CustomProfiles(dir);
        CustomProfile a = new CustomProfile("My CRM", List.of(new CustomColumn("email", "Mail")));
        store.save(a);
        assertThat(store.resolve("meta")).isEqualTo(BuiltInProfile.META);
        assertThat(store.resolve("HubSpot")).isEqualTo(BuiltInProfile.HUBSPOT);
        assertThat(store.resolve("zoho")).isEqualTo(BuiltInProfile.ZOHO);
        assertThat(store.resolve("salesforce")).isEqualTo(BuiltInProfile.SALESFORCE);
        assertThat(store.resolve("pipedrive")).isEqualTo(BuiltInProfile.PIPEDRIVE);
        assertThat(store.resolve("my crm")).isEqualTo(a);
        assertThatThrownBy(() -> store.resolve("excel"))
                .isInstanceOf(ExportException.class)
                .hasMessage("There is no export profile named 'excel'; known profiles: meta, hubspot, zoho, salesforce, pipedrive, My CRM.");
    }

    @Test
    void badProfilesAreRefused() throws Exception {
        assertThatThrownBy(() -> new CustomProfile("hubspot", List.of(new CustomColumn("id", "x"))))
                .hasMessageContaining("built-in profile");
        assertThatThrownBy(() -> new CustomColumn("salary", "x")).hasMessage("Unknown column source 'salary'.");
        assertThatThrownBy(() -> new CustomProfile("x", List.of())).hasMessageContaining("at least one column");
        Files.writeString(dir.resolve("custom-profiles.json"), "{not json");
        assertThatThrownBy(() -> new CustomProfiles(dir).list()).isInstanceOf(ExportException.class)
                .hasMessageContaining("cannot be read");
    }
}
