package io.leaddesk.access;

import io.leaddesk.i18n.Bundles;
import io.leaddesk.i18n.MessageText;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.TimeZone;

/**
 * The English text of a message key, from the app's own bundle ({@code i18n/messages.properties}), so that the
 * command line's sentences and the app's English are one text. Dates read in UTC.
 */
final class English {
    private static final ResourceBundle ROOT = Bundles.english();
    private static final MessageText TEXT = new MessageText(Locale.ENGLISH, TimeZone.getTimeZone("UTC"));

    private English() {
    }

    static boolean has(String key) {
        return ROOT.containsKey(key);
    }

    static String text(String key, List<Object> args) {
        return TEXT.format(ROOT.getString(key), args.toArray());
    }
}
