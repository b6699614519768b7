package io.leaddesk.live.notify;

import java.util.List;

/**
 * One notification about new leads: what it says ({@code title}, {@code body}), and which leads and forms it is about
 * (what a click on it brings forward). It never carries a lead's personal data unless "Show names in notifications"
 * is on ({@link NewLeadsText}).
 *
 * @param leadIds the newest of the leads (at most a couple of hundred), newest first
 * @param formIds the forms they came in, the form with most first
 */
public record Notification(String title, String body, List<String> leadIds, List<String> formIds) {
    public Notification {
        leadIds = List.copyOf(leadIds);
        formIds = List.copyOf(formIds);
    }

    /** Title and body on one line ("7 new leads: Form (Page) and 2 other forms"), for an in-app notice or a log. */
    public String line() {
        return body == null || body.isBlank() ? title : title + ": " + body.replace('\n', ' ');
    }
}
