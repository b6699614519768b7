package io.leaddesk.sample;

import java.util.List;

/** {@code /me}, {@code /me/accounts} and {@code /{page_id}}: who the token is and the Pages it reaches. */
final class AccountEndpoints {
    private static final List<String> PAGE_FIELDS = List.of("access_token", "category", "category_list", "name",
            "id", "tasks");

    private final SampleDataset dataset;
    private final SamplePaging paging;

    AccountEndpoints(SampleDataset dataset, SamplePaging paging) {
        this.dataset = dataset;
        this.paging = paging;
    }

    String me(SampleCaller caller, SampleRequest req) {
        List<String> fields = req.fieldsOr(List.of("name", "id"));
        StringBuilder sb = new StringBuilder(160).append('{');
        int n = 0;
        if (fields.contains("name")) {
            sb.append("\"name\":").append(Json.str(caller.name()));
            n++;
        }
        if (fields.contains("id")) {
            sb.append(n++ > 0 ? "," : "").append("\"id\":\"").append(caller.id()).append('"');
        }
        if ("1".equals(req.get("metadata")) || "true".equals(req.get("metadata"))) {
            sb.append(n > 0 ? "," : "").append("\"metadata\":{\"type\":\"").append(caller.isPage() ? "page" : "user")
                    .append("\"}");
        }
        return sb.append('}').toString();
    }

    String accounts(SampleCaller caller, SampleRequest req) {
        if (caller.isPage()) {
            throw GraphError.nonexistingField("accounts", "Page");
        }
        List<String> fields = SampleRequest.ordered(req.fieldsOr(null), PAGE_FIELDS);
        List<SamplePage> pages = dataset.pages();
        List<String> ids = pages.stream().map(SamplePage::id).toList();
        return paging.listPage(req, caller, ids, (sb, i) -> appendPage(sb, caller, pages.get(i), fields));
    }

    String pageNode(SampleCaller caller, SamplePage page, SampleRequest req) {
        List<String> fields = req.fieldsOr(List.of("name", "id"));
        if (caller.isPage() && !caller.pageId().equals(page.id())) {
            fields = fields.stream().filter(f -> f.equals("id") || f.equals("name") || f.equals("category"))
                    .toList();
        }
        StringBuilder sb = new StringBuilder(256);
        appendPage(sb, caller, page, fields);
        return sb.toString();
    }

    private static String pageTokenFor(SampleCaller caller, SamplePage page) {
        if (caller.isPage()) {
            return caller.pageId().equals(page.id()) ? caller.token() : null;
        }
        return caller.persona().pageTokenPrefix + page.id();
    }

    private static void appendPage(StringBuilder sb, SampleCaller caller, SamplePage page, List<String> fields) {
        sb.append('{');
        int n = 0;
        for (String f : fields) {
            String member = switch (f) {
                case "access_token" -> {
                    String t = pageTokenFor(caller, page);
                    yield t == null ? null : "\"access_token\":" + Json.str(t);
                }
                case "category" -> "\"category\":" + Json.str(page.category());
                case "category_list" -> "\"category_list\":[{\"id\":\"" + (2_200 + page.id().hashCode() % 97 + 97)
                        + "\",\"name\":" + Json.str(page.category()) + "}]";
                case "name" -> "\"name\":" + Json.str(page.name());
                case "id" -> "\"id\":\"" + page.id() + '"';
                case "tasks" -> caller.isPage() ? null : tasks(caller, page);
                case "has_lead_access" -> caller.persona().hasLeadAccess(page.id());
                case "leadgen_tos_accepted" -> "\"leadgen_tos_accepted\":true";
                default -> null;
            };
            if (member != null) {
                sb.append(n++ > 0 ? "," : "").append(member);
            }
        }
        sb.append('}');
    }

    private static String tasks(SampleCaller caller, SamplePage page) {
        return "\"tasks\":[\"" + String.join("\",\"", caller.persona().tasks(page.id())) + "\"]";
    }
}
