package io.vecta.sdk.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ip4AddressTest {

    private static final long SEED = 0x1b4_add5L;

    @Test
    void shouldFormatAndParseDottedQuad() {
        assertThat(Ip4Address.format(0xc0000201)).isEqualTo("192.0.2.1");
        assertThat(Ip4Address.format(0)).isEqualTo("0.0.0.0");
        assertThat(Ip4Address.format(-1)).isEqualTo("255.255.255.255");
        assertThat(Ip4Address.parse("192.0.2.1")).isEqualTo(0xc0000201);
        assertThat(Ip4Address.parse("255.255.255.255")).isEqualTo(-1);
        assertThat(Ip4Address.parse("10.0.0.0")).isEqualTo(0x0a000000);
    }

    @Test
    void shouldRoundTripRandomAddressesAgainstTheJdk() throws Exception {
        Random random = new Random(SEED);
        for (int i = 0; i < 2_000; i++) {
            int address = random.nextInt();
            byte[] bytes = Ip4Address.toBytes(address);
            String jdk = InetAddress.getByAddress(bytes).getHostAddress();
            assertThat(Ip4Address.format(address)).as("seed %d", SEED).isEqualTo(jdk);
            assertThat(Ip4Address.parse(jdk)).as("seed %d: %s", SEED, jdk).isEqualTo(address);
            assertThat(Ip4Address.fromBytes(bytes)).as("seed %d: %s", SEED, jdk).isEqualTo(address);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.0.2        | four bytes, found only 3",
        "192.0.2.       | 1 to 3 decimal digits for byte 4",
        "192..2.1       | 1 to 3 decimal digits for byte 2",
        "192.0.2.256    | byte 4 in 0..255, got 256",
        "192.0.2.01     | byte 4 without leading zeros",
        "192.0.2.1.5    | exactly four bytes, found more text after the fourth",
        "192.0.2.1000   | 1 to 3 decimal digits for byte 4",
        "192,0.2.1      | '.' after byte 1, found ','",
        "'-1.0.0.0'     | 1 to 3 decimal digits for byte 1",
        "'192.0.2.1 '   | exactly four bytes, found more text after the fourth",
        "''             | four bytes, got an empty string",
    })
    void shouldNameInputAndExpectationWhenParseFails(String text, String expected) {
        assertThatThrownBy(() -> Ip4Address.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid IPv4 address \"" + text + "\": expected " + expected
                        + " (a dotted quad of decimal bytes like 192.0.2.1)");
    }

    @Test
    void shouldRejectNullAndWrongByteCount() {
        assertThatThrownBy(() -> Ip4Address.parse(null)).hasMessageStartingWith("invalid IPv4 address null");
        assertThatThrownBy(() -> Ip4Address.fromBytes(new byte[16])).hasMessageContaining("4 bytes, got 16");
    }
}
