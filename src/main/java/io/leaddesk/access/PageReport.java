package io.leaddesk.access;

import io.leaddesk.graph.GraphAccess;

import java.util.List;

/**
 * What the doctor found for one Page.
 *
 * @param tasks        the person's tasks on the Page (empty for a Page token: Meta does not say)
 * @param forms        the forms it can list; null when they could not be listed
 * @param formsRead    forms whose trial read of one lead worked (the only proof that leads are readable)
 * @param canReadLeads whether this Page's leads can be read: no trial read failed and Meta does not say otherwise
 * @param leadAccess   Meta's has_lead_access and leadgen_tos_accepted; null when they could not be read
 * @param problems     what keeps its leads from being read, and warnings
 */
public record PageReport(String id, String name, List<String> tasks, Integer forms, int formsRead, boolean canReadLeads,
                         GraphAccess.PageLeadAccess leadAccess, List<Finding> problems) {
    public PageReport {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
