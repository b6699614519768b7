package io.leaddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.leaddesk.store.AppSettings;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The light and dark themes ship inside our own classes, so every way of starting the app finds them. */
class ThemeTest {
    @Test
    void lightAndDarkStylesheetsAreBundled() throws Exception {
        for (AppSettings s : new AppSettings[] {AppSettings.defaults().withTheme(AppSettings.LIGHT), AppSettings.defaults().withTheme(AppSettings.DARK)}) {
            var url = MainWindow.themeUrl(s);
            assertThat(url).as(s.theme()).isNotNull();
            try (InputStream in = url.openStream()) {
                String css = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(css).contains("-color-fg-default").contains("-color-danger-fg");
            }
        }
    }
}
