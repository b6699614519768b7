package io.leaddesk.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "=HYPERLINK(\"http://evil\",\"x\")", "@SUM(A1:A2)", "\t=1", "\r=1", "\n=1",
            "+cmd|' /C calc'!A0", "+1+1", "-2+3", "-SUM(A1)", "-1*2", "+", "-", "- item", "+ ", "-1/2", "+1e5", "-0x10"})
    void dangerousPrefixesGetAnApostrophe(String value) {
        assertThat(FormulaGuard.neutralise(value)).isEqualTo("'" + value);
        assertThat(FormulaGuard.isDangerous(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+380501234567", "+380 50 123 45 67", "+380 (50) 123-45-67", "+1.555.123.4567", "-12.5", "-3,75",
            "-1 000", "-7", "12", "Олена", "a=b", "x@y.z", " =1", "'quoted", "😀"})
    void phonesNumbersAndTextStayUntouched(String value) {
        assertThat(FormulaGuard.neutralise(value)).isEqualTo(value);
        assertThat(FormulaGuard.isDangerous(value)).isFalse();
    }

    @Test
    void emptyAndNullStayAsTheyAre() {
        assertThat(FormulaGuard.neutralise("")).isEmpty();
        assertThat(FormulaGuard.neutralise(null)).isNull();
    }
}
