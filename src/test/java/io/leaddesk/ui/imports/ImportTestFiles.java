package io.leaddesk.ui.imports;

import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The engine's invented lead downloads (src/test/resources/io/leaddesk/imports) and small files written here. */
final class ImportTestFiles {
    /** UTF-8 with BOM, comma-separated: 6 rows of form 900000000000101, the 4th ("yesterday") malformed. */
    static final String CSV = "leads-2025-03.csv";
    /** UTF-16LE with BOM, tab-separated: 4 rows of form 900000000000202, the 3rd cut short. */
    static final String TSV = "export_csv-900000000000202.tsv";
    static final String CSV_FORM = "900000000000101";

    private ImportTestFiles() {
    }

    static Path fixture(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = ImportTestFiles.class.getResourceAsStream("/io/leaddesk/imports/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            Files.copy(in, target);
        }
        return target;
    }

    /** A Leads Center style file without form_id: {@code rows} leads with ids from 7000000001. */
    static Path withoutFormId(Path file, int rows) throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFFid,created_time,full_name,email,lead_status\r\n");
        for (int i = 1; i <= rows; i++) {
            sb.append("l:").append(7_000_000_000L + i).append(",2025-01-01T10:00:00+0000,Олена ").append(i)
                    .append(",olena").append(i).append("@example.com,NEW\r\n");
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    /** A file of form 901 (not cached) with {@code rows} leads. */
    static Path ofForm901(Path file, int rows) throws IOException {
        StringBuilder sb = new StringBuilder("\uFEFFid,created_time,form_id,form_name,full_name,notes\r\n");
        for (int i = 1; i <= rows; i++) {
            sb.append("l:").append(8_000_000_000L + i).append(",2025-02-01T10:00:00+0000,f:901,Форма,Іван ").append(i)
                    .append(",текст\r\n");
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    /** A synced form with the questions full_name and email. */
    static LeadForm syncedForm(String id, String name) {
        return new LeadForm(id, "104200000000101", name, "ACTIVE", "uk_UA", "2025-01-01T10:00:00+0000", 10, 0, 0,
                List.of(new Question("q1", "full_name", "Full name", "FULL_NAME", null),
                        new Question("q2", "email", "Email", "EMAIL", null)),
                null, null, "{\"id\":\"" + id + "\"}");
    }
}
