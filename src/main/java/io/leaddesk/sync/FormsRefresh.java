package io.leaddesk.sync;

import io.leaddesk.store.StoredForm;
import java.util.List;

/**
 * Forms as cached after a refresh from Graph, and the pages whose forms could not be read (each with a plain sentence).
 */
public record FormsRefresh(List<StoredForm> forms, List<PageProblem> problems) {
    public FormsRefresh {
        forms = List.copyOf(forms);
        problems = List.copyOf(problems);
    }

    public record PageProblem(String pageId, String pageName, String message, io.leaddesk.graph.GraphErrorKind kind) { }
}
