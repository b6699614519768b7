package io.leaddesk.ui.export;

import io.leaddesk.export.ExportFormat;
import io.leaddesk.export.ExportOptions;
import io.leaddesk.export.PhoneNormalizer;
import io.leaddesk.ui.Messages;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * How the file is written: CSV (for CRM imports) or an Excel workbook (.xlsx, for spreadsheets: ids and phones stay
 * text, dates are dates), encoding (and byte order mark) and column separator (CSV only), formula guard, phone numbers
 * as E.164 with a default region, times in local time. Tells its owner on every change ({@link #setOnChanged}).
 */
public final class ExportFormatViewModel {

    /** File encodings offered. */
    public enum Encoding {
        UTF8(StandardCharsets.UTF_8, false),
        /** UTF-8 with a byte order mark: Excel then reads the file as UTF-8. */
        UTF8_EXCEL(StandardCharsets.UTF_8, true),
        WINDOWS_1251(Charset.forName("windows-1251"), false);

        private final Charset charset;
        private final boolean bom;

        Encoding(Charset charset, boolean bom) {
            this.charset = charset;
            this.bom = bom;
        }

        public Charset charset() {
            return charset;
        }

        public boolean bom() {
            return bom;
        }
    }

    /** Column separators offered. */
    public enum Separator {
        COMMA(','), SEMICOLON(';'), TAB('\t');

        private final char c;

        Separator(char c) {
            this.c = c;
        }

        public char character() {
            return c;
        }
    }

    private final Messages m;
    private final ObjectProperty<ExportFormat> fileFormat = new SimpleObjectProperty<>(this, "fileFormat", ExportFormat.CSV);
    private final ObjectProperty<Encoding> encoding = new SimpleObjectProperty<>(this, "encoding", Encoding.UTF8_EXCEL);
    private final ObjectProperty<Separator> separator = new SimpleObjectProperty<>(this, "separator", Separator.COMMA);
    private final BooleanProperty formulaGuard = new SimpleBooleanProperty(this, "formulaGuard", true);
    private final BooleanProperty e164 = new SimpleBooleanProperty(this, "e164");
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final BooleanProperty localTime = new SimpleBooleanProperty(this, "localTime");
    private Runnable onChanged = () -> { };

    ExportFormatViewModel(Messages messages, String defaultRegion) {
        this.m = messages;
        region.set(defaultRegion == null ? "" : defaultRegion);
        for (Observable o : new Observable[] {fileFormat, encoding, separator, formulaGuard, e164, region, localTime}) {
            o.addListener(x -> onChanged.run());
        }
    }

    void setOnChanged(Runnable r) {
        this.onChanged = r;
    }

    /** Why this format cannot be written ("" when it can): an unknown default region for E.164. */
    String problem() {
        if (e164.get() && !region.get().isBlank()) {
            try {
                new PhoneNormalizer(region.get());
            } catch (IllegalArgumentException e) {
                return m.get("export.problem.region");
            }
        }
        return "";
    }

    /**
     * {@code o} written in this format; times in {@code zone} when local time is ticked; the region only when
     * {@code regionUsable} (no problem with the choices).
     */
    ExportOptions applyTo(ExportOptions o, ZoneId zone, boolean regionUsable) {
        Encoding enc = encoding.get() == null ? Encoding.UTF8 : encoding.get();
        Separator sep = separator.get() == null ? Separator.COMMA : separator.get();
        return o.withFormat(fileFormat.get() == null ? ExportFormat.CSV : fileFormat.get())
                .withCharset(enc.charset())
                .withBom(enc.bom())
                .withDelimiter(sep.character())
                .withFormulaGuard(formulaGuard.get())
                .withTimeZone(localTime.get() ? zone : null)
                .withE164(e164.get(), e164.get() && regionUsable ? region.get() : null);
    }

    /** CSV (the default) or XLSX; encoding and separator apply to CSV only. */
    public ObjectProperty<ExportFormat> fileFormatProperty() {
        return fileFormat;
    }

    public ObjectProperty<Encoding> encodingProperty() {
        return encoding;
    }

    public ObjectProperty<Separator> separatorProperty() {
        return separator;
    }

    public BooleanProperty formulaGuardProperty() {
        return formulaGuard;
    }

    public BooleanProperty e164Property() {
        return e164;
    }

    /** Default region for phone numbers without a country code (from the settings; may be changed for this export). */
    public StringProperty regionProperty() {
        return region;
    }

    public BooleanProperty localTimeProperty() {
        return localTime;
    }
}
