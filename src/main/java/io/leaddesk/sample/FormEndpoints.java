package io.leaddesk.sample;

import java.util.List;

/** {@code /{page_id}/leadgen_forms} (paged, with fault injection) and {@code /{form_id}}; both need the page token. */
final class FormEndpoints {
    private final SamplePaging paging;
    private final SampleFaultInjector faults;

    FormEndpoints(SamplePaging paging, SampleFaultInjector faults) {
        this.paging = paging;
        this.faults = faults;
    }

    String forms(SampleCaller caller, SamplePage page, SampleRequest req) {
        SampleAuth.requirePageToken(caller, page.id(), page.id());
        List<String> fields = formFields(req);
        faults.roll(req, page.id());
        List<SampleForm> forms = page.forms();
        List<String> ids = forms.stream().map(SampleForm::id).toList();
        return paging.listPage(req, caller, ids, (sb, i) -> forms.get(i).appendForm(sb, fields));
    }

    String formNode(SampleCaller caller, SampleForm form, SampleRequest req) {
        SampleAuth.requirePageToken(caller, form.pageId(), form.id());
        StringBuilder sb = new StringBuilder(1024);
        form.appendForm(sb, formFields(req));
        return sb.toString();
    }

    private static List<String> formFields(SampleRequest req) {
        String raw = req.get("fields");
        if (raw == null || raw.isBlank()) {
            return List.of("id", "locale", "name", "status");
        }
        List<String> asked = SampleDataset.topLevelFields(raw);
        for (String f : asked) {
            if (!SampleForm.FORM_FIELDS.contains(f) && !SampleForm.FORM_FIELDS_ABSENT.contains(f)) {
                throw GraphError.nonexistingField(f, "LeadgenForm");
            }
        }
        return SampleRequest.ordered(asked, SampleForm.FORM_FIELDS);
    }
}
