package io.leaddesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.sample.SampleDataset;
import io.leaddesk.sample.SampleForm;
import io.leaddesk.store.LeadQuery;
import io.leaddesk.store.LeadStore;
import java.util.HashSet;
import java.util.Set;

/** The lead ids of a cache and of a sample server, for tests that check a sync brought every lead exactly once. */
final class LeadIds {
    private LeadIds() {
    }

    /** Every lead id in the cache; fails if one is stored twice. */
    static Set<String> cached(LeadStore store) {
        Set<String> ids = new HashSet<>();
        store.forEachLead(LeadQuery.all(), l -> assertThat(ids.add(l.id())).as("lead " + l.id() + " once").isTrue());
        return ids;
    }

    /** Every lead id the sample dataset serves. */
    static Set<String> served(SampleDataset d) {
        Set<String> ids = new HashSet<>();
        for (SampleForm f : d.allForms()) {
            for (int i = 0; i < f.leadCount(); i++) {
                ids.add(d.leadId(f.id(), i));
            }
        }
        return ids;
    }
}
