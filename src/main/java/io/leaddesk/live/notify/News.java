package io.leaddesk.live.notify;

import java.util.List;

/**
 * What a notification is about: the new leads one sync (an auto-sync round or a manual sync) brought.
 *
 * @param total   how many new leads
 * @param forms   per form, the form with most first
 * @param leadIds the newest of them (at most a couple of hundred), newest first
 * @param names   the names of the newest of them, newest first (personal data: shown only when the user turned on
 *                "Show names in notifications")
 */
public record News(long total, List<FormNews> forms, List<String> leadIds, List<String> names) {
    public News {
        forms = List.copyOf(forms);
        leadIds = List.copyOf(leadIds);
        names = List.copyOf(names);
    }

    /** One form's share. {@code pageName} may be null. */
    public record FormNews(String formId, String formName, String pageName, long count) {
    }

    public boolean isEmpty() {
        return total <= 0;
    }
}
