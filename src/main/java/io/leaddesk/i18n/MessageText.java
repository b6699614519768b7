package io.leaddesk.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.TimeZone;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a message pattern with ICU's MessageFormat: CLDR plural rules ({@code {0, plural, one {# lead} few {# ліди}
 * many {# лідів} other {# ліда}}}), numbers and dates in the locale's own formats. One instance per locale; safe to
 * use from any thread (a compiled pattern is used by one thread at a time).
 */
public final class MessageText {
    private final Locale locale;
    private final TimeZone zone;
    private final Map<String, MessageFormat> compiled = new ConcurrentHashMap<>();

    /** @param zone the time zone dates and times are shown in */
    public MessageText(Locale locale, java.util.TimeZone zone) {
        this.locale = locale;
        this.zone = TimeZone.getTimeZone(zone.getID());
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The pattern with its arguments. Numbers (int, long, double...) are formatted for the locale and choose the plural
     * form; {@link java.util.Date} arguments are dates. A pattern that cannot be parsed throws IllegalArgumentException
     * (the bundle tests parse every pattern of every bundle).
     */
    public String format(String pattern, Object... args) {
        MessageFormat f = compiled.computeIfAbsent(pattern, this::compile);
        synchronized (f) {
            return f.format(args == null ? new Object[0] : args);
        }
    }

    private MessageFormat compile(String pattern) {
        MessageFormat f = new MessageFormat(pattern, locale);
        for (java.text.Format sub : f.getFormats()) {
            if (sub instanceof com.ibm.icu.text.DateFormat d) {
                d.setTimeZone(zone);
            }
        }
        return f;
    }
}
