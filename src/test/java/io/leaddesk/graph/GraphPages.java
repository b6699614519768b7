package io.leaddesk.graph;

import io.leaddesk.model.Lead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Test bridge: the sync's parse of a Graph result page ({@link PageParsers#leads}) for tests of other packages. */
public final class GraphPages {
    private GraphPages() {
    }

    /** The leads of a {@code {"data":[...]}} body, exactly as the sync reads them. */
    public static List<Lead> leads(String body) {
        try {
            return PageParsers.leads(body).leads();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
