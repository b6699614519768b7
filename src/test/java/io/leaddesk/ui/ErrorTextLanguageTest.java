package io.leaddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.export.ExportException;
import io.leaddesk.model.FailureKind;
import io.leaddesk.store.StoreException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Failures raised below the UI reach it as key and arguments and are told in the app's language. */
class ErrorTextLanguageTest {
    private final ErrorText uk = new ErrorText(Messages.load(Locale.forLanguageTag("uk")));
    private final ErrorText en = new ErrorText(Messages.load(Locale.ENGLISH));

    @Test
    void aStoreFailureWithAKeyIsToldInTheAppsLanguage() {
        StoreException e = new StoreException("This database was written by a newer version of LeadDesk (schema 9); ...",
                null, "store.newer", 9);
        assertThat(uk.describe(e)).isEqualTo("Цей кеш лідів створено новішою версією LeadDesk (схема 9). "
                + "Установіть новішу версію LeadDesk або виберіть іншу папку даних.");
    }

    @Test
    void anExportFailureWithAKeyIsToldInTheAppsLanguage() {
        ExportException e = new ExportException(FailureKind.STORAGE, "Permission denied: ...", null, "export.error.denied",
                List.of("/srv/exports"));
        assertThat(uk.describe(e)).startsWith("LeadDesk не має права записувати в папку /srv/exports");
    }

    @Test
    void aSentenceThatOnlyExistsInEnglishIsNotShownInAnotherLanguage() {
        StoreException e = new StoreException("The lead cache at /x is closed.");
        assertThat(en.describe(e)).isEqualTo("The lead cache at /x is closed.");
        assertThat(uk.describe(e)).isEqualTo(Messages.load(Locale.forLanguageTag("uk")).get("error.storage"));
    }
}
