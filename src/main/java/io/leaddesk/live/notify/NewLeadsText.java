package io.leaddesk.live.notify;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The text of a notification about new leads, from the {@code live.notify.*} patterns of the app's message bundle
 * (English plurals through MessageFormat's {@code choice}): title "7 new leads", body
 * "Форма Pasha-new-nemec_04,01 (eCademy) and 2 other forms", on one line
 * "7 new leads: Форма Pasha-new-nemec_04,01 (eCademy) and 2 other forms". Counts and form (and Page) names only,
 * unless names are asked for: then a second line with the newest leads' names. The app may give its own subclass or
 * bundle (other languages, real plural rules).
 */
public class NewLeadsText {
    /** How many names a notification lists when names are on. */
    static final int NAMES = 3;

    private final ResourceBundle bundle;
    private final Locale locale;

    public NewLeadsText(ResourceBundle bundle) {
        this.bundle = bundle;
        this.locale = bundle.getLocale() == null || bundle.getLocale().getLanguage().isEmpty()
                ? Locale.ENGLISH : bundle.getLocale();
    }

    /** The English patterns of {@code i18n/messages.properties}. */
    public static NewLeadsText english() {
        return new NewLeadsText(ResourceBundle.getBundle("i18n.messages", Locale.ROOT));
    }

    /** The notification for {@code news}; names of leads only when {@code showNames}. */
    public Notification notification(News news, boolean showNames) {
        String title = format("live.notify.title", news.total());
        StringBuilder body = new StringBuilder(where(news));
        if (showNames) {
            String names = names(news);
            if (!names.isEmpty()) {
                body.append('\n').append(names);
            }
        }
        return new Notification(title, body.toString(), news.leadIds(),
                news.forms().stream().map(News.FormNews::formId).toList());
    }

    /** "Form (Page)" of the form with most new leads, and "and N other forms" for the rest. */
    protected String where(News news) {
        if (news.forms().isEmpty()) {
            return "";
        }
        News.FormNews first = news.forms().get(0);
        String name = first.formName() == null || first.formName().isBlank() ? first.formId() : first.formName();
        String form = first.pageName() == null || first.pageName().isBlank()
                ? name : format("live.notify.form", name, first.pageName());
        int others = news.forms().size() - 1;
        return others == 0 ? form : format("live.notify.forms", form, others);
    }

    /**
     * "Olena Kovalenko, Ivan Petrenko, Maria S. and 4 more": the newest leads that have a name, and how many other
     * new leads there are; empty when none has a name.
     */
    protected String names(News news) {
        List<String> named = new ArrayList<>();
        for (String n : news.names()) {
            if (n != null && !n.isBlank()) {
                named.add(n.strip());
            }
        }
        if (named.isEmpty()) {
            return "";
        }
        int count = Math.min(NAMES, named.size());
        String shown = String.join(", ", named.subList(0, count));
        long more = Math.max(0, news.total() - count);
        return more == 0 ? shown : format("live.notify.names.more", shown, more);
    }

    /** The label of the click action ("Show leads"). */
    public String actionLabel() {
        return format("live.notify.action");
    }

    protected String format(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }
}
