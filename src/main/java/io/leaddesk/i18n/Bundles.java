package io.leaddesk.i18n;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The app's text bundles, {@code i18n/messages*.properties} (UTF-8). A language's bundle falls back to the English
 * root bundle for a key it lacks, never to the bundle of the OS language: choosing English on a Turkish computer
 * shows English.
 */
public final class Bundles {
    public static final String NAME = "i18n.messages";
    private static final ResourceBundle.Control NO_OS_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundles() {
    }

    /** The bundle of {@code locale} (the pseudo-locale: the English text pseudo-localised). */
    public static ResourceBundle load(Locale locale) {
        if (Language.PSEUDO.equals(locale)) {
            return PseudoText.wrap(english());
        }
        return ResourceBundle.getBundle(NAME, locale, Bundles.class.getClassLoader(), NO_OS_FALLBACK);
    }

    /** The English text (the root bundle, {@code messages.properties}). */
    public static ResourceBundle english() {
        return ResourceBundle.getBundle(NAME, Locale.ROOT, Bundles.class.getClassLoader(), NO_OS_FALLBACK);
    }
}
