package io.leaddesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 15: the sample server's options to refuse large pages and combined filters, and to share leads out. */
class SampleServerOptionsTest {

    @Test
    void helpListsTheRefusalsAndTheFormWeights() {
        CliRunner.Result help = CliRunner.run(Map.of(), "sample-server", "--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--refuse-pages-above").contains("reduce the amount of data")
                .contains("--refuse-combined-filters").contains("filtering").contains("--form-weights");
    }

    @Test
    void badValuesAreOneSentenceAndExit2() {
        CliRunner.Result negative = CliRunner.run(Map.of(), "sample-server", "--refuse-pages-above", "-5");
        assertThat(negative.code()).isEqualTo(ExitCode.USAGE);
        assertThat(negative.errLines()).hasSize(1);
        assertThat(negative.err()).contains("--refuse-pages-above");

        CliRunner.Result weights = CliRunner.run(Map.of(), "sample-server", "--form-weights", "1,2,3");
        assertThat(weights.code()).isEqualTo(ExitCode.USAGE);
        assertThat(weights.errLines()).hasSize(1);
        assertThat(weights.err()).contains("12 forms").contains("sample-server --help");

        CliRunner.Result words = CliRunner.run(Map.of(), "sample-server", "--form-weights", "lots");
        assertThat(words.code()).isEqualTo(ExitCode.USAGE);
        assertThat(words.err()).contains("form weights");
    }
}
