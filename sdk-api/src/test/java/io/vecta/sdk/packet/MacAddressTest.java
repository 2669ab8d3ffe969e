package io.vecta.sdk.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MacAddressTest {

    private static final long SEED = 0x3ac_add5L;

    @Test
    void shouldFormatLowerCaseColonSeparated() {
        assertThat(MacAddress.format(0x02fe12345678L)).isEqualTo("02:fe:12:34:56:78");
        assertThat(MacAddress.format(0)).isEqualTo("00:00:00:00:00:00");
        assertThat(MacAddress.format(Ethernet.BROADCAST)).isEqualTo("ff:ff:ff:ff:ff:ff");
    }

    @Test
    void shouldParseEitherCase() {
        assertThat(MacAddress.parse("02:fe:12:34:56:78")).isEqualTo(0x02fe12345678L);
        assertThat(MacAddress.parse("02:FE:9A:bc:De:F0")).isEqualTo(0x02fe9abcdef0L);
    }

    @Test
    void shouldRoundTripRandomAddressesThroughTextAndBytes() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2_000; i++) {
            long mac = random.nextLong() & 0xffff_ffff_ffffL;
            String text = MacAddress.format(mac);
            assertThat(MacAddress.parse(text)).as("seed %d: %s", SEED, text).isEqualTo(mac);
            assertThat(MacAddress.parse(text.toUpperCase())).as("seed %d: %s", SEED, text).isEqualTo(mac);
            assertThat(MacAddress.fromBytes(MacAddress.toBytes(mac))).as("seed %d: %s", SEED, text).isEqualTo(mac);
        }
        assertThat(MacAddress.toBytes(0x02fe12345678L)).containsExactly(0x02, 0xfe, 0x12, 0x34, 0x56, 0x78);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "02:fe:12:34:56      | 17 characters",
        "02:fe:12:34:56:78:9a | 17 characters",
        "02-fe-12-34-56-78   | ':' at position 2",
        "02:fe:1g:34:56:78   | two hex digits at position 6",
        "02:fe:12:34:56:+8   | two hex digits at position 15",
        "'０2:fe:12:34:56:78'  | two hex digits at position 0",
    })
    void shouldNameInputAndExpectationWhenParseFails(String text, String expected) {
        assertThatThrownBy(() -> MacAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid MAC address \"" + text + "\": expected " + expected)
                .hasMessageEndingWith("in the form 02:fe:12:34:56:78 (six two-digit hex bytes separated by ':')");
    }

    @Test
    void shouldRejectNullAndValuesAbove48Bits() {
        assertThatThrownBy(() -> MacAddress.parse(null)).hasMessageStartingWith("invalid MAC address null");
        assertThatThrownBy(() -> MacAddress.format(1L << 48)).hasMessageContaining("bits above the low 48");
        assertThatThrownBy(() -> MacAddress.fromBytes(new byte[7])).hasMessageContaining("6 bytes, got 7");
    }
}
