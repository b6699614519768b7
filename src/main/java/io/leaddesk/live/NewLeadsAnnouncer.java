package io.leaddesk.live;

import io.leaddesk.live.notify.News;
import io.leaddesk.live.notify.NewLeadsText;
import io.leaddesk.live.notify.Notification;
import io.leaddesk.live.notify.Notifier;
import io.leaddesk.store.Arrivals;
import io.leaddesk.store.LeadRow;
import io.leaddesk.store.LeadStore;
import io.leaddesk.store.LiveSettings;
import io.leaddesk.store.StoredForm;
import io.leaddesk.store.StoredPage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notification per sync that brought new leads (an auto-sync round or a manual sync): counts and form names,
 * the leads' names only when "Show names in notifications" is on, nothing at all when notifications are off.
 * Lead personal data never goes to the log.
 */
public final class NewLeadsAnnouncer {
    private static final Logger LOG = LoggerFactory.getLogger(NewLeadsAnnouncer.class);

    private final LeadStore store;
    private final Supplier<LiveSettings> settings;
    private final NewLeadsText text;
    private final Notifier notifier;

    public NewLeadsAnnouncer(LeadStore store, Supplier<LiveSettings> settings, NewLeadsText text, Notifier notifier) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.text = Objects.requireNonNull(text, "text");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
    }

    /** Shows the notification about these new leads, if there are any and notifications are on; returns it or null. */
    public Notification announce(Arrivals arrivals) {
        LiveSettings s = settings.get();
        if (arrivals == null || arrivals.isEmpty() || s == null || !s.notifications()) {
            return null;
        }
        Notification n = text.notification(news(arrivals, s.showNames()), s.showNames());
        LOG.info("Notification ({}): {} new leads in {} forms", notifier.kind(), arrivals.total(), arrivals.byForm().size());
        notifier.show(n);
        return n;
    }

    /** What the notification is about; the leads' names are read only when {@code withNames}. */
    public News news(Arrivals arrivals, boolean withNames) {
        Map<String, String> pageNames = new HashMap<>();
        for (StoredPage p : store.pages()) {
            pageNames.put(p.id(), p.name());
        }
        Map<String, StoredForm> forms = new HashMap<>();
        for (StoredForm f : store.forms(List.of())) {
            forms.put(f.id(), f);
        }
        List<News.FormNews> perForm = new ArrayList<>();
        arrivals.byForm().forEach((formId, count) -> {
            StoredForm f = forms.get(formId);
            String name = f == null ? formId : f.form().name();
            String page = f == null ? null : pageNames.get(f.pageId());
            perForm.add(new News.FormNews(formId, name, page, count));
        });
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long[] rowIds = arrivals.newestRowIds();
        for (LeadRow r : store.rows(rowIds, 0, rowIds.length)) {
            ids.add(r.id());
            if (withNames) {
                names.add(r.name());
            }
        }
        return new News(arrivals.total(), perForm, ids, names);
    }
}
