package io.vecta.runtime.show;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The field formats every show command shares, checked against what VPP prints. */
class ShowColumnsTest {

    @Test
    void shouldCentreWithTheOddSpaceOnTheLeftAndCutTextToItsField() {
        assertThat(Columns.center("Name", 30)).isEqualTo(" ".repeat(13) + "Name" + " ".repeat(13));
        assertThat(Columns.center("State", 12)).isEqualTo("    State   ");
        assertThat(Columns.center("\"not started\"", 12)).isEqualTo("\"not started");
        assertThat(Columns.left("ip4-full-reassembly-expire-walk", 30)).isEqualTo("ip4-full-reassembly-expire-wal");
        assertThat(Columns.right("ab", 4)).isEqualTo("  ab");
    }

    @Test
    void shouldPrintNumbersWholeEvenWhenWiderThanTheirField() {
        assertThat(Columns.right(123456, 4)).isEqualTo("123456");
        assertThat(Columns.right(42, 6)).isEqualTo("    42");
        assertThat(Columns.center(7, 4)).isEqualTo("  7 ");
    }

    @Test
    void shouldWriteFixedPointAsVppinfraWithoutALeadingZero() {
        assertThat(Columns.fixed(0, 2)).isEqualTo("0.00");
        assertThat(Columns.fixed(0.5, 2)).isEqualTo(".50");
        assertThat(Columns.fixed(0.001, 2)).isEqualTo("0.00");
        assertThat(Columns.fixed(0.000134, 6)).isEqualTo(".000134");
        assertThat(Columns.fixed(277890.3249, 2)).isEqualTo("277890.32");
        assertThat(Columns.fixed(-0.25, 2)).isEqualTo("-.25");
        assertThat(Columns.fixed(4.5, 1)).isEqualTo("4.5");
    }

    @Test
    void shouldWriteExponentsWithoutSignOrPadding() {
        assertThat(Columns.scientific(0, 4)).isEqualTo("0.0000e0");
        assertThat(Columns.scientific(0.22319, 4)).isEqualTo("2.2319e-1");
        assertThat(Columns.scientific(18_500_000, 2)).isEqualTo("1.85e7");
        assertThat(Columns.scientific(9.999, 2)).isEqualTo("1.00e1");
        assertThat(Columns.scientific(5350, 2)).isEqualTo("5.35e3");
        assertThat(Columns.scientific(-31, 2)).isEqualTo("-3.10e1");
    }

    @Test
    void shouldWriteMemorySizesInVppinfrasUnits() {
        assertThat(Columns.memorySize(0)).isEqualTo("0");
        assertThat(Columns.memorySize(1000)).isEqualTo("1000");
        assertThat(Columns.memorySize(4096)).isEqualTo("4k");
        assertThat(Columns.memorySize(1L << 30)).isEqualTo("1g");
        assertThat(Columns.memorySize(91_027_456)).isEqualTo("86.81m");
        assertThat(Columns.memorySize(1536)).isEqualTo("1.50k");
    }
}
