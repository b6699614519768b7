package io.leaddesk.imports;

import io.leaddesk.model.FieldAnswer;
import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import io.leaddesk.model.Question;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.StoredForm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the leads of a cache out as Meta's own downloads would hold them, one file per form: ids and phones with
 * Meta's prefixes, is_organic as true/false (CSV) or 1/0 (TSV), created_time ISO 8601 with various offsets, multi-choice
 * answers joined with commas, and a lead_status column. The test side of the round trip.
 */
final class MetaDownloadWriter {
    private static final DateTimeFormatter WITH_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHours(3), ZoneOffset.ofHours(-7),
            ZoneOffset.ofHoursMinutes(5, 30)};

    private MetaDownloadWriter() {
    }

    /** One file per form of the cache that has leads; even forms as UTF-8 CSV, odd ones as UTF-16LE TSV. */
    static List<Path> write(LeadStore store, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        int n = 0;
        for (StoredForm sf : store.forms(List.of())) {
            if (sf.cachedLeads() == 0) {
                continue;
            }
            LeadForm form = sf.form();
            MetaStyleFile.Flavour flavour = n++ % 2 == 0 ? MetaStyleFile.Flavour.CSV_UTF8_BOM
                    : MetaStyleFile.Flavour.TSV_UTF16LE_BOM;
            boolean tsv = flavour == MetaStyleFile.Flavour.TSV_UTF16LE_BOM;
            List<String> header = new ArrayList<>(List.of("id", "created_time", "ad_id", "ad_name", "adset_id",
                    "adset_name", "campaign_id", "campaign_name", "form_id", "form_name", "is_organic", "platform"));
            for (Question q : form.questions()) {
                header.add(q.key());
            }
            header.add("lead_status");
            MetaStyleFile file = new MetaStyleFile(header);
            int[] i = {0};
            store.forEachLead(LeadQuery.forms(List.of(form.id())), sl -> {
                Lead l = sl.lead();
                List<String> row = new ArrayList<>();
                row.add("l:" + l.id());
                ZoneOffset off = OFFSETS[i[0]++ % OFFSETS.length];
                row.add(WITH_COLON.format(Instant.ofEpochSecond(l.createdEpochSecond()).atOffset(off)));
                row.add(prefixed("ag:", l.adId()));
                row.add(orEmpty(l.adName()));
                row.add(prefixed("as:", l.adsetId()));
                row.add(orEmpty(l.adsetName()));
                row.add(prefixed("c:", l.campaignId()));
                row.add(orEmpty(l.campaignName()));
                row.add("f:" + l.formId());
                row.add(form.name());
                row.add(l.isOrganic() == null ? "" : tsv ? (l.isOrganic() ? "1" : "0") : String.valueOf(l.isOrganic()));
                row.add(orEmpty(l.platform()));
                for (Question q : form.questions()) {
                    FieldAnswer a = l.fieldData().stream().filter(x -> x.name().equals(q.key())).findFirst().orElse(null);
                    String cell = a == null ? "" : String.join(",", a.values());
                    boolean phone = "PHONE".equals(q.type()) || "WORK_PHONE_NUMBER".equals(q.type());
                    row.add(phone && !cell.isEmpty() ? "p:" + cell : cell);
                }
                row.add("CREATED");
                file.row(row);
            });
            files.add(file.write(dir.resolve("form-" + form.id() + (tsv ? ".tsv" : ".csv")), flavour));
        }
        return files;
    }

    private static String prefixed(String prefix, String id) {
        return id == null ? "" : prefix + id;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
