package io.vecta.sdk.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpPrefixTest {

    @Test
    void shouldParseAndFormatIp4PrefixesKeepingHostBits() {
        Ip4Prefix prefix = Ip4Prefix.parse("192.0.2.77/24");

        assertThat(prefix.address()).isEqualTo(0xc000024d);
        assertThat(prefix.length()).isEqualTo(24);
        assertThat(prefix.mask()).isEqualTo(0xffffff00);
        assertThat(prefix.network()).isEqualTo(0xc0000200);
        assertThat(prefix).hasToString("192.0.2.77/24");
        assertThat(prefix.contains(Ip4Address.parse("192.0.2.1"))).isTrue();
        assertThat(prefix.contains(Ip4Address.parse("192.0.3.1"))).isFalse();
        assertThat(Ip4Prefix.parse("0.0.0.0/0").mask()).isZero();
        assertThat(Ip4Prefix.parse("10.1.2.3/32").network()).isEqualTo(0x0a010203);
    }

    @Test
    void shouldRefuseBadIp4PrefixesNamingTheText() {
        assertThatThrownBy(() -> Ip4Prefix.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid IPv4 prefix \"10.0.0.0/33\": expected a length 0..32 after '/'"
                        + " (like 192.0.2.0/24)");
        assertThatThrownBy(() -> Ip4Prefix.parse("10.0.0.0")).hasMessage("invalid IPv4 prefix \"10.0.0.0\":"
                + " expected an address, '/' and a length (like 192.0.2.0/24)");
        assertThatThrownBy(() -> Ip4Prefix.parse("10.0.0.0/")).hasMessageContaining("expected a length 0..32");
        assertThatThrownBy(() -> Ip4Prefix.parse("10.0.0.0/2x")).hasMessageContaining("expected a length 0..32");
        assertThatThrownBy(() -> Ip4Prefix.parse("10.0.0/8")).hasMessageContaining("invalid IPv4 address \"10.0.0\"");
        assertThatThrownBy(() -> new Ip4Prefix(0, -1)).hasMessage("IPv4 prefix length -1 is outside 0..32");
    }

    @Test
    void shouldParseAndFormatIp6PrefixesAndClearHostBitsOfEitherHalf() {
        Ip6Prefix prefix = Ip6Prefix.parse("2001:DB8::1/32");

        assertThat(prefix).hasToString("2001:db8::1/32");
        assertThat(prefix.networkHi()).isEqualTo(0x20010db800000000L);
        assertThat(prefix.networkLo()).isZero();
        Ip6Prefix wide = Ip6Prefix.parse("2001:db8:1:2:3:4:5:6/80");
        assertThat(Ip6Address.format(wide.networkHi(), wide.networkLo())).isEqualTo("2001:db8:1:2:3::");
        assertThat(Ip6Address.format(Ip6Prefix.parse("::1/128").addressBytes())).isEqualTo("::1");
        Ip6Prefix all = Ip6Prefix.parse("ffff::1/0");
        assertThat(all.networkHi()).isZero();
        assertThat(all.networkLo()).isZero();
    }

    @Test
    void shouldRefuseBadIp6Prefixes() {
        assertThatThrownBy(() -> Ip6Prefix.parse("::/129")).hasMessage("invalid IPv6 prefix \"::/129\": expected a"
                + " length 0..128 after '/' (like 2001:db8::/32)");
        assertThatThrownBy(() -> Ip6Prefix.parse("::1")).hasMessageContaining("expected an address, '/' and a length");
        assertThatThrownBy(() -> new Ip6Prefix(0, 0, 129)).hasMessage("IPv6 prefix length 129 is outside 0..128");
    }
}
