package io.leaddesk.access;

import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;

/**
 * The English text of a message key, from the app's own bundle ({@code i18n/messages.properties}), so that the
 * command line's sentences and the app's English are one text. Dates read in UTC.
 */
final class English {
    private static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle ROOT = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
            English.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private English() {
    }

    static boolean has(String key) {
        return ROOT.containsKey(key);
    }

    static String text(String key, List<Object> args) {
        MessageFormat f = new MessageFormat(ROOT.getString(key), Locale.ENGLISH);
        for (Format sub : f.getFormats()) {
            if (sub instanceof DateFormat d) {
                d.setTimeZone(TimeZone.getTimeZone("UTC"));
            }
        }
        return f.format(args.toArray());
    }
}
