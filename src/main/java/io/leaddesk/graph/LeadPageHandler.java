package io.leaddesk.graph;

import io.leaddesk.model.Lead;

import java.util.List;

/** Receives the leads of one result page at a time; the sync commits each page in its own transaction. */
@FunctionalInterface
public interface LeadPageHandler {
    void onPage(List<Lead> leads);
}
