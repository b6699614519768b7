package io.leaddesk.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible text of the app, from {@code i18n/messages*.properties}. ViewModels get it through their
 * constructor; FXML uses the same bundle with {@code %key}. Call sites use {@code get("key")} / {@code format("key", ...)}
 * with literal keys so the i18n test can check that every key exists.
 */
public final class Messages {
    public static final String BUNDLE = "i18n.messages";
    private final ResourceBundle bundle;
    private final Locale locale;

    public Messages(ResourceBundle bundle) {
        this.bundle = bundle;
        this.locale = bundle.getLocale() == null || bundle.getLocale().getLanguage().isEmpty() ? Locale.getDefault() : bundle.getLocale();
    }

    public static Messages load(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale));
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    public Locale locale() {
        return locale;
    }

    /** The display name of a review status (keys review.new, review.contacted, review.qualified, review.not_interested, review.spam). */
    public String status(io.leaddesk.store.ReviewStatus s) {
        return get("review." + s.wireName());
    }

    public String get(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    public String format(String key, Object... args) {
        MessageFormat f = new MessageFormat(get(key), locale);
        return f.format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
