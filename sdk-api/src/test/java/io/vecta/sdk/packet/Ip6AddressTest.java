package io.vecta.sdk.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ip6AddressTest {

    private static final long SEED = 0x1b6_add5L;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // full form                                | RFC 5952 text
        "2001:0db8:0000:0000:0000:0000:0000:0001    | 2001:db8::1",
        "0000:0000:0000:0000:0000:0000:0000:0000    | ::",
        "0000:0000:0000:0000:0000:0000:0000:0001    | ::1",
        "0001:0000:0000:0000:0000:0000:0000:0000    | 1::",
        "2001:0db8:0000:0001:0001:0001:0001:0001    | 2001:db8:0:1:1:1:1:1",
        "2001:0db8:0000:0000:0001:0000:0000:0001    | 2001:db8::1:0:0:1",
        "2001:0000:0000:0001:0000:0000:0000:0001    | 2001:0:0:1::1",
        "2001:0db8:0000:0000:0001:0000:0000:0000    | 2001:db8:0:0:1::",
        "2001:0DB8:AAAA:BBBB:CCCC:DDDD:EEEE:FFFF    | 2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff",
        "fe80:0000:0000:0000:00fe:12ff:fe34:5678    | fe80::fe:12ff:fe34:5678",
        "ff02:0000:0000:0000:0000:0001:ff00:0002    | ff02::1:ff00:2",
        "0000:0000:0000:0000:0000:ffff:c000:0201    | ::ffff:192.0.2.1",
        "0000:0000:0000:0000:0000:0000:c000:0201    | ::c000:201",
        "0064:ff9b:0000:0000:0000:0000:c000:0221    | 64:ff9b::c000:221",
    })
    void shouldFormatCanonicallyAndParseBothForms(String full, String canonical) {
        byte[] bytes = Ip6Address.parse(full);
        assertThat(Ip6Address.format(bytes)).isEqualTo(canonical);
        assertThat(Ip6Address.parse(canonical)).isEqualTo(bytes);
        assertThat(Ip6Address.format(Ip6Address.hi(bytes), Ip6Address.lo(bytes))).isEqualTo(canonical);
    }

    @Test
    void shouldParseEmbeddedIp4AndUpperCase() {
        assertThat(Ip6Address.parse("::ffff:192.0.2.1")).isEqualTo(Ip6Address.toBytes(0, 0x0000ffffc0000201L));
        assertThat(Ip6Address.parse("64:ff9b::192.0.2.33")).isEqualTo(Ip6Address.parse("64:ff9b::c000:221"));
        assertThat(Ip6Address.parse("1:2:3:4:5:6:1.2.3.4")).isEqualTo(Ip6Address.parse("1:2:3:4:5:6:102:304"));
        assertThat(Ip6Address.parse("2001:DB8::A")).isEqualTo(Ip6Address.parse("2001:db8::a"));
        assertThat(Ip6Address.parse("1:2:3:4:5:6:7::")).isEqualTo(Ip6Address.parse("1:2:3:4:5:6:7:0"));
        assertThat(Ip6Address.parse("::2:3:4:5:6:7:8")).isEqualTo(Ip6Address.parse("0:2:3:4:5:6:7:8"));
    }

    @Test
    void shouldRoundTripRandomAddressesAgainstTheJdk() throws Exception {
        Random random = new Random(SEED);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            for (int group = 0; group < 8; group++) {
                if (random.nextInt(3) == 0) { // zero runs of every length and place
                    bytes[2 * group] = 0;
                    bytes[2 * group + 1] = 0;
                }
            }
            String canonical = Ip6Address.format(bytes);
            String jdk = Inet6Address.getByAddress(null, bytes, -1).getHostAddress(); // uncompressed groups
            assertThat(Ip6Address.parse(canonical)).as("seed %d: %s", SEED, canonical).isEqualTo(bytes);
            assertThat(Ip6Address.parse(jdk)).as("seed %d: %s", SEED, jdk).isEqualTo(bytes);
            assertThat(canonical).as("seed %d: %s", SEED, jdk).doesNotContain(":::").doesNotContainPattern("[A-F]")
                    .doesNotContainPattern("(^|:)0[0-9a-f]");
            assertThat(Ip6Address.toBytes(Ip6Address.hi(bytes), Ip6Address.lo(bytes))).isEqualTo(bytes);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2001:db8::1::2        | '::' at most once",
        "2001:db8:1            | 8 groups of 16 bits (or '::' for a run of zero groups), found 3",
        "1:2:3:4:5:6:7:8:9     | at most 8 groups of 16 bits",
        "1:2:3:4:5:6:7::8      | at most 7 groups beside '::', which stands for one or more zero groups, found 8",
        "12345::               | a group of 1 to 4 hex digits at position 0, found \"12345\"",
        "2001:db8::g           | a group of 1 to 4 hex digits at position 10, found \"g\"",
        ":1::                  | a group of 1 to 4 hex digits at position 0, found an empty group",
        "1::2:                 | a group of 1 to 4 hex digits at position 5, found an empty group",
        "fe80::1%eth0          | no zone index ('%' and what follows) in an address",
        "[::1]                 | no brackets around the address",
        "1.2.3.4::             | a group of 1 to 4 hex digits at position 0, found \"1.2.3.4\"",
        "1:2:3:4:5:6:7:1.2.3.4 | room for the two groups of the dotted IPv4 tail",
        "''                    | an address, got an empty string",
    })
    void shouldNameInputAndExpectationWhenParseFails(String text, String expected) {
        assertThatThrownBy(() -> Ip6Address.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid IPv6 address \"" + text + "\": expected " + expected + " (like 2001:db8::1)");
    }

    @Test
    void shouldNameWholeInputWhenEmbeddedIp4IsBad() {
        assertThatThrownBy(() -> Ip6Address.parse("::ffff:192.0.2.300"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid IPv6 address (dotted IPv4 tail) \"::ffff:192.0.2.300\": expected byte 4 in 0..255,"
                        + " got 300 (a dotted quad of decimal bytes like 192.0.2.1)");
        assertThatThrownBy(() -> Ip6Address.parse(null)).hasMessageStartingWith("invalid IPv6 address null");
        assertThatThrownBy(() -> Ip6Address.hi(new byte[4])).hasMessageContaining("16 bytes, got 4");
    }
}
