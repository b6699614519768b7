package io.leaddesk.export;

import io.leaddesk.model.LeadForm;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.StoredLead;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The main class of a child JVM for {@link PartialFilesTest}: exports generated leads into {@code args[0]}, prints
 * {@code WRITING} once a few thousand rows went into the partial file, and then stalls (the store "hangs") until it
 * is killed.
 */
public final class PartialExportChild {

    static final LeadForm FORM = Fixtures.form("f", "Form", List.of(Fixtures.q("full_name", "FULL_NAME"), Fixtures.q("email", "EMAIL")));

    private PartialExportChild() {
    }

    public static void main(String[] args) {
        CountDownLatch never = new CountDownLatch(1);
        ExportSource source = new ExportSource() {
            @Override
            public List<LeadForm> forms(LeadQuery query) {
                return List.of(FORM);
            }

            @Override
            public long countLeads(LeadQuery query) {
                return 1_000_000;
            }

            @Override
            public void forEachLead(LeadQuery query, Consumer<StoredLead> consumer) {
                for (int i = 0; i < 1_000_000; i++) {
                    if (i == 5000) {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    consumer.accept(ExportPipelineTest.lead(i));
                }
            }

            @Override
            public long recordExport(String file, String profile, Instant at, Collection<String> leadIds) {
                return 1;
            }
        };
        new Exporter().export(source, ExportOptions.defaults().withProfile(BuiltInProfile.HUBSPOT), Path.of(args[0]), p -> {
            if (p.done() == 2000) {
                System.out.println("WRITING");
                System.out.flush();
            }
        }, null);
    }
}
