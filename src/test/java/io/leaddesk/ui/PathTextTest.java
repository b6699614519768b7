package io.leaddesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Folders as a user reads them: the home folder as "~" on Linux and macOS, the whole path on Windows. */
class PathTextTest {
    private final Path home = Path.of("/home/olena");

    @Test
    void onLinuxAndMacTheHomeFolderIsWrittenAsATilde() {
        for (String os : new String[] {"Linux", "Mac OS X"}) {
            PathText p = PathText.of(os, home);
            assertThat(p.show(home.resolve("Documents/leads-2026-12-01.csv"))).isEqualTo("~/Documents/leads-2026-12-01.csv");
            assertThat(p.show(home)).isEqualTo("~");
            assertThat(p.show("/home/olena/Documents/x.csv")).isEqualTo("~/Documents/x.csv");
            assertThat(p.show(Path.of("/home/olenaX/a.csv"))).as("another folder that starts alike").isEqualTo("/home/olenaX/a.csv");
            assertThat(p.show(Path.of("/tmp/a.csv"))).isEqualTo("/tmp/a.csv");
        }
    }

    @Test
    void whatTheUserTypesWithATildeIsInTheHomeFolder() {
        PathText p = PathText.of("Linux", home);
        assertThat(p.read("~/Documents/x.csv")).isEqualTo(Path.of("/home/olena/Documents/x.csv"));
        assertThat(p.read(" ~ ")).isEqualTo(home);
        assertThat(p.read("/srv/x.csv")).isEqualTo(Path.of("/srv/x.csv"));
        assertThat(p.read("~olga/x.csv")).as("another user's ~ is not ours").isEqualTo(Path.of("~olga/x.csv"));
    }

    @Test
    void windowsKeepsTheWholePath() {
        PathText p = PathText.of("Windows 11", home);
        assertThat(p.show(home.resolve("Documents/x.csv"))).isEqualTo(home.resolve("Documents/x.csv").toString());
        assertThat(p.read("~/x.csv")).isEqualTo(Path.of("~/x.csv"));
    }
}
