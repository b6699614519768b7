package io.leaddesk.ui;

import io.leaddesk.i18n.Bundles;
import io.leaddesk.i18n.MessageText;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.TimeZone;

/**
 * The user-visible text of the app in its language, from {@code i18n/messages*.properties}. ViewModels get it through
 * their constructor; FXML uses the same bundle with {@code %key}. Call sites use {@code get("key")} /
 * {@code format("key", ...)} with literal keys so the bundle tests can check that every key exists.
 * {@link #format} reads ICU message patterns: plurals by the language's rules
 * ({@code {0, plural, one {# lead} other {# leads}}}), numbers and dates in the language's formats.
 */
public final class Messages {
    public static final String BUNDLE = Bundles.NAME;
    private final ResourceBundle bundle;
    private final Locale locale;
    private final MessageText text;

    public Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
        this.text = new MessageText(locale, TimeZone.getDefault());
    }

    public Messages(ResourceBundle bundle) {
        this(bundle, bundle.getLocale() == null || bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale());
    }

    /** The text in {@code locale}'s language (English for a language without a bundle). */
    public static Messages load(Locale locale) {
        return new Messages(Bundles.load(locale), locale);
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
        return text.format(get(key), args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
