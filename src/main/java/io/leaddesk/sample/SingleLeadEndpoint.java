package io.leaddesk.sample;

/** {@code /{lead_id}}: one lead, with the page token of its form's Page and leads_retrieval. */
final class SingleLeadEndpoint {
    String lead(SampleCaller caller, SampleDataset.LeadRef ref, SampleRequest req) {
        SampleForm form = ref.form();
        SampleAuth.requirePageToken(caller, form.pageId(), String.valueOf(form.leadIdNumber(ref.index())));
        if (!caller.leadsPermission()) {
            throw GraphError.noLeadsPermission();
        }
        StringBuilder sb = new StringBuilder(1024);
        form.appendLead(sb, ref.index(), LeadEndpoints.leadMask(req));
        return sb.toString();
    }
}
