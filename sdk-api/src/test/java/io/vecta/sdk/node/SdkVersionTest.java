package io.vecta.sdk.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdkVersionTest {

    private final SdkVersion runtime = new SdkVersion(1, 4, 2);

    @Test
    void shouldAcceptSameMajorWithOlderOrEqualMinorWhateverThePatch() {
        assertThat(runtime.accepts(new SdkVersion(1, 0, 9))).isTrue();
        assertThat(runtime.accepts(new SdkVersion(1, 4, 7))).isTrue();
    }

    @Test
    void shouldRefuseNewerMinorNamingBothVersions() {
        assertThatThrownBy(() -> runtime.checkCompatible("acme-acl", new SdkVersion(1, 5, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("plugin 'acme-acl'")
                .hasMessageContaining("1.5.0")
                .hasMessageContaining("1.4.2")
                .hasMessageContaining("newer minor");
    }

    @Test
    void shouldRefuseOtherMajor() {
        assertThat(runtime.accepts(new SdkVersion(0, 4, 2))).isFalse();
        assertThatThrownBy(() -> runtime.checkCompatible("p", new SdkVersion(2, 0, 0)))
                .hasMessageContaining("major versions differ");
    }

    @Test
    void shouldParseAndPrintRoundTrip() {
        assertThat(SdkVersion.parse("3.12.0")).isEqualTo(new SdkVersion(3, 12, 0));
        assertThat(SdkVersion.parse("3.12.0")).hasToString("3.12.0");
        assertThat(SdkVersion.CURRENT).isEqualTo(new SdkVersion(SdkVersion.MAJOR, SdkVersion.MINOR, SdkVersion.PATCH));
        assertThatThrownBy(() -> SdkVersion.parse("3.x")).hasMessageContaining("'3.x'");
    }
}
