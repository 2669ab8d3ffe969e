package io.vecta.runtime.ip4;

import static org.assertj.core.api.Assertions.assertThat;

import io.vecta.sdk.packet.Checksum;
import org.junit.jupiter.api.Test;

class Ip4RewriteChecksumTest {

    @Test
    void shouldPatchTheChecksumAsTheGeneralIncrementalUpdateDoesForEveryChecksumValue() {
        int[] ttls = {2, 3, 64, 128, 255};
        int[] protocols = {0, 1, 6, 17, 255};
        for (int checksum = 0; checksum <= 0xffff; checksum++) {
            for (int ttl : ttls) {
                for (int protocol : protocols) {
                    int expected = Checksum.update16(checksum, ttl << 8 | protocol, (ttl - 1) << 8 | protocol);
                    assertThat(Ip4Rewrite.checksumAfterTtlDecrement(checksum))
                            .as("checksum 0x%04x, ttl %d, protocol %d", checksum, ttl, protocol)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void shouldWriteZeroRatherThanAllOnesAsAFreshChecksumWould() {
        assertThat(Ip4Rewrite.checksumAfterTtlDecrement(0xfeff)).isZero();
        assertThat(Ip4Rewrite.checksumAfterTtlDecrement(0xff00)).isEqualTo(0x0001);
        assertThat(Ip4Rewrite.checksumAfterTtlDecrement(0x1234)).isEqualTo(0x1334);
    }
}
