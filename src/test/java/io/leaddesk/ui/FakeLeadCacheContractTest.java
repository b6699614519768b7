package io.leaddesk.ui;

import io.leaddesk.model.Lead;
import io.leaddesk.model.LeadForm;
import java.util.List;

/** The in-memory fake of the ViewModel tests keeps the cache's contract. */
class FakeLeadCacheContractTest extends LeadCacheContract {
    @Override
    LeadCache cacheWith(LeadForm form, List<Lead> leads) {
        FakeLeadCache c = new FakeLeadCache();
        c.addPage(TestData.PAGE, "Школа мов / Language school");
        c.addForm(form);
        leads.forEach(l -> c.addLead(TestData.PAGE, l));
        return c;
    }
}
