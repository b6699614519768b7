package io.leaddesk.sample;

import java.util.List;

/** An invented Facebook Page of the sample workspace, with its lead forms in the order Graph lists them. */
public record SamplePage(String id, String name, String category, List<SampleForm> forms) {
    public SamplePage {
        forms = List.copyOf(forms);
    }
}
