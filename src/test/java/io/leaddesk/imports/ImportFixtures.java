package io.leaddesk.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The invented lead downloads in src/test/resources/io/leaddesk/imports, copied where a test may change them. */
final class ImportFixtures {
    /** Leads Center flavour: UTF-8 with BOM, comma-separated, CRLF; 6 rows of form f:900000000000101, one malformed. */
    static final String CSV = "leads-2025-03.csv";
    /** export_csv flavour: UTF-16LE with BOM, tab-separated; 4 rows of form f:900000000000202, one malformed. */
    static final String TSV = "export_csv-900000000000202.tsv";

    static final String CSV_FORM = "900000000000101";
    static final String TSV_FORM = "900000000000202";

    private ImportFixtures() {
    }

    static Path copy(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = ImportFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            Files.copy(in, target);
        }
        return target;
    }
}
